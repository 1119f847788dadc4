"""The kznames command line, run as a user runs it."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import kznames
from kznames.cli import main


def run(*args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "kznames.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_translit_an_argument():
    out = run("translit", "--system", "kk-bgn-pcgn", "Қасым-Жомарт Тоқаев")
    assert out.returncode == 0
    assert out.stdout == "Qasym-Zhomart Toqaev\n"


def test_translit_standard_input_line_by_line():
    out = run("translit", "-s", "ru-icao", "-", stdin="Юлия\nТокаев\n\nAlmaty\n")
    assert out.stdout.splitlines() == ["Iuliia", "Tokaev", "", "Almaty"]


@pytest.mark.parametrize("command", ["key", "normalize"])
def test_names_from_standard_input_keep_order_and_input(command):
    names = ["TOKAYEV Kassym-Jomart", "", "Тоқаев Қасым-Жомарт", "Nazarbayeva"]
    out = run(command, stdin="\n".join(names) + "\n")
    assert out.returncode == 0
    fn = getattr(kznames, command)
    assert out.stdout.splitlines() == [f"{n}\t{fn(n)}" for n in names]


def test_a_name_argument_prints_the_result_alone():
    assert run("normalize", "Toqaev Qasym-Zhomart").stdout == "person:tokayev-kassym-jomart\n"
    assert run("normalize", "Qasym Toqaev").stdout == "kasym tokaev\n"
    assert run("key", "Tokajew").stdout == "tokaev\n"


def test_readings_says_what_a_spelling_is():
    out = run("readings", "Tokajew")
    assert out.returncode == 0
    first = out.stdout.splitlines()[0]
    assert "German press" in first and "rendering of Токаев" in first and "key tokaev" in first


def test_readings_from_standard_input_one_line_a_reading():
    out = run("readings", stdin="Darja\nНазарбаев\n")
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    assert {r[0] for r in rows} == {"Darja", "Назарбаев"}
    assert all(len(r) == 5 for r in rows)
    assert ["Назарбаев", "Назарбаев", "nazarbaev", "0.00", ""] in rows
    assert rows[0][:3] == ["Darja", "Дарья", "daria"]


def test_readings_as_json():
    found = json.loads(run("readings", "--json", "Victor Kim").stdout)
    assert found[0]["form"].startswith("Виктор К") and found[0]["key"] == "viktor kim"
    assert [w["word"] for w in found[0]["words"]] == ["Victor", "Kim"]


def test_systems_as_text_and_json():
    text = run("systems").stdout.splitlines()
    assert [line.split()[0] for line in text] == sorted(kznames.systems())
    assert json.loads(run("systems", "--json").stdout) == kznames.systems()


@pytest.mark.parametrize(
    "args",
    [
        ["translit", "--system", "klingon", "x"],
        ["translit", "x"],
        ["frobnicate"],
        [],
        ["match", "Tokayev"],
        ["resolve", "--kind", "city", "Almaty"],
    ],
)
def test_usage_errors_exit_2_with_one_line(args):
    out = run(*args)
    assert out.returncode == 2
    assert out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1
    assert out.stderr.startswith("kznames")


def test_unknown_system_message_lists_the_valid_ids():
    err = run("translit", "--system", "klingon", "x").stderr
    assert "kk-bgn-pcgn" in err and "ru-icao" in err


@pytest.mark.parametrize(
    "command",
    ["translit", "key", "normalize", "parse", "match", "resolve", "extract", "systems"],
)
def test_every_command_has_help(command):
    out = run(command, "--help")
    assert out.returncode == 0
    assert "usage: kznames " + command in out.stdout


def test_main_returns_zero(capsys):
    assert main(["key", "Qozhaev"]) == 0
    assert capsys.readouterr().out == "kozhaev\n"


def test_parse_an_argument_and_standard_input():
    out = run("parse", "TOKAYEV Kassym-Jomart Kemelevich").stdout.splitlines()
    assert out == [
        "surname:    TOKAYEV",
        "given:      Kassym-Jomart",
        "patronymic: Kemelevich",
        "initials:",
        "gender:     male",
    ]
    piped = run("parse", stdin="Қ.Тоқаев\n\nNAZARBAYEVA DarigaNursultanovna\n").stdout
    assert piped.splitlines() == [
        "Қ.Тоқаев\tТоқаев\t\t\tҚ.\tmale",
        "\t\t\t\t\t",
        "NAZARBAYEVA DarigaNursultanovna\tNAZARBAYEVA\tDariga\tNursultanovna\t\tfemale",
    ]
    record = json.loads(run("parse", "--json", "K. Tokayev").stdout)
    assert record == {
        "name": "K. Tokayev",
        "surname": "Tokayev",
        "given": "",
        "patronymic": "",
        "initials": "K.",
        "gender": "male",
    }


def test_match_prints_the_explanation_or_json():
    a, b = "Tokayev Kassym-Jomart", "ТОҚАЕВ Қасым-Жомарт Кемелұлы"
    out = run("match", a, b)
    assert out.returncode == 0
    assert out.stdout == kznames.match(a, b).explain() + "\n"
    record = json.loads(run("match", "--json", "Nazarbayev", "Nazarbayeva").stdout)
    assert record["same"] is False
    assert {p["part"] for p in record["parts"]} >= {"surname", "given", "patronymic"}


def test_resolve_an_entity_an_ambiguous_name_and_nothing():
    assert run("resolve", "Tselinograd").stdout == "place:astana\tplace\tAstana\t(former name)\n"
    ambiguous = run("resolve", "Nazarbayev").stdout
    assert ambiguous.startswith("-\t") and "person:nazarbayev-nursultan" in ambiguous
    assert run("resolve", "Tokarev").stdout == "-\t\t\t(not found)\n"
    piped = run("resolve", "--json", stdin="Alma-Ata\nTokarev\n").stdout.splitlines()
    assert [json.loads(line)["id"] for line in piped] == ["place:almaty", None]


def test_resolve_with_a_registry_file(tmp_path):
    good = tmp_path / "mine.jsonl"
    good.write_text('{"id": "org:acme", "kind": "org", "name": "Acme"}\n', "utf-8")
    assert run("resolve", "--registry", str(good), "ACME").stdout.startswith("org:acme\t")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "org:acme", "kind": "org", "name": "Acme"}\n{"id": 3}\n', "utf-8")
    out = run("resolve", "--registry", str(bad), "Acme")
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1
    assert f"{bad}, line 2:" in out.stderr


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_extract_a_directory_as_a_table_json_and_csv():
    table = run("extract", str(SEEDS)).stdout
    assert table.startswith("person:tokayev-kassym-jomart  (person, Kassym-Jomart Tokayev): ")
    assert "    Toqaev ×" in table and "    Tokayev ×" in table
    entities = json.loads(run("extract", "--json", str(SEEDS)).stdout)
    forms = {e["id"]: set(e["forms"]) for e in entities}
    assert {"Toqaev", "Tokayev"} <= forms["person:tokayev-kassym-jomart"]
    assert {"Qosanov", "Kosanov"} <= {
        w for f in forms["person:kosanov-amirzhan"] for w in f.split()
    }
    assert {"Nazarbaev", "Nazarbayev"} <= forms["person:nazarbayev-nursultan"]
    assert {"Nur-Sultan", "Astana"} <= forms["place:astana"]
    rows = list(csv.DictReader(io.StringIO(run("extract", "--csv", str(SEEDS)).stdout)))
    assert sum(e["mentions"] for e in entities) == len(rows)
    first = rows[0]
    text = Path(first["file"]).read_text(encoding="utf-8")
    assert text[int(first["start"]) : int(first["end"])] == first["text"]


def test_extract_standard_input():
    out = run("extract", "--csv", "-", stdin="Qasym-Zhomart Toqaev met voters in Almaty.\n")
    assert out.stdout.splitlines()[1:] == [
        "-,0,20,Qasym-Zhomart Toqaev,person:tokayev-kassym-jomart,person,Kassym-Jomart Tokayev",
        "-,35,41,Almaty,place:almaty,place,Almaty",
    ]


def test_extract_names_the_file_it_cannot_read(tmp_path):
    bad = tmp_path / "cp1251.txt"
    bad.write_bytes("Токаев".encode("cp1251"))
    for args in ([str(bad)], [str(tmp_path / "missing.txt")]):
        out = run("extract", *args)
        assert out.returncode == 2
        assert len(out.stderr.strip().splitlines()) == 1
        assert args[0] in out.stderr


PEOPLE = 'id,name\n1,TOKAYEV Kassym-Jomart\n2,"Тоқаев Қасым-Жомарт"\n3,\n4,"Zaitov, Rinat"\n'


def test_dedupe_csv_keeps_every_row_and_adds_two_columns(tmp_path):
    source = tmp_path / "people.csv"
    source.write_text(PEOPLE, "utf-8")
    out = run("dedupe", str(source), "--column", "name")
    assert out.returncode == 0
    rows = list(csv.reader(io.StringIO(out.stdout)))
    assert rows[0] == ["id", "name", "kz_cluster", "kz_canonical"]
    assert [r[:2] for r in rows[1:]] == [r[:2] for r in csv.reader(io.StringIO(PEOPLE))][1:]
    expected = kznames.dedupe([r[1] or None for r in rows[1:]])
    assert [r[2] or None for r in rows[1:]] == expected
    assert rows[1][3] == "Kassym-Jomart Tokayev" and rows[3][2:] == ["", ""]
    assert "4 rows, 3 with a name, 3 distinct names, 2 clusters" in out.stderr


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_dedupe_shows_a_progress_bar_on_a_terminal_and_none_when_piped(tmp_path, monkeypatch):
    source = tmp_path / "people.csv"
    source.write_text(PEOPLE, "utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["dedupe", str(source), "-c", "name", "-o", str(tmp_path / "out.csv")]) == 0
    shown = terminal.getvalue()
    assert "\rkznames dedupe: reading people.csv [####################] 100% 4/4" in shown
    assert "parsing [####################] 100% 3/3" in shown
    assert "comparing [####################] 100%" in shown
    assert shown.endswith(
        "clusters; biggest: person:tokayev-kassym-jomart (2), person:zaitov-rinat (1)\n"
    )
    piped = run("dedupe", str(source), "-c", "name")
    assert "\r" not in piped.stderr and "[" not in piped.stderr


def test_dedupe_writes_tsv_and_parquet_files(tmp_path):
    tsv = tmp_path / "places.tsv"
    tsv.write_text("name\tn\nAlma-Ata\t1\nAlmaty\t2\n", "utf-8")
    target = tmp_path / "out.tsv"
    assert (
        run("dedupe", str(tsv), "-c", "name", "--kind", "place", "-o", str(target)).returncode == 0
    )
    assert target.read_text("utf-8").splitlines()[1:] == [
        "Alma-Ata\t1\tplace:almaty\tAlmaty",
        "Almaty\t2\tplace:almaty\tAlmaty",
    ]
    pandas = pytest.importorskip("pandas")
    parquet = tmp_path / "places.parquet"
    pandas.DataFrame({"name": ["Alma-Ata", None, "Шымкент"]}).to_parquet(parquet)
    result = tmp_path / "out.parquet"
    assert (
        run("dedupe", str(parquet), "-c", "name", "--kind", "place", "-o", str(result)).returncode
        == 0
    )
    frame = pandas.read_parquet(result)
    assert frame["kz_cluster"].tolist()[::2] == ["place:almaty", "place:shymkent"]
    assert frame["kz_cluster"].isna().tolist() == [False, True, False]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"id,who\n1,x\n", "line 1: no column 'name'"),
        (b"id,name\n1,a,b\n", "line 2: 3 fields, the header has 2"),
        (b"id,name\n1,ok\n2,\xff\xfe\n", "line 3: not UTF-8 text"),
        (b"", "the file is empty"),
    ],
)
def test_dedupe_errors_name_the_file_and_line_and_leave_no_output(tmp_path, content, problem):
    source = tmp_path / "in.csv"
    source.write_bytes(content)
    target = tmp_path / "out.csv"
    out = run("dedupe", str(source), "-c", "name", "-o", str(target))
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1
    assert f"{source}" in out.stderr and problem in out.stderr
    assert list(tmp_path.iterdir()) == [source]  # nothing half-written, no temporary left


def test_dedupe_standard_input():
    out = run("dedupe", "-", "-c", "name", stdin=PEOPLE)
    assert out.stdout.splitlines()[1].endswith(
        ",person:tokayev-kassym-jomart,Kassym-Jomart Tokayev"
    )


def test_the_summary_counts_only_values_that_are_names(tmp_path):
    source = tmp_path / "people.csv"
    source.write_text("name\nTokayev\n123\n\nТоқаев\n !!! \n", "utf-8")
    out = run("dedupe", str(source), "--column", "name")
    assert out.returncode == 0, out.stderr
    assert "5 rows, 2 with a name, 2 distinct names, 1 clusters" in out.stderr

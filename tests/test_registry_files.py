"""Registry files that are hostile, malformed or huge: every value loads as written,
every error names the file and line, and no input takes more than linear work."""

import csv
import errno
import io
import json
import re
import sys

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kznames import Entity, Registry
from kznames import registry as registry_module
from kznames.cli import main
from kznames.registry import FIRST_YEAR, LAST_YEAR, entity_from_record

PLACE = {"id": "place:a", "kind": "place", "name": "A"}


def jsonl(*records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


# -- The years of a former name, read in linear time (issue 11, item 7) --------------

# The pattern the years were read with: cubic in a run of spaces (the issue: 4,000 took 31 s).
OLD_YEARS = re.compile(r"^(?P<names>.*?)(?:\s+(?P<start>\d{3,4})?\s*-\s*(?P<end>\d{3,4})?)?$")
# The same pattern where '.' also matches a line break and '$' is the very end: the old
# one finds no match at all in a text with a line break (an AssertionError), which a
# CSV value can now hold; this is the meaning kept for it.
OLD_YEARS_ANY_LINE = re.compile(OLD_YEARS.pattern[:-1] + r"\Z", re.DOTALL)


def old_years(pattern, text):
    m = pattern.match(text)
    if m is None:
        return None
    start, end = m["start"], m["end"]
    return m["names"], int(start) if start else None, int(end) if end else None


YEAR_TEXT = st.text(
    alphabet=st.sampled_from("  \t\n\r\x85\u2028\u3000-–aЖ|019٣²"), max_size=24
) | st.builds(
    "{}{}{}{}{}".format,
    st.text(alphabet="a -1", max_size=6),
    st.sampled_from(["", " ", "  ", "\u2028"]),
    st.sampled_from(["", "12", "192", "1921", "19210", "١٩٢١"]),
    st.sampled_from(["-", " - ", "--", " -", "- "]),
    st.sampled_from(["", "199", "1993", "19930", "٣٣٣", " 1993", "1993 "]),
)


@settings(max_examples=3000, deadline=None)
@given(YEAR_TEXT)
def test_the_years_are_read_as_the_old_pattern_read_them(text):
    assert registry_module._years(text) == old_years(OLD_YEARS_ANY_LINE, text)
    # The loader reads the years of a stripped text: there, wherever the old pattern
    # found a match, the result is the same.
    if text == text.strip() and (old := old_years(OLD_YEARS, text)) is not None:
        assert registry_module._years(text) == old


def count_lines_run(function, *args):
    """How many lines of Python run in ``function`` and what it calls in its module
    (not, say, a garbage collector's callback that happens to run meanwhile)."""
    lines = 0

    def tracer(frame, event, arg):
        nonlocal lines
        if event == "line" and frame.f_code.co_filename == function.__code__.co_filename:
            lines += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        function(*args)
    finally:
        sys.settrace(previous)
    return lines


@pytest.mark.parametrize(
    "shape",
    [
        "A{} x",
        "A{}-x",
        "A{}1921 - 1993",
        "A 1921{}-{}1993",
        "A{}1{}-",
        "A{}12345-{}1993",
        "{}-1921",
    ],
)
def test_reading_the_years_takes_the_same_steps_for_any_run_of_spaces(shape):
    # Every step of _years is a bounded one or a C-level rstrip/slice (linear): the
    # number of Python lines run does not grow with the run of spaces.
    steps = [
        count_lines_run(registry_module._years, shape.replace("{}", " " * n)) for n in (1, 10_000)
    ]
    assert steps[0] == steps[1]


def test_a_former_text_with_a_long_run_of_spaces_is_read():
    record = {**PLACE, "former": "Alma" + " " * 100_000 + "Ata 1921-1993"}
    (former,) = entity_from_record(record).former
    assert former.names == ("Alma" + " " * 100_000 + "Ata",)
    assert (former.start, former.end) == (1921, 1993)


def test_a_former_text_with_a_line_break_is_read():
    (former,) = entity_from_record({**PLACE, "former": "Alma\nAta 1921-1993"}).former
    assert (former.names, former.start, former.end) == (("Alma\nAta",), 1921, 1993)


# -- Records split as JSON Lines and CSV split them (item 11) --------------------------


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1e"])
def test_a_json_lines_value_keeps_a_character_that_python_would_split_lines_at(tmp_path, char):
    path = write(
        tmp_path, "r.jsonl", jsonl({**PLACE, "name": f"A{char}B"}, {**PLACE, "id": "place:b"})
    )
    assert [e.name for e in Registry.from_file(path)] == [f"A{char}B", "A"]


@pytest.mark.parametrize(("suffix", "sep"), [("csv", ","), ("tsv", "\t")])
@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2028", "\x85"])
def test_a_quoted_line_break_stays_in_a_csv_value(tmp_path, suffix, sep, brk):
    rows = [["id", "kind", "name"], ["place:a", "place", f"X{brk}Y"], ["place:b", "place", "B"]]
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=sep).writerows(rows)
    path = write(tmp_path, f"r.{suffix}", out.getvalue())
    assert [e.name for e in Registry.from_file(path)] == [f"X{brk}Y", "B"]


def test_a_line_after_a_value_of_three_lines_is_named_right(tmp_path):
    text = 'id,kind,name\nplace:a,place,"X\nY\nZ"\nplace:b,city,B\n'
    with pytest.raises(ValueError, match=r"r\.csv, line 5: 'kind'"):
        Registry.from_file(write(tmp_path, "r.csv", text))
    text = 'id,kind,name\nplace:a,place,A\nplace:b,city,"X\nY"\n'
    with pytest.raises(ValueError, match=r"r\.csv, line 3: 'kind'"):
        Registry.from_file(write(tmp_path, "r.csv", text))


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('id,kind,name\nplace:a,place,"X"Y\n', 2, "expected after"),
        ('id,kind,name\nplace:a,place,A\nplace:b,place,"B\n\n', 3, "unexpected end of data"),
        ("id,kind,name\nplace:a,place,A,extra\n", 2, "4 fields, the header has 3"),
        ("id,kind,name,name\nplace:a,place,A,B\n", 1, "'name' twice"),
    ],
)
def test_csv_that_would_lose_or_alter_a_value_is_an_error(tmp_path, text, line, problem):
    path = write(tmp_path, "r.csv", text)
    with pytest.raises(ValueError, match=problem) as err:
        Registry.from_file(path)
    assert str(err.value).startswith(f"{path}, line {line}: ")


def test_a_short_row_and_a_blank_line_are_read(tmp_path):
    path = write(tmp_path, "r.csv", "id,kind,name,source\n\nplace:a,place,A\n")
    assert [e.source for e in Registry.from_file(path)] == [None]


# -- Long fields (item 15) -------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["csv", "tsv", "jsonl"])
def test_a_field_longer_than_the_csv_modules_default_limit_loads(tmp_path, suffix):
    long = "A" * 300_000
    if suffix == "jsonl":
        text = jsonl({**PLACE, "name": long})
    else:
        sep = "," if suffix == "csv" else "\t"
        text = f"id{sep}kind{sep}name\nplace:a{sep}place{sep}{long}\n"
    before = csv.field_size_limit()
    assert [e.name for e in Registry.from_file(write(tmp_path, f"r.{suffix}", text))] == [long]
    assert csv.field_size_limit() >= before  # never lowered for other readers


# -- Wrong arguments (item 18) ---------------------------------------------------------

ALMATY = Entity("place:almaty", "place", "Almaty")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Registry(None), "entities must be an iterable of Entity objects, not NoneType"),
        (lambda: Registry(3), "entities must be an iterable of Entity objects, not int"),
        (lambda: Registry(ALMATY), "entities must be an iterable of Entity objects, not Entity"),
        (lambda: Registry("abc"), "entities must be an iterable of Entity objects, not a str"),
        (lambda: Registry([ALMATY, None]), "entities must hold only Entity objects; item 1 is"),
        (lambda: Registry([], origin=3), "origin must be a str, not int"),
        (lambda: Registry.from_records(None), "records must be an iterable of mappings"),
        (lambda: Registry.from_records(PLACE), "records must be an iterable of mappings, not dict"),
        (
            lambda: Registry.from_records("abc"),
            "records must be an iterable of mappings, not a str",
        ),
        (lambda: Registry.from_records([PLACE, 3]), "records must hold only mappings; item 1 is"),
        (lambda: Registry.from_records([], origin=None), "origin must be a str, not NoneType"),
        (lambda: Registry().extended(None), "entities must be an iterable of Entity objects"),
        (lambda: Registry().extended(ALMATY), "entities must be an iterable of Entity objects"),
        (lambda: Registry().extended([3]), "entities must hold only Entity objects; item 0 is"),
        (lambda: Registry.from_file(None), "path must be a str or Path, got NoneType"),
        (lambda: Registry().lookup(None), "name must be a str, not NoneType"),
        (lambda: Registry().lookup("A", kind=3), "kind must be a str, not int"),
    ],
)
def test_a_wrong_argument_is_a_type_error_naming_it(call, message):
    with pytest.raises(TypeError, match=re.escape(message)):
        call()


def test_a_missing_file_is_named(tmp_path):
    missing = tmp_path / "nope.csv"
    with pytest.raises(FileNotFoundError) as err:
        Registry.from_file(missing)
    assert str(err.value) == f"{missing}: no such file or directory"
    assert err.value.errno == errno.ENOENT
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with pytest.raises(OSError, match=re.escape(f"{folder}: ")):
        Registry.from_file(folder)


# -- Malformed files: one clear error with file, line and field (item 19) --------------

DEEP = "[" * 100_000 + "]" * 100_000
LONG_NUMBER = "9" * 5000


def former(start, end):
    return {**PLACE, "former": [{"names": ["B"], "from": start, "to": end}]}


# Errors in the values of a record.
VALUE_ERRORS = [
    (
        "long_number.jsonl",
        jsonl(PLACE)[:-2] + f', "population": {LONG_NUMBER}}}\n',
        1,
        "'population' must be a whole number from 0 to 999999999999999999, "
        "got a number of more than 18 digits",
    ),
    (
        "long_year.jsonl",
        jsonl(PLACE)[:-2] + f', "former": [{{"names": ["B"], "from": -{LONG_NUMBER}}}]}}\n',
        1,
        f"'from' must be a year from {FIRST_YEAR} to {LAST_YEAR}, "
        "got a number of more than 18 digits",
    ),
    (
        "long_number.csv",
        f"id,kind,name,geonameid\nplace:a,place,A,{LONG_NUMBER}\n",
        2,
        "'geonameid' must be a whole number from 0 to",
    ),
    ("backwards.jsonl", jsonl(former(1993, 1921)), 1, "'former' years run backwards: 1993 to 1921"),
    ("backwards.csv", "id,kind,name,former\nplace:a,place,A,B 1993-1921\n", 2, "run backwards"),
    ("negative.jsonl", jsonl(former(-5, None)), 1, f"'from' must be a year from {FIRST_YEAR}"),
    ("huge.jsonl", jsonl(former(None, 10**30)), 1, "'to' must be a year from"),
    ("early.csv", "id,kind,name,former\nplace:a,place,A,B 0099-1921\n", 2, "got 99"),
    ("late.csv", "id,kind,name,former\nplace:a,place,A,B -9999\n", 2, "got 9999"),
    (
        "float.jsonl",
        jsonl(former(1921.5, None)),
        1,
        "'from' must be a year from 500 to 2100, got 1921.5",
    ),
    ("text_year.jsonl", jsonl(former("1921", None)), 1, "got '1921'"),
    ("negative.csv", "id,kind,name,population\nplace:a,place,A,-5\n", 2, "got '-5'"),
    ("superscript.csv", "id,kind,name,population\nplace:a,place,A,²\n", 2, "got '²'"),
    ("former_key.jsonl", jsonl({**PLACE, "former": [{"names": ["B"], "form": 1921}]}), 1, "'form'"),
]
# Errors in the file: its JSON, its encoding, its ids.
READ_ERRORS = [
    ("deep.jsonl", jsonl(PLACE) + DEEP + "\n", 2, "nested too deeply"),
    ("deep.json", "[\n" + json.dumps(PLACE) + ",\n" + DEEP + "\n]", 3, "nested too deeply"),
    (
        "deep_field.jsonl",
        jsonl(PLACE)[:-2] + ', "kk": ' + DEEP + "}\n",
        1,
        "nested too deeply",
    ),
    (
        "dup.jsonl",
        jsonl(PLACE, {**PLACE, "id": "place:b"}, PLACE),
        3,
        "'place:a' is claimed twice (first on line 1)",
    ),
    ("dup.csv", "id,kind,name\nplace:a,place,A\nplace:a,place,B\n", 3, "first on line 2"),
    (
        "after.json",
        json.dumps([PLACE]) + "\n" + json.dumps(PLACE) + "\n",
        2,
        "after the end of the JSON array",
    ),
    ("two.jsonl", json.dumps(PLACE) + " " + json.dumps(PLACE) + "\n", 1, "extra data"),
    ("mac.jsonl", jsonl(PLACE) + "\u2028" + "\n", 2, "invalid JSON"),
    ("not_utf8.jsonl", jsonl(PLACE) + '{"name": "\udcff"}\n', 2, "not UTF-8 text"),
]
MALFORMED = VALUE_ERRORS + READ_ERRORS


def write_malformed(tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8", "surrogateescape"))  # "\udcff": a byte not UTF-8
    return path


@pytest.mark.parametrize(
    ("name", "text", "line", "problem"), MALFORMED, ids=[m[0] for m in MALFORMED]
)
def test_a_malformed_file_is_one_error_naming_the_file_line_and_field(
    tmp_path, name, text, line, problem
):
    path = write_malformed(tmp_path, name, text)
    with pytest.raises(ValueError) as err:
        Registry.from_file(path)
    assert str(err.value).startswith(f"{path}, line {line}: ")
    assert problem in str(err.value)


@pytest.mark.parametrize(
    ("name", "text", "line", "problem"), MALFORMED, ids=[m[0] for m in MALFORMED]
)
def test_the_command_line_says_it_in_one_line(tmp_path, capsys, name, text, line, problem):
    path = write_malformed(tmp_path, name, text)
    with pytest.raises(SystemExit) as stop:
        main(["resolve", "--registry", str(path), "Almaty"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert f"{path}, line {line}: " in err and problem in err


@pytest.mark.parametrize("text", ["id,kind,name\nplace:a,place," + "A" * 200_000 + "\n"])
def test_the_command_line_reads_a_long_csv_field(tmp_path, capsys, text):
    path = write(tmp_path, "long.csv", text)
    assert main(["resolve", "--registry", str(path), "Almaty"]) == 0
    assert capsys.readouterr().out == "-\t\t\t(not found)\n"


def test_the_command_line_names_a_missing_registry_file(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["resolve", "--registry", str(tmp_path / "nope.csv"), "Almaty"])
    err = capsys.readouterr().err
    assert err.startswith(f"kznames: error: {tmp_path / 'nope.csv'}: no such file or directory")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(("start", "end"), [(FIRST_YEAR, LAST_YEAR), (1921, 1921), (None, 500)])
def test_the_years_at_the_bounds_are_accepted(start, end):
    (name,) = entity_from_record(former(start, end)).former
    assert (name.start, name.end) == (start, end)


@pytest.mark.parametrize("year", [FIRST_YEAR - 1, LAST_YEAR + 1, 0, True])
def test_a_year_outside_the_bounds_is_an_error(year):
    with pytest.raises((TypeError, ValueError), match="'to' must be a year from 500 to 2100"):
        entity_from_record(former(None, year))


# -- Linear work in the number of records ----------------------------------------------


class CountingText(str):
    """A text that counts the characters its ``count`` method looks at."""

    looked_at = 0

    def count(self, sub, start=0, end=sys.maxsize):  # type: ignore[override]
        CountingText.looked_at += max(0, min(end, len(self)) - start)
        return super().count(sub, start, end)


def test_a_json_array_is_read_with_one_pass_over_its_lines():
    # Each record's line was counted from the start of the file: 40,000 records took 37 s.
    records = [{"id": f"place:p{i}", "kind": "place", "name": f"P{i}"} for i in range(2000)]
    text = CountingText("[\n" + ",\n".join(map(json.dumps, records)) + "\n]\n")
    CountingText.looked_at = 0
    read = list(registry_module._json_records(text, "r.json"))
    assert [line for line, _ in read] == list(range(2, 2002))
    assert CountingText.looked_at <= len(text)


# -- Every value comes back as written (property) ---------------------------------------

HOSTILE = st.text(
    alphabet=st.sampled_from("aЖ1 -,;\"'\t\r\n\r\n\u2028\u2029\x85\x0b\x0c\x1c\xa0\ufeff\x00😀"),
    max_size=12,
) | st.text(max_size=8)


def value(extra_forbidden=""):
    """Text as a field keeps it: stripped (the loader strips), not empty, no separator."""
    return HOSTILE.map(str.strip).filter(lambda v: v and not any(c in v for c in extra_forbidden))


YEARS = st.one_of(
    st.tuples(st.none(), st.none()),
    st.tuples(st.integers(FIRST_YEAR, LAST_YEAR), st.none()),
    st.tuples(st.none(), st.integers(FIRST_YEAR, LAST_YEAR)),
    st.tuples(st.integers(FIRST_YEAR, LAST_YEAR), st.integers(FIRST_YEAR, LAST_YEAR)).map(sorted),
)
RECORD = st.fixed_dictionaries(
    {"name": value()},
    optional={
        **{field: st.lists(value("|"), min_size=1, max_size=3) for field in ("kk", "ru", "latin")},
        "acronyms": st.lists(value("|"), min_size=1, max_size=2),
        "source": value() | st.just("S" * 150_000),
        "type": value(),
        "population": st.integers(0, 10**18 - 1),
        "former": st.lists(
            st.tuples(st.lists(value("|;"), min_size=1, max_size=2), YEARS), min_size=1, max_size=2
        ),
    },
)


def former_text(entries):
    def years(start, end):
        return "" if start is None and end is None else f" {start or ''}-{end or ''}"

    return "; ".join("|".join(names) + years(*span) for names, span in entries)


def as_file(records, suffix):
    if suffix == "jsonl":
        rows = []
        for r in records:
            former = [{"names": n, "from": s, "to": e} for n, (s, e) in r.get("former", [])]
            rows.append(
                json.dumps({**r, **({"former": former} if former else {})}, ensure_ascii=False)
            )
        return "\n".join(rows) + "\n"
    fields = ["id", "kind", "name", "kk", "ru", "latin", "acronyms", "source", "type"]
    fields += ["population", "former"]
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter="," if suffix == "csv" else "\t")
    writer.writerow(fields)
    for r in records:
        cells = {**r, "former": former_text(r.get("former", []))}
        cells.update({f: "|".join(r[f]) for f in ("kk", "ru", "latin", "acronyms") if f in r})
        writer.writerow([str(cells.get(f, "")) for f in fields])
    return out.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(RECORD, min_size=1, max_size=4), st.sampled_from(["jsonl", "csv", "tsv"]))
def test_every_value_of_a_valid_file_loads_back_as_written(tmp_path_factory, drawn, suffix):
    records = [{"id": f"place:p{i}", "kind": "place", **r} for i, r in enumerate(drawn)]
    if suffix != "jsonl":
        for r in records:
            for names, span in r.get("former", []):
                # The text form cannot say that a name ends in what reads as years.
                text = former_text([(names, span)])
                assume(registry_module._years(text) == ("|".join(names), *span))
    path = tmp_path_factory.mktemp("p") / f"r.{suffix}"
    path.write_text(as_file(records, suffix), encoding="utf-8", newline="")
    loaded = list(Registry.from_file(path))
    assert [e.id for e in loaded] == [r["id"] for r in records]
    for entity, r in zip(loaded, records, strict=True):
        assert entity.name == r["name"]
        for f in ("kk", "ru", "latin", "acronyms"):
            assert getattr(entity, f) == tuple(r.get(f, ()))
        assert (entity.source, entity.type, entity.population) == (
            r.get("source"),
            r.get("type"),
            r.get("population"),
        )
        expected = tuple((tuple(n), s, e) for n, (s, e) in r.get("former", []))
        assert tuple((f.names, f.start, f.end) for f in entity.former) == expected

"""``kznames dedupe`` as a file tool: every field comes out as it went in, whatever
the bytes, and the output file behaves as a user expects of a new or replaced file."""

import csv
import io
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kznames
import kznames.cli
from kznames.cli import main


def call(args, stdin=b""):
    """Run ``main`` in this process with byte streams; ``(exit code, stdout, stderr)``."""
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    sys.stderr = io.StringIO()
    try:
        try:
            code = main(args)
        except SystemExit as stop:
            code = stop.code
        sys.stdout.flush()
        return code, sys.stdout.buffer.getvalue(), sys.stderr.getvalue()
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def read_csv(data, delimiter=","):
    """The rows of CSV bytes as Python's csv module reads them, fields of any length."""
    limit = csv.field_size_limit(sys.maxsize)
    try:
        text = io.StringIO(data.decode("utf-8"), newline="")
        return list(csv.reader(text, delimiter=delimiter, strict=True))
    finally:
        csv.field_size_limit(limit)


def written(rows, delimiter=",", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL):
    text = io.StringIO(newline="")
    csv.writer(text, delimiter=delimiter, lineterminator=lineterminator, quoting=quoting).writerows(
        rows
    )
    return text.getvalue().encode("utf-8")


# Each value a CSV writer must quote, and the row that follows it.
NASTY = [
    ["id", "name", "note"],
    ["1", "a\rb", "lone carriage return"],
    ["2", "Tokayev", "x\r\ny"],
    ["3", "Toqaev", 'quote " and, comma'],
    ["4", "", "tab\there\nand newline"],
    ["5", "Nazarbayev\r", "\r"],
]


def test_a_lone_carriage_return_is_quoted_so_every_reader_sees_the_same_rows(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(written(NASTY))
    target = tmp_path / "out.csv"
    code, _, _ = call(["dedupe", str(source), "-c", "name", "-o", str(target)])
    assert code == 0
    rows = read_csv(target.read_bytes())
    assert [r[:3] for r in rows] == NASTY
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(target, dtype=str, keep_default_na=False)
    assert [list(NASTY[0]), *[r[:3] for r in frame.values.tolist()]] == NASTY
    polars = pytest.importorskip("polars")
    frame = polars.read_csv(target, infer_schema=False, empty_string_is_null=False)
    assert [r[:3] for r in frame.rows()] == [tuple(r) for r in NASTY[1:]]


@pytest.mark.parametrize("rows", [[["id", "name"], ["1", "x\r\ny"], ["2", "Tokayev\r\n"]], NASTY])
def test_line_breaks_inside_fields_survive_standard_input_and_output(tmp_path, rows):
    data = written(rows)
    source = tmp_path / "in.csv"
    source.write_bytes(data)
    for args, stdin in ((["dedupe", str(source)], b""), (["dedupe", "-"], data)):
        code, out, _ = call([*args, "-c", "name"], stdin)
        assert code == 0
        assert [r[: len(rows[0])] for r in read_csv(out)] == rows


def test_a_blank_line_in_a_one_column_file_is_an_empty_name(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(b"name\nTokayev\n\nToqaev\n\n")
    code, out, err = call(["dedupe", str(source), "-c", "name"])
    assert code == 0, err
    rows = read_csv(out)
    assert [r[0] for r in rows] == ["name", "Tokayev", "", "Toqaev", ""]
    assert rows[2][1:] == rows[4][1:] == ["", ""]
    assert rows[1][1] == rows[3][1] != ""


def test_a_blank_line_with_several_columns_is_still_a_short_row(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(b"id,name\n1,Tokayev\n\n")
    code, _, err = call(["dedupe", str(source), "-c", "name"])
    assert code == 2
    assert f"{source}, line 3: 0 fields, the header has 2" in err


def test_a_field_longer_than_the_csv_module_limit_passes_through(tmp_path):
    long = "Tokayev " + "x" * 300_000
    source = tmp_path / "in.csv"
    source.write_bytes(written([["name", "note"], ["Toqaev", long], [long, "short"]]))
    code, out, err = call(["dedupe", str(source), "-c", "name"])
    assert code == 0, err
    assert [r[:2] for r in read_csv(out)] == [["name", "note"], ["Toqaev", long], [long, "short"]]


def test_a_registry_with_a_field_over_the_csv_module_limit_loads(tmp_path):
    registry = tmp_path / "mine.csv"
    registry.write_text("id,kind,name,latin\norg:acme,org,Acme," + "A" * 200_000 + "\n", "utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "kznames.cli", "resolve", "--registry", str(registry), "Acme"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout.split("\t")[:3] == ["org:acme", "org", "Acme"]


class _Counted:
    """``dedupe_detail`` with a count of its calls."""

    def __init__(self):
        self.calls = 0
        self.real = kznames.cli.dedupe_detail

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.real(*args, **kwargs)


@pytest.mark.parametrize("where", ["missing/out.csv", "folder", "folder/"])
def test_an_output_that_cannot_be_written_fails_before_the_work(tmp_path, monkeypatch, where):
    source = tmp_path / "in.csv"
    source.write_bytes(written(NASTY))
    (tmp_path / "folder").mkdir()
    counted = _Counted()
    monkeypatch.setattr(kznames.cli, "dedupe_detail", counted)
    target = str(tmp_path / where)
    code, _, err = call(["dedupe", str(source), "-c", "name", "-o", target])
    assert code == 2
    assert counted.calls == 0
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"kznames: error: {target}: ")
    assert ".kznames" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "in.csv"]
    assert list((tmp_path / "folder").iterdir()) == []


@pytest.fixture
def umask():
    saved = os.umask(0o022)
    yield os.umask
    os.umask(saved)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_output_file_has_the_permissions_of_the_umask(tmp_path, umask):
    source = tmp_path / "in.csv"
    source.write_bytes(written(NASTY))
    for mask in (0o022, 0o077, 0o002):
        umask(mask)
        target = tmp_path / f"out{mask:o}.csv"
        assert call(["dedupe", str(source), "-c", "name", "-o", str(target)])[0] == 0
        assert mode(target) == 0o666 & ~mask


def test_a_replaced_output_file_keeps_its_mode(tmp_path, umask):
    source = tmp_path / "in.csv"
    source.write_bytes(written(NASTY))
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    target.chmod(0o640)
    assert call(["dedupe", str(source), "-c", "name", "-o", str(target)])[0] == 0
    assert mode(target) == 0o640
    assert read_csv(target.read_bytes())[0][-1] == "kz_canonical"


def test_an_output_through_a_symlink_replaces_the_file_it_points_to(tmp_path, umask):
    source = tmp_path / "in.csv"
    source.write_bytes(written(NASTY))
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "out.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert call(["dedupe", str(source), "-c", "name", "-o", str(link)])[0] == 0
    assert link.is_symlink()
    assert read_csv(real.read_bytes())[0][-1] == "kz_canonical"
    assert sorted(p.name for p in real.parent.iterdir()) == ["out.csv"]


# The CSV round trip. A field may hold any text a UTF-8 file can: every character but
# the lone surrogates, which UTF-8 cannot encode (and NUL on Python 3.10, whose csv
# reader refuses it), weighted toward what a writer must quote or a reader may trip
# on. One thing the format itself cannot carry is left out: a U+FEFF opening the
# file, which every reader takes for the byte order mark.
UNWRITABLE = "" if sys.version_info >= (3, 11) else "\x00"
SPECIAL = ["\r", "\n", "\r\n", '"', ",", "\t", " ", "\x00", "\ufeff", "\u2028", "\x85", "\x0c"]
FIELD = st.lists(
    st.sampled_from([c for c in SPECIAL if c not in UNWRITABLE])
    | st.characters(exclude_categories=("Cs",), exclude_characters=UNWRITABLE),
    max_size=10,
).map("".join)
# Every valid way to write it: a lone \r must be quoted, so with a "\n" line
# terminator every field is.
DIALECTS = [("\r\n", csv.QUOTE_MINIMAL), ("\r\n", csv.QUOTE_ALL), ("\n", csv.QUOTE_ALL)]


@st.composite
def tables(draw):
    """A header with a "name" column somewhere and rows of any fields."""
    width = draw(st.integers(1, 4))
    header = draw(st.lists(FIELD, min_size=width, max_size=width, unique=True))
    header = [h for h in header if h != "name"][: width - 1]
    header.insert(draw(st.integers(0, len(header))), "name")
    if header[0].startswith("\ufeff"):
        header[0] = "id"
    rows = draw(st.lists(st.lists(FIELD, min_size=len(header), max_size=len(header)), max_size=8))
    return [header, *rows]


def assert_round_trip(table, out, delimiter):
    """Every field of ``table`` comes out unaltered, in order, two columns added."""
    rows = read_csv(out, delimiter)
    width = len(table[0])
    assert [r[:width] for r in rows] == table
    assert rows[0][width:] == ["kz_cluster", "kz_canonical"]
    assert {len(r) for r in rows} == {width + 2}
    index = table[0].index("name")
    labels = [r[width] or None for r in rows[1:]]
    assert labels == kznames.dedupe([r[index] or None for r in table[1:]])


@settings(max_examples=100, deadline=None)
@given(table=tables(), dialect=st.sampled_from(DIALECTS), tsv=st.booleans())
def test_every_field_comes_out_as_it_went_in(table, dialect, tsv):
    delimiter = "\t" if tsv else ","
    data = written(table, delimiter, *dialect)
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / ("in.tsv" if tsv else "in.csv")
        source.write_bytes(data)
        target = Path(directory) / ("out.tsv" if tsv else "out.csv")
        code, _, err = call(["dedupe", str(source), "-c", "name", "-o", str(target)])
        assert code == 0, err
        assert_round_trip(table, target.read_bytes(), delimiter)
        code, out, err = call(["dedupe", str(source), "-c", "name"])
        assert (code, out) == (0, target.read_bytes()), err
        fmt = "tsv" if tsv else "csv"
        code, out, err = call(["dedupe", "-", "-c", "name", "--format", fmt], data)
        assert (code, out) == (0, target.read_bytes()), err


@settings(max_examples=30, deadline=None)
@given(table=tables())
def test_pandas_and_polars_read_the_output_as_written(table):
    pandas = pytest.importorskip("pandas")
    polars = pytest.importorskip("polars")
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / "in.csv"
        source.write_bytes(written(table))
        target = Path(directory) / "out.csv"
        code, _, err = call(["dedupe", str(source), "-c", "name", "-o", str(target)])
        assert code == 0, err
        width = len(table[0])
        frame = pandas.read_csv(target, dtype=str, keep_default_na=False)
        assert [r[:width] for r in frame.values.tolist()] == table[1:]
        frame = polars.read_csv(target, infer_schema=False, empty_string_is_null=False)
        assert [list(r[:width]) for r in frame.rows()] == table[1:]

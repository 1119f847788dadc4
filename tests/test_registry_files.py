"""Registry files that are hostile, malformed or huge: every value loads as written,
every error names the file and line, and no input takes more than linear work."""

import errno
import json
import re
import sys

import pytest
from hypothesis import given, settings
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

# The pattern the years were read with: cubic in a run of spaces (4,000 took 31 s).
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
    """How many lines of Python run in ``function`` and everything it calls."""
    lines = 0

    def tracer(frame, event, arg):
        nonlocal lines
        if event == "line":
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


# -- Wrong arguments (item 18) ---------------------------------------------------------

ALMATY = Entity("place:almaty", "place", "Almaty")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Registry(None), "entities must be an iterable of Entity objects, got NoneType"),
        (lambda: Registry(3), "entities must be an iterable of Entity objects, got int"),
        (lambda: Registry(ALMATY), "entities must be an iterable of Entity objects, got Entity"),
        (lambda: Registry("abc"), "entities must be an iterable of Entity objects, got str"),
        (lambda: Registry([ALMATY, None]), "entities must hold only Entity objects; item 1 is"),
        (lambda: Registry([], origin=3), "origin must be a str, not int"),
        (lambda: Registry.from_records(None), "records must be an iterable of mappings"),
        (lambda: Registry.from_records(PLACE), "records must be an iterable of mappings, got dict"),
        (lambda: Registry.from_records("abc"), "records must be an iterable of mappings, got str"),
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


def test_the_command_line_names_a_missing_registry_file(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["resolve", "--registry", str(tmp_path / "nope.csv"), "Almaty"])
    err = capsys.readouterr().err
    assert err.startswith(f"kznames: error: {tmp_path / 'nope.csv'}: no such file or directory")
    assert len(err.splitlines()) == 1


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
MALFORMED = VALUE_ERRORS


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


@pytest.mark.parametrize(("start", "end"), [(FIRST_YEAR, LAST_YEAR), (1921, 1921), (None, 500)])
def test_the_years_at_the_bounds_are_accepted(start, end):
    (name,) = entity_from_record(former(start, end)).former
    assert (name.start, name.end) == (start, end)


@pytest.mark.parametrize("year", [FIRST_YEAR - 1, LAST_YEAR + 1, 0, True])
def test_a_year_outside_the_bounds_is_an_error(year):
    with pytest.raises((TypeError, ValueError), match="'to' must be a year from 500 to 2100"):
        entity_from_record(former(None, year))

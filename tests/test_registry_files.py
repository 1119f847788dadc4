"""Registry files that are hostile, malformed or huge: every value loads as written,
every error names the file and line, and no input takes more than linear work."""

import json
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kznames import registry as registry_module
from kznames.registry import entity_from_record

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

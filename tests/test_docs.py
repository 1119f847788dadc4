"""The documentation says what the code does: generated tables and docstrings."""

import inspect
import itertools
import re
import sys
from pathlib import Path

import pytest

import kznames

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs"))
import hooks  # noqa: E402


def test_readme_table_of_systems_is_the_generated_one():
    assert hooks.systems_table() in (ROOT / "README.md").read_text(encoding="utf-8")


FUNCTIONS = [n for n in kznames.__all__ if not inspect.isclass(getattr(kznames, n))]
CLASSES = [n for n in kznames.__all__ if inspect.isclass(getattr(kznames, n))]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_public_functions_have_typed_signatures_and_examples(name):
    fn = getattr(kznames, name)
    doc = inspect.getdoc(fn)
    assert doc and ">>>" in doc, f"{name} needs a docstring with an example"
    hints = inspect.get_annotations(fn)
    assert "return" in hints and len(hints) == len(inspect.signature(fn).parameters) + 1


@pytest.mark.parametrize("name", CLASSES)
def test_public_classes_say_what_they_are_with_typed_fields(name):
    cls = getattr(kznames, name)
    assert inspect.getdoc(cls), f"{name} needs a docstring"
    public = [m for m, v in vars(cls).items() if inspect.isfunction(v) and not m.startswith("_")]
    for method in public:
        assert inspect.getdoc(getattr(cls, method)), f"{name}.{method} needs a docstring"
        assert "return" in inspect.get_annotations(getattr(cls, method)), f"{name}.{method}"


def _cells(row):
    return len(re.split(r"(?<!\\)\|", row)) - 2


@pytest.mark.parametrize("table", sorted(hooks.TABLES))
def test_generated_tables_are_well_formed(table):
    """Every row of every generated table has as many cells as its header."""
    tables = [
        list(rows)
        for is_row, rows in itertools.groupby(
            hooks.TABLES[table]().splitlines(), key=lambda line: line.startswith("|")
        )
        if is_row
    ]
    assert tables, table
    for rows in tables:
        assert {_cells(row) for row in rows} == {_cells(rows[0])}, rows[0]


def test_every_marker_in_the_pages_has_a_table():
    for page in (ROOT / "docs" / "pages").glob("*.md"):
        for name in hooks._MARKER.findall(page.read_text(encoding="utf-8")):
            assert name in hooks.TABLES, f"{page.name} asks for unknown table {name}"


@pytest.mark.parametrize(
    ("fn", "args"),
    [
        (kznames.key, (None,)),
        (kznames.normalize, (b"Tokayev",)),
        (kznames.transliterate, (123, "kk-bgn-pcgn")),
        (kznames.transliterate, ("Тоқаев", None)),
        (kznames.parse_name, (["Tokayev"],)),
        (kznames.match, ("Tokayev", 1)),
        (kznames.match, (None, "Tokayev")),
        (kznames.resolve, (1.5,)),
        (kznames.normalize, ("Tokayev", 3)),
    ],
)
def test_bad_argument_types_raise_type_error_naming_the_argument(fn, args):
    with pytest.raises(TypeError, match="must be a str"):
        fn(*args)


def test_unknown_system_raises_value_error_listing_ids():
    with pytest.raises(ValueError, match="kk-bgn-pcgn"):
        kznames.transliterate("x", "klingon")

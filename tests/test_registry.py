"""The registry: its files, its errors, and the built-in data."""

import json

import pytest

from kznames import Entity, FormerName, Registry
from kznames.registry import entity_from_record

ALMATY = {
    "id": "place:almaty",
    "kind": "place",
    "name": "Almaty",
    "kk": ["Алматы"],
    "former": [{"names": ["Alma-Ata", "Алма-Ата"], "from": 1921, "to": 1993}],
    "source": "test",
}


def test_json_lines_json_array_csv_and_tsv_give_the_same_entity(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps(ALMATY, ensure_ascii=False) + "\n", "utf-8")
    (tmp_path / "a.json").write_text(json.dumps([ALMATY], ensure_ascii=False, indent=2), "utf-8")
    header = "id,kind,name,kk,former,source\n"
    row = "place:almaty,place,Almaty,Алматы,Alma-Ata|Алма-Ата 1921-1993,test\n"
    (tmp_path / "a.csv").write_text(header + row, "utf-8")
    (tmp_path / "a.tsv").write_text((header + row).replace(",", "\t"), "utf-8")
    entities = [
        list(Registry.from_file(tmp_path / f"a.{ext}")) for ext in ("jsonl", "json", "csv", "tsv")
    ]
    assert all(e == entities[0] for e in entities)
    (almaty,) = entities[0]
    assert almaty.former == (FormerName(("Alma-Ata", "Алма-Ата"), 1921, 1993),)


@pytest.mark.parametrize(
    ("name", "content", "line", "problem"),
    [
        (
            "bad.jsonl",
            '{"id": "place:a", "kind": "place", "name": "A"}\n{"id": ',
            2,
            "invalid JSON",
        ),
        ("bad.jsonl", '{"id": "place:a", "kind": "place"}\n', 1, "'name' is required"),
        (
            "bad.jsonl",
            '{"id": "Place A", "kind": "place", "name": "A"}\n',
            1,
            "'id' must look like",
        ),
        (
            "bad.jsonl",
            '{"id": "place:a", "kind": "city", "name": "A"}\n',
            1,
            "'kind' must be one of",
        ),
        ("bad.jsonl", '{"id": "org:a", "kind": "place", "name": "A"}\n', 1, "'id' must look like"),
        ("bad.jsonl", '{"id": "place:a", "kind": "place", "name": "A", "size": 3}\n', 1, "unknown"),
        (
            "bad.json",
            '[\n {"id": "place:a", "kind": "place", "name": "A"},\n {"id": "place:b"}\n]',
            3,
            "'kind'",
        ),
        ("bad.json", '[\n {"id": "place:a", "kind": "place", "name": "A"}', 2, "not closed"),
        ("bad.csv", "id,kind,name\nplace:a,place,A\nplace:b,,B\n", 3, "'kind'"),
        (
            "bad.jsonl",
            '{"id": "place:a", "kind": "place", "name": "A", "former": "x"}\n' * 1,
            None,
            None,
        ),
    ],
)
def test_a_malformed_file_names_the_file_the_line_and_the_problem(
    tmp_path, name, content, line, problem
):
    path = tmp_path / name
    path.write_text(content, "utf-8")
    if problem is None:  # a well-formed file for contrast
        assert len(Registry.from_file(path)) == 1
        return
    with pytest.raises(ValueError, match=problem) as err:
        Registry.from_file(path)
    assert str(err.value).startswith(f"{path}, line {line}:")


def test_an_id_claimed_twice_is_an_error(tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_text((json.dumps(ALMATY) + "\n") * 2, "utf-8")
    with pytest.raises(ValueError, match="'place:almaty' is claimed twice"):
        Registry.from_file(path)
    with pytest.raises(ValueError, match="claimed twice"):
        Registry.default().extended([entity_from_record({**ALMATY})])


def test_files_that_are_not_utf8_or_of_another_type(tmp_path):
    latin1 = tmp_path / "r.csv"
    latin1.write_bytes("id,kind,name\nplace:a,place,Алма\n".encode("cp1251"))
    with pytest.raises(ValueError, match="not UTF-8"):
        Registry.from_file(latin1)
    with pytest.raises(ValueError, match=r"expected a \.json"):
        Registry.from_file(tmp_path / "r.xml")
    with pytest.raises(TypeError, match="path"):
        Registry.from_file(3)


def test_a_registry_in_code_extends_the_built_in_one():
    mine = Entity("org:acme-kz", "org", "Acme Kazakhstan", ru=("Акме Казахстан",))
    reg = Registry.default().extended([mine])
    assert len(reg) == len(Registry.default()) + 1
    assert reg.lookup("Акме Казахстан").entity == mine


BUILT_IN = list(Registry.default())


def test_the_built_in_registry_has_every_kind_and_sources():
    kinds = {e.kind for e in BUILT_IN}
    assert kinds == {"person", "place", "org"}
    assert all(e.source for e in BUILT_IN), [e.id for e in BUILT_IN if not e.source]


def test_every_parent_exists():
    reg = Registry.default()
    assert [e.id for e in BUILT_IN if e.parent and e.parent not in reg] == []


REGIONS_2022 = ["abai", "jetisu", "ulytau"]


@pytest.mark.parametrize("region", REGIONS_2022)
def test_the_regions_created_in_2022(region):
    reg = Registry.default()
    assert reg.lookup(f"{region.capitalize()} Region", kind="place").entity is not None

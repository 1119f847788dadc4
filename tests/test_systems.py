"""Checks on every romanization data file in ``kznames/systems``.

Each sample pair of each file is its own test case, so a failing pair names
the system and the input. The structural tests check the keys every file must
have, that the letter table covers the whole alphabet of its language, and
that the data is written in lowercase (the engine derives capitals).
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from kznames.translit import _registry, transliterate

RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
KAZAKH_LETTERS = RUSSIAN_LETTERS | frozenset("әғқңөұүһі")
ALPHABETS = {"kk": KAZAKH_LETTERS, "ru": RUSSIAN_LETTERS}

REQUIRED_KEYS = {
    "id",
    "name",
    "language",
    "description",
    "source",
    "letters",
    "samples",
}
OPTIONAL_KEYS = {"notes", "after", "before", "endings", "capitals", "key_exceptions", "reads_as"}

EXPECTED_IDS = {
    "kk-bgn-pcgn",
    "kk-iso9",
    "kk-ala-lc",
    "kk-odni",
    "kk-rferl",
    "kk-latin-2017",
    "kk-latin-2018",
    "kk-latin-2021",
    "kk-passport",
    "kk-passport-legacy",
    "ru-bgn-pcgn",
    "ru-wikipedia",
    "ru-icao",
    "ru-mvd-310",
    "ru-mvd-782",
    "ru-gost-779b",
    "ru-ala-lc",
    "ru-scholarly",
    "ru-telegram",
    "ru-iso9",
    "ru-ungegn-1987",
    "de-press",
    "fr-press",
    "es-press",
    "nl-press",
    "pl-press",
    "cs-press",
    "fi-press",
    "et-press",
    "nb-press",
    "tr-latin",
    "uz-latin",
    "kk-wikipedia-latin",
}


def _raw_files() -> dict[str, dict]:
    """File name -> parsed JSON of every data file, read directly (not via the engine)."""
    folder = resources.files("kznames") / "systems"
    return {
        entry.name: json.loads(entry.read_text(encoding="utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".json")
    }


RAW = _raw_files()
SYSTEM_IDS = sorted(_registry())
SAMPLES = [
    pytest.param(sid, inp, expected, id=f"{sid}[{i}]")
    for sid in SYSTEM_IDS
    for i, (inp, expected) in enumerate(_registry()[sid].samples)
]


def _lower(text: str, system_id: str) -> str:
    """Lowercase Latin ``text`` as the system would write it.

    ``str.lower`` turns İ into i + U+0307; the 2021 alphabet's İ is plain i.
    In systems with a dotless ı (2018 и/й, 2021 і), the capital I is the
    capital of both i and ı, so there the two are not told apart.
    """
    text = text.replace("İ", "i").lower()
    if any("ı" in out for out in _registry()[system_id].letters.values()):
        text = text.replace("ı", "i")
    return text


def test_all_expected_systems_present() -> None:
    assert set(SYSTEM_IDS) == EXPECTED_IDS


def test_file_names_match_ids() -> None:
    assert sorted(name.removesuffix(".json") for name in RAW) == sorted(
        data["id"] for data in RAW.values()
    )


@pytest.mark.parametrize(("sid", "inp", "expected"), SAMPLES)
def test_sample(sid: str, inp: str, expected: str) -> None:
    assert transliterate(inp, sid) == expected


@pytest.mark.parametrize(("sid", "inp", "expected"), SAMPLES)
def test_sample_lowercase(sid: str, inp: str, expected: str) -> None:
    got = transliterate(inp.lower(), sid)
    assert _lower(got, sid) == _lower(expected, sid)
    assert got == got.lower(), "lowercase input must give lowercase output"


@pytest.mark.parametrize("name", sorted(RAW))
def test_required_keys(name: str) -> None:
    data = RAW[name]
    missing = REQUIRED_KEYS - set(data)
    unknown = set(data) - REQUIRED_KEYS - OPTIONAL_KEYS
    assert not missing, f"{name} lacks {sorted(missing)}"
    assert not unknown, f"{name} has unknown keys {sorted(unknown)}"
    assert data["language"] in ALPHABETS
    for key in ("id", "name", "description"):
        assert isinstance(data[key], str) and data[key].strip()
    assert "\n" not in data["description"]
    assert isinstance(data["source"], list) and data["source"]
    assert all(isinstance(s, str) and s.strip() for s in data["source"])
    assert any("http" in s for s in data["source"]), "cite at least one URL"
    assert all(isinstance(s, str) and s.strip() for s in data.get("notes", []))


@pytest.mark.parametrize("name", sorted(RAW))
def test_rules_well_formed(name: str) -> None:
    data = RAW[name]
    alphabet = ALPHABETS[data["language"]]
    for key in ("after", "before"):
        for rule in data.get(key, []):
            assert len(rule) == 3, rule
            letter, context, out = rule
            assert letter in alphabet, rule
            assert context, rule
            boundary = "^" if key == "after" else "$"
            assert set(context) <= alphabet | {boundary}, rule
            assert out == out.lower(), rule
    for ending, out in data.get("endings", {}).items():
        assert set(ending) <= alphabet and len(ending) >= 2, ending
        assert out == out.lower(), ending
    for letter in data.get("capitals", {}):
        assert letter in data["letters"], letter


@pytest.mark.parametrize("name", sorted(RAW))
def test_letters_cover_alphabet(name: str) -> None:
    data = RAW[name]
    alphabet = ALPHABETS[data["language"]]
    letters = data["letters"]
    assert alphabet <= set(letters), f"missing {sorted(alphabet - set(letters))}"
    for letter, out in letters.items():
        assert len(letter) == 1 and letter == letter.lower(), letter
        assert isinstance(out, str) and out == out.lower(), (letter, out)


@pytest.mark.parametrize("name", sorted(RAW))
def test_samples_shape(name: str) -> None:
    samples = RAW[name]["samples"]
    assert len(samples) >= 8
    assert all(len(pair) == 2 for pair in samples)
    inputs = [inp for inp, _ in samples]
    assert any(inp.isupper() for inp in inputs), "needs an ALL-CAPS sample"
    assert any(inp[:1].isupper() and not inp.isupper() for inp in inputs), (
        "needs a Title-case sample"
    )
    assert len(set(inputs)) == len(inputs), "duplicate sample input"


@pytest.mark.parametrize("name", sorted(RAW))
def test_reads_as_names_letters_written_alike(name):
    """A ``reads_as`` letter and the letters it is read as have one output in the file."""
    data = RAW[name]
    for letter, spec in data.get("reads_as", {}).items():
        alike = "".join(data["letters"][c] for c in spec["letter"])
        assert data["letters"][letter] == alike, (letter, spec)
        assert spec["why"], letter

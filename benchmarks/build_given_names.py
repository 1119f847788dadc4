"""Write ``kznames/data/given_names.json``: the forms of one given name in many languages.

Sources (both MIT-licensed Python packages, read from their wheels, whose paths
are the arguments, so the build is repeatable without installing them):

- **rigour 1.0.0** (OpenSanctions), ``rigour/data/names/persons.txt``: one
  Wikidata name item a line, ``form, form, ... => QID``; the forms are the
  item's labels and aliases (Wikidata, CC0), given names, surnames and
  patronymics mixed, in many scripts.
- **mimesis 22.2.0**, ``mimesis/datasets/{ru,kk,uk}/person.json``: the Russian,
  Kazakh and Ukrainian first names, by gender. They tell the given names from
  the surnames and patronymics of rigour's file.

A *name* is a Cyrillic first name of mimesis (Russian, Kazakh, Ukrainian: the
largest peoples of Kazakhstan) or a given name of the registry's people
(``kznames/data/registry/people.jsonl``, parsed by ``parse_name``), with its
gender where its list gives one. For each name, every rigour line holding it
as a form contributes:

- its other **Cyrillic** forms that are not themselves names: a form is a
  spelling of the name (``олександр``, ``михайло``, ``юрій``) when it is within
  ``CLOSE`` of it (edit distance over the longer length, on variant keys), has
  at least as many letters (a short form is a cut name: ``юра``, ``лена``) and
  does not end in one of the ``DIMINUTIVE`` suffixes that the name does not end
  in (``юрик``, ``олька``). Every other Cyrillic form is kept apart as a
  **familiar form**, which joins only when a caller asks for diminutives: mostly
  diminutives (``саша``, ``шурик``, ``миша``), but also forms of other languages
  far from the name's spelling that the item lists too (``ойген`` beside
  ``евгений``);
- its **Latin** forms, each to the closest of: the name, the line's other
  Cyrillic forms and every other name (so ``alexandra`` goes to
  ``александра``, not ``александр``; ``sasha`` goes with ``саша``). A form
  closer to another name is left to that name; a form farther than ``LATIN``
  from everything (``john`` beside ``иван``) is a translation rather than a
  spelling and is left out.

Distances use the variant key of the kznames being run: the key decides only
which form goes with which name; the data file stores surface forms (lower
case, NFC), and kznames computes their keys when it loads them. Names whose
lines add nothing (most Kazakh names: their Latin spellings are the key's
business) are left out, as are forms of more than one word, forms in other
scripts, and rigour lines without any of the names.

Run from the repo root::

    python benchmarks/build_given_names.py RIGOUR_WHEEL MIMESIS_WHEEL
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

from build_geonames import script
from rapidfuzz.distance import OSA
from rapidfuzz.process import cdist

from kznames.names import parse_name, word_key

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kznames" / "data" / "given_names.json"
PEOPLE = ROOT / "kznames" / "data" / "registry" / "people.jsonl"
LOCALES = ("ru", "kk", "uk")
# Largest distance, over the longer key's length, of a Cyrillic spelling of a
# name (``аляксандр``/``александр`` 0.2) and of a Latin form to the form it goes
# with (``michael``/``mikhail`` 0.29, ``juri``/``юрий`` 0.4).
CLOSE = 0.4
LATIN = 0.4
# Endings of Russian and Ukrainian diminutives of given names: the suffixes -к-,
# -ик, -ок/-ёк, -ец, -ёга, -ся/-сь, -ша, -ня, -ля and the Ukrainian -ьо (Юрик, Юрко,
# Олька, Серёга, Юрась, Женьо). Source: the diminutive suffixes listed in Wikipedia,
# "Russian given name" (section Diminutives), and "Hypocorism".
DIMINUTIVE = ("ка", "ко", "ик", "ок", "ёк", "ец", "га", "ся", "сь", "ша", "ня", "ля", "ьо")
_WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)?$")
_ACUTE = "\u0301"


def surface_form(text: str) -> str | None:
    """A rigour form as stored: NFC, lower case, without stress marks; ``None``
    for a form of several words or in a script other than Latin or Cyrillic."""
    text = unicodedata.normalize("NFC", text.strip().lower()).replace(_ACUTE, "")
    return text if _WORD.match(text) and script(text) in ("Latin", "Cyrillic") else None


def names(mimesis: Path) -> dict[str, set[str]]:
    """The Cyrillic given names, each with its genders: mimesis, then the registry."""
    out: dict[str, set[str]] = defaultdict(set)
    with zipfile.ZipFile(mimesis) as wheel:
        for locale in LOCALES:
            data = json.loads(wheel.read(f"mimesis/datasets/{locale}/person.json"))
            for gender, first_names in data["names"].items():
                for name in first_names:
                    if (form := surface_form(name)) and script(form) == "Cyrillic":
                        out[form].add(gender)
    for line in PEOPLE.read_text(encoding="utf-8").splitlines():
        person = json.loads(line)
        for text in (*person.get("kk", []), *person.get("ru", [])):
            for given in parse_name(text).given:
                if (form := surface_form(given)) and script(form) == "Cyrillic":
                    out[form].update([person["gender"]] if person.get("gender") else [])
    return dict(out)


def lines(rigour: Path) -> list[list[str]]:
    """rigour's lines as lists of forms (QIDs dropped), kept only when usable."""
    with zipfile.ZipFile(rigour) as wheel:
        text = wheel.read("rigour/data/names/persons.txt").decode("utf-8")
    out = []
    for line in text.splitlines():
        forms, _, _ = line.rpartition(" => ")
        kept = sorted({f for raw in forms.split(", ") if (f := surface_form(raw))})
        if len(kept) > 1:
            out.append(kept)
    return out


def _ratio(a: str, b: str) -> float:
    return OSA.distance(a, b) / max(len(a), len(b), 1)


def spelling(form: str, name: str, keys: dict[str, str]) -> bool:
    """Whether a Cyrillic ``form`` of a line is a spelling of ``name`` rather than a
    familiar form of it (see the module's docstring)."""
    return (
        _ratio(keys[form], keys[name]) <= CLOSE
        and len(form) >= len(name)
        and not any(form.endswith(s) and not name.endswith(s) for s in DIMINUTIVE)
    )


def groups(
    given: dict[str, set[str]], rigour: list[list[str]]
) -> list[tuple[str, str | None, set[str], set[str]]]:
    """``(name, gender, forms, diminutives)`` for each name whose lines add forms."""
    keys = {form: word_key(form) for line in rigour for form in line}
    keys.update({name: word_key(name) for name in given})
    by_name: dict[str, list[list[str]]] = defaultdict(list)
    for line in rigour:
        for form in line:
            if form in given:
                by_name[form].append(line)
    latin = sorted(
        {f for ls in by_name.values() for line in ls for f in line if script(f) == "Latin"}
    )
    pivots = sorted(given)
    # For every Latin form, its distance to the closest name, over the longer length.
    lengths = [len(keys[p]) for p in pivots]
    nearest: dict[str, float] = {}
    for start in range(0, len(latin), 2000):
        chunk = latin[start : start + 2000]
        matrix = cdist([keys[f] for f in chunk], [keys[p] for p in pivots], scorer=OSA.distance)
        for form, row in zip(chunk, matrix, strict=True):
            nearest[form] = min(
                d / max(len(keys[form]), n, 1) for d, n in zip(row, lengths, strict=True)
            )
    out = []
    for name in pivots:
        forms: set[str] = set()
        diminutives: set[str] = set()
        for line in by_name.get(name, []):
            cyrillic = [f for f in line if script(f) == "Cyrillic" and f not in given]
            close = {f for f in cyrillic if spelling(f, name, keys)}
            forms |= close
            diminutives |= set(cyrillic) - close
            for form in line:
                if form in given or script(form) != "Latin":
                    continue
                own = min(
                    (_ratio(keys[form], keys[c]), c != name and c not in close, c)
                    for c in [name, *cyrillic]
                )
                if own[0] <= LATIN and own[0] <= nearest[form]:
                    (diminutives if own[1] else forms).add(form)
        forms.discard(name)
        diminutives -= forms
        if forms or diminutives:
            gender = next(iter(given[name])) if len(given[name]) == 1 else None
            out.append((name, gender, forms, diminutives))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rigour", type=Path, help="rigour-1.0.0-py3-none-any.whl")
    parser.add_argument("mimesis", type=Path, help="mimesis-22.2.0-py3-none-any.whl")
    args = parser.parse_args()
    given = names(args.mimesis)
    built = groups(given, lines(args.rigour))
    data = {
        "description": (
            "Given-name equivalents: each group is one given name (a Russian, Kazakh or "
            "Ukrainian Cyrillic name, with its gender where known: m or f) and its forms in "
            "other languages and scripts (Alexander = Aleksandr = Александр), lower case. "
            "'diminutives' holds the familiar forms (Саша, Sasha) that join the name only "
            "when a caller asks for them. Surface forms, not keys: kznames computes the keys "
            "when it loads the file. Used by kznames.given_names and match()."
        ),
        "source": (
            "Wikidata given-name items (labels and aliases, CC0), as packaged in "
            "rigour 1.0.0 (OpenSanctions, MIT licence), rigour/data/names/persons.txt; "
            "given names told from surnames by the first-name lists of mimesis 22.2.0 "
            "(MIT licence), locales ru, kk, uk, and the registry's people"
        ),
        "licence": "Wikidata: CC0 1.0; rigour and mimesis: MIT",
        "credits": (
            "Wikidata contributors; OpenSanctions (rigour); "
            "Isaak Uchakaev and the mimesis contributors"
        ),
        "built_by": (
            "benchmarks/build_given_names.py (see its docstring for the rules and what is "
            "left out); do not edit by hand"
        ),
        "groups": [
            [name, (gender or "")[:1], " ".join(sorted(forms)), " ".join(sorted(dims))]
            for name, gender, forms, dims in built
        ],
    }
    # One group a line, so that a rebuild's diff shows which groups changed.
    rows = [json.dumps(row, ensure_ascii=False) for row in data.pop("groups")]
    head = json.dumps(data, ensure_ascii=False, indent=1)[:-2]
    OUT.write_text(head + ',\n "groups": [\n' + ",\n".join(rows) + "\n ]\n}\n", encoding="utf-8")
    print(
        f"{len(given)} names, {len(built)} groups, "
        f"{sum(len(g[2]) for g in built)} forms, {sum(len(g[3]) for g in built)} diminutives, "
        f"{OUT.stat().st_size:,} bytes"
    )


if __name__ == "__main__":
    main()

"""Write ``kznames/data/given_name_lexicon.json``: the given names of the peoples of Kazakhstan.

``parse_name()`` reads word order and gender from it, ``find_entities()`` finds
people by it. Every source is a named list whose licence lets us ship it; the
wheels are read from the paths given as arguments, so the build repeats
without installing them:

- **mimesis 22.2.0** (MIT), ``mimesis/datasets/LOCALE/person.json``: first names
  by gender of the locales ``kk`` (Kazakh), ``ru`` (Russian: also the given names
  of most Korean-Kazakhstani people), ``uk`` (Ukrainian), ``de`` (German) and
  ``az`` (Azerbaijani); their ``surnames`` tell which given names are surnames
  too (Ким), and ``text.json``'s ``words`` of the locales ``en``, ``ru``, ``kk``,
  ``de``, ``uk`` and ``az`` which are ordinary words too (Роза, Will).
- **Faker** (MIT), ``faker/providers/person/uz_UZ``: the Uzbek first names by
  gender (its source: the top 100 of ismlar.com) and last names.
- **Wikidata** (CC0) via **rigour 1.0.0** (MIT), ``rigour/data/names/persons.txt``:
  a line (one Wikidata name item) is taken as a Kazakh or Tatar given name when
  one of its forms is written with a letter only the Kazakh or Tatar alphabet has
  (``ә ғ қ ң ө ұ ү һ``; not ``і``, which Ukrainian and Belarusian write too), no
  form is of several words, and no Latin or Cyrillic form has a surname or
  patronymic ending of ``kznames/data/names.json`` (``құдайберген``, ``нұрлан``,
  ``гүлмира``; not ``смағұлов``). Only those Kazakh-letter forms are kept: the
  variant key finds the name in any script. Gender unknown. The rule is a
  heuristic: Wikidata's family-name items without a Russian ending get in too
  (``шойғы``, ``ататүрік``), and so do Mongolian given names.
- **the registry's people** (``kznames/data/registry/people.jsonl``): the given
  name of each Kazakh or Russian form with a patronymic (which shows the word
  order whatever the lexicon says), with the person's gender; each part of a
  double name too (``Қасым-Жомарт``: ``қасым``, ``жомарт``).

``kznames.given_names`` adds the names and forms of ``given_names.json`` (the
forms of one name in many languages) when it loads this file, so they are not
repeated here. Surface forms are stored (lower case, NFC); kznames computes
their variant keys when it loads the file, and ``also_surnames`` and
``ordinary_words`` are computed here on the same keys.

Left out: Tatar and Uyghur lists of their own (no shippable source was found
beyond the Kazakh-letter Wikidata items), Turkish (mimesis ``tr``: many of its
names are ordinary words), the pymorphy3 dictionaries (CC BY-SA), and the
development set (what the lexicon is measured on).

Run from the repo root::

    python benchmarks/build_name_lexicon.py MIMESIS_WHEEL FAKER_WHEEL RIGOUR_WHEEL

with the wheels from PyPI: ``pip download mimesis==22.2.0 faker==40.63.0
rigour==1.0.0 --no-deps`` (the versions the data file was built from).
"""

from __future__ import annotations

import argparse
import ast
import json
import zipfile
from collections import defaultdict
from pathlib import Path

from build_geonames import script
from build_given_names import surface_form

from kznames.names import parse_name, patronymic_gender, surname_gender, word_key

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kznames" / "data" / "given_name_lexicon.json"
PEOPLE = ROOT / "kznames" / "data" / "registry" / "people.jsonl"
NAME_LOCALES = ("kk", "ru", "uk", "de", "az")
WORD_LOCALES = ("en", "ru", "kk", "de", "uk", "az")
FAKER_UZ = "faker/providers/person/uz_UZ/__init__.py"
# Letters of the Kazakh and Tatar alphabets that Russian, Ukrainian and Belarusian lack
# (і is Ukrainian and Belarusian too, so it does not count).
KAZAKH_LETTERS = frozenset("әғқңөұүһ")

Names = dict[str, dict[str, list[str]]]


def _forms(raw: list[str]) -> list[str]:
    return sorted({f for name in raw if (f := surface_form(name))})


def _people(values: object) -> list[str]:
    """Every name of a mimesis ``surnames`` value: a list, or lists by gender."""
    if isinstance(values, dict):
        return [n for group in values.values() for n in group]
    return list(values) if isinstance(values, list) else []


def mimesis(wheel: Path) -> tuple[Names, list[str], list[str]]:
    """The first names by locale and gender, the surnames, and the ordinary words."""
    names: Names = {}
    surnames: list[str] = []
    words: list[str] = []
    with zipfile.ZipFile(wheel) as files:
        for locale in NAME_LOCALES:
            data = json.loads(files.read(f"mimesis/datasets/{locale}/person.json"))
            names[f"mimesis {locale}"] = {
                gender: _forms(first) for gender, first in sorted(data["names"].items())
            }
            surnames += _people(data["surnames"])
        for locale in WORD_LOCALES:
            words += json.loads(files.read(f"mimesis/datasets/{locale}/text.json"))["words"]
    return names, surnames, words


def faker(wheel: Path) -> tuple[Names, list[str]]:
    """Faker's Uzbek first names by gender, and its Uzbek last names."""
    with zipfile.ZipFile(wheel) as files:
        tree = ast.parse(files.read(FAKER_UZ).decode("utf-8"))
    lists: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        target = node.targets[0] if isinstance(node, ast.Assign) else None
        if isinstance(target, ast.Name) and target.id.startswith(("first_names_", "last_names_")):
            lists[target.id] = list(ast.literal_eval(node.value))
    names = {g: _forms(lists[f"first_names_{g}"]) for g in ("female", "male")}
    return {"faker uz_UZ": names}, lists["last_names_female"] + lists["last_names_male"]


def _shaped(form: str) -> bool:
    return bool(surname_gender(form) or patronymic_gender(form))


def wikidata(wheel: Path) -> list[str]:
    """The Kazakh-letter forms of the rigour lines read as given names (see the docstring)."""
    with zipfile.ZipFile(wheel) as files:
        text = files.read("rigour/data/names/persons.txt").decode("utf-8")
    out: set[str] = set()
    for line in text.splitlines():
        raw = line.rpartition(" => ")[0].split(", ")
        forms = [f for f in map(surface_form, raw) if f]
        kazakh = [f for f in forms if KAZAKH_LETTERS & set(f) and script(f) == "Cyrillic"]
        if kazakh and not any(" " in f.strip() for f in raw) and not any(map(_shaped, forms)):
            out.update(kazakh)
    return sorted(out)


def registry() -> dict[str, list[str]]:
    """The given names of the registry's Kazakh and Russian forms with a patronymic."""
    out: dict[str, set[str]] = defaultdict(set)
    for line in PEOPLE.read_text(encoding="utf-8").splitlines():
        person = json.loads(line)
        for text in (*person.get("kk", []), *person.get("ru", [])):
            parsed = parse_name(text)
            if parsed.patronymic and (form := surface_form(" ".join(parsed.given))):
                out[person.get("gender") or "unknown"].update({form, *form.split("-")})
    return {gender: sorted(forms) for gender, forms in sorted(out.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mimesis", type=Path, help="mimesis-22.2.0-py3-none-any.whl")
    parser.add_argument("faker", type=Path, help="faker's wheel (pip download --no-deps faker)")
    parser.add_argument("rigour", type=Path, help="rigour-1.0.0-py3-none-any.whl")
    args = parser.parse_args()
    names, surnames, words = mimesis(args.mimesis)
    uzbek, uzbek_surnames = faker(args.faker)
    names.update(uzbek)
    names["wikidata kazakh-letter items"] = {"unknown": wikidata(args.rigour)}
    names["registry"] = registry()
    listed = sorted({f for by_gender in names.values() for fs in by_gender.values() for f in fs})
    surname_keys = {word_key(s) for s in surnames + uzbek_surnames if surface_form(s)}
    word_keys = {word_key(w) for w in words if surface_form(w)}
    data = {
        "description": (
            "Given names of the peoples of Kazakhstan (Kazakh, Russian, Ukrainian, German, "
            "Azerbaijani, Uzbek, and Kazakh or Tatar Wikidata items), lower case, by source "
            "and gender. 'also_surnames' lists the names that a source lists as surnames "
            "too (ким); 'ordinary_words' the names that are also common words of English, "
            "Russian, Kazakh, German, Ukrainian or Azerbaijani (роза, will). Surface forms: "
            "kznames looks them up by variant key, so every script and romanization of a "
            "name is found. Used by kznames.given_names, parse_name() and find_entities()."
        ),
        "sources": {
            "mimesis": "mimesis 22.2.0 (MIT licence), datasets/{kk,ru,uk,de,az}/person.json "
            "(names, surnames) and datasets/{en,ru,kk,de,uk,az}/text.json (words)",
            "faker": "Faker (MIT licence), faker/providers/person/uz_UZ: Uzbek first and "
            "last names (from the top 100 of ismlar.com)",
            "wikidata": "Wikidata name items (CC0 1.0) as packaged in rigour 1.0.0 "
            "(OpenSanctions, MIT licence), rigour/data/names/persons.txt: items with a "
            "Kazakh- or Tatar-letter form and no surname or patronymic ending",
            "registry": "the given names of kznames' own registry of people "
            "(kznames/data/registry/people.jsonl), from forms with a patronymic",
        },
        "licence": "mimesis, Faker, rigour: MIT; Wikidata: CC0 1.0",
        "credits": (
            "Isaak Uchakaev and the mimesis contributors; Daniele Faraglia and the Faker "
            "contributors; Wikidata contributors; OpenSanctions (rigour)"
        ),
        "built_by": (
            "benchmarks/build_name_lexicon.py (see its docstring for the rules and what is "
            "left out); do not edit by hand"
        ),
        "names": names,
        "also_surnames": [f for f in listed if word_key(f) in surname_keys],
        "ordinary_words": [f for f in listed if word_key(f) in word_keys],
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"{len(listed)} names ({len({word_key(f) for f in listed})} keys) from "
        + ", ".join(
            f"{source} {sum(map(len, by_gender.values()))}" for source, by_gender in names.items()
        )
        + f"; {len(data['also_surnames'])} also surnames, "
        f"{len(data['ordinary_words'])} also ordinary words; {OUT.stat().st_size:,} bytes"
    )


if __name__ == "__main__":
    main()

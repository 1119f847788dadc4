"""How many real published spellings each press or reference convention reproduces.

Material: ``data/persons_dev.tsv`` (a copy of ``../shared/data/persons_dev.tsv``,
Wikidata labels of former deputies of the Mazhilis via EveryPolitician, CC0):
one row per spelling of one person, with the languages whose label carries it. For each system named
in ``LANGUAGES`` and each Latin spelling labelled with one of its languages,
the spelling counts as reproduced when some Cyrillic form of the same person
(Kazakh or Russian; the Russian ``Surname, Given Patronymic`` too), written
word by word with the system, gives every word of the spelling: the Latin
form may leave out the patronymic and put the words in any order, but each of
its words must be the system's output, letter for letter.

Prints, per system, reproduced / labelled spellings and every miss beside
the nearest output of the system (the one with most words in common), so a
miss shows whether the press wrote that name another way. The rates are
quoted in the ``notes`` of each system file.

Run from the repo root: ``python benchmarks/conventions.py [path/to/persons_dev.tsv]``.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from kznames import transliterate

# The dev set's label languages that each convention stands for.
LANGUAGES = {
    "de-press": {"de"},
    "fr-press": {"fr"},
    "es-press": {"es"},
    "nl-press": {"nl"},
    "pl-press": {"pl"},
    "cs-press": {"cs", "sk"},
    "tr-latin": {"tr"},
    "uz-latin": {"uz"},
    "kk-wikipedia-latin": {"kk_latn"},
    "fi-press": {"fi"},
    "et-press": {"et"},
    "nb-press": {"nb", "nn"},
}

DEFAULT = Path(__file__).resolve().parent / "data" / "persons_dev.tsv"


def _words(text: str) -> list[str]:
    return text.replace(",", " ").split()


def load(path: Path) -> tuple[dict[str, list[str]], list[tuple[str, str, set[str]]]]:
    """Cyrillic forms per person, and (person, Latin spelling, languages) rows."""
    cyrillic: dict[str, list[str]] = defaultdict(list)
    latin: list[tuple[str, str, set[str]]] = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            languages = {lang.strip() for lang in row["languages"].split(",")}
            if row["script"] == "Cyrl":
                cyrillic[row["entity_id"]].append(row["name"])
            else:
                latin.append((row["entity_id"], row["name"], languages))
    return cyrillic, latin


def reproduced(spelling: str, forms: list[str], system: str) -> tuple[bool, str]:
    """Whether ``system`` writes every word of ``spelling`` from one form; the nearest output."""
    wanted = Counter(_words(spelling))
    best, best_common = "", -1
    for form in forms:
        got = Counter(_words(transliterate(form, system)))
        if not wanted - got:
            return True, " ".join(got.elements())
        common = sum((wanted & got).values())
        if common > best_common:
            best, best_common = " ".join(_words(transliterate(form, system))), common
    return False, best


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    cyrillic, latin = load(path)
    for system, languages in LANGUAGES.items():
        rows = [(pid, name) for pid, name, langs in latin if langs & languages]
        hits, misses = 0, []
        for pid, name in rows:
            ok, nearest = reproduced(name, cyrillic[pid], system)
            if ok:
                hits += 1
            else:
                misses.append((name, nearest))
        print(f"{system}: {hits}/{len(rows)} reproduced ({', '.join(sorted(languages))})")
        for name, nearest in misses:
            print(f"    {name!r:45} nearest {nearest!r}")


if __name__ == "__main__":
    main()

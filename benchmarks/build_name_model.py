"""Write ``kznames/data/name_model.json``: how often each three-letter sequence
occurs in real Cyrillic names, read through the key.

The readings of a Latin spelling (``kznames.reader``) are ranked by how
plausible each is as a name: a spelling such as ``Nasarbajew`` reads as
Назарбаев or Насарбаев under German conventions, and the letter sequences of
real names tell which is the name. This script counts them.

Data, two corpora:

* names of the world: Wikidata's name items (given names, family names,
  patronymics) as packaged by rigour 1.0.0 (OpenSanctions, MIT licence; the
  labels are Wikidata's, CC0), file ``rigour/data/names/persons.txt``: lines
  ``form, form, ... => QID``;
* names of Kazakhstan: the Kazakh and Russian locales of mimesis 22.2.0
  (MIT licence): ``datasets/kk/person.json`` (597 Kazakh given names, 203
  surnames), ``datasets/kk/address.json`` (cities and streets, most streets
  named after people), ``datasets/kk/text.json`` (Kazakh sentences: many
  Kazakh names are Kazakh words, Жомарт "generous", Жақсылық "goodness"),
  ``datasets/ru/person.json`` and ``datasets/ru/address.json`` (Russian
  given names, surnames, cities and streets);
* and the Cyrillic names of the settlements of Kazakhstan from GeoNames
  (CC BY 4.0), ``benchmarks/data/geonames_kz.tsv``: most are Kazakh words
  and names (Жаңаөзен, Ақтоғай). The round-trip rates measured on those
  names in ``geonames_variants.py`` are therefore not out of sample; the
  development set of people is.

Every form written in the Russian and Kazakh Cyrillic alphabet is split into
words; each distinct word of two letters or more is counted once per corpus,
written in the plain Latin letters with which the key reads Cyrillic (the
table of ``kznames.fold``: Ж zh, Ё yo, Ш sh) with one symbol per letter
(``kznames.reader.model_symbols``: zh Z, yo O, and Й, Ь, Ъ symbols of their
own), so a letter written with two Latin letters is not counted as two;
``^`` and ``$`` mark the word's start and end.
A word of Kazakhstan counts ``KZ_WEIGHT`` times: the world's names outnumber
them a hundred to one, and the readings rank names of Kazakhstan. Sequences
whose weighted count is below ``MIN_COUNT`` are dropped.

The development set is deliberately not used: it is what the readings are
measured on out of sample.

Run from the repo root: ``python benchmarks/build_name_model.py
rigour-1.0.0-py3-none-any.whl mimesis-22.2.0-py3-none-any.whl`` (the wheels
from PyPI: ``pip download rigour==1.0.0 mimesis==22.2.0 --no-deps``).
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

from kznames.reader import model_symbols

OUT = Path(__file__).resolve().parent.parent / "kznames" / "data" / "name_model.json"
MEMBER = "rigour/data/names/persons.txt"
LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
MIN_COUNT = 1
KZ_WEIGHT = 10
MIMESIS = (
    "mimesis/datasets/kk/person.json",
    "mimesis/datasets/kk/address.json",
    "mimesis/datasets/ru/person.json",
    "mimesis/datasets/ru/address.json",
    "mimesis/datasets/kk/text.json",
)


def words(forms: list[str]) -> set[str]:
    """The distinct Cyrillic words of ``forms``."""
    found: set[str] = set()
    for form in forms:
        for word in re.split(r"[\s\-]+", form.strip().lower()):
            if len(word) >= 2 and set(word) <= LETTERS:
                found.add(word)
    return found


def strings(data: object) -> list[str]:
    """Every string inside parsed JSON."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in strings(v)]
    return []


def main() -> None:
    with zipfile.ZipFile(sys.argv[1]) as z:
        lines = z.read(MEMBER).decode("utf-8").splitlines()
    world = words([f for line in lines for f in line.rsplit(" => ", 1)[0].split(", ")])
    with zipfile.ZipFile(sys.argv[2]) as z:
        local = words([s for m in MIMESIS for s in strings(json.loads(z.read(m)))])
    places = Path(__file__).resolve().parent / "data" / "geonames_kz.tsv"
    rows = [r.split("\t") for r in places.read_text(encoding="utf-8").splitlines()]
    local |= words([r[3] for r in rows if len(r) == 4 and r[2] == "Cyrillic"])
    counts: Counter[str] = Counter()
    for corpus, weight in ((world, 1), (local, KZ_WEIGHT)):
        for k in sorted({model_symbols(w) for w in corpus}):
            padded = "^^" + k + "$"
            for i in range(len(padded) - 2):
                counts[padded[i : i + 3]] += weight
    keys = len(world) + len(local)
    kept = {t: n for t, n in sorted(counts.items()) if n >= MIN_COUNT}
    data = {
        "description": (
            "Counts of three-letter sequences in real Cyrillic name words, one symbol a "
            "letter (kznames.reader.model_symbols; ^ starts a word, $ ends it), used to "
            "rank the readings of a Latin spelling. "
            "Built by benchmarks/build_name_model.py."
        ),
        "source": [
            "Wikidata name items (CC0) as packaged by rigour 1.0.0 (OpenSanctions, MIT), "
            f"{MEMBER}: its {len(world):,} distinct Russian- and Kazakh-alphabet words",
            f"mimesis 22.2.0 (MIT), {', '.join(MIMESIS)}, and the Cyrillic settlement "
            f"names of GeoNames (CC BY 4.0), benchmarks/data/geonames_kz.tsv: their "
            f"{len(local):,} distinct Cyrillic words, each counted {KZ_WEIGHT} times",
        ],
        "min_count": MIN_COUNT,
        "counts": kept,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{keys:,} words, {len(kept):,} sequences -> {OUT}")


if __name__ == "__main__":
    main()

"""``kznames.key()`` on real place names it was not written from: GeoNames, Kazakhstan.

Data: ``benchmarks/data/geonames_kz.tsv`` (made by ``build_geonames.py``), the
Latin and Cyrillic names of 351 settlements of Kazakhstan: official names,
exonyms (Aktioubé, Aktjubinsk), romanizations in many systems, and names
from other eras (Tselinograd, Novyy Uzen’, Alma-Ata).

Part 1, pairwise: over all pairs of distinct names (two rows with the very
same string, which occurs only for two cities of one name, are left out and
counted apart), "same key" is the prediction and "same geonameid" the truth,
for Latin-Latin, Cyrillic-Latin and Cyrillic-Cyrillic pairs. Recall over all
same-city pairs is bounded far below 1: renamings and Russian-era names are
not spellings of one name, and no fold can or should join them. So recall is
ALSO given over the restricted set of same-city pairs that are transliterations
of each other by a simple criterion independent of kznames: both names passed
through ``anyascii``, lowercased, all but a-z removed, have rapidfuzz
``fuzz.ratio`` >= 80 (the report says how rough that is). A sample of 30
misses of the restricted set and 30 false merges (same key, different cities;
one pair per key, city and geonameid in brackets) follow so a reader can judge.
Names mixing Latin and Cyrillic letters (Nұr-Sұltan) get one line apart.

Part 2, the round-trip property on real names: for every Cyrillic name x and
every system s of ``kznames.systems()`` (Russian systems too: they accept
Kazakh letters), the rate at which ``key(transliterate(x, s)) == key(x)``;
overall, and outside the system's documented ``key_exceptions`` (x is in an
exception context if any of the system's regexes matches ``x.lower()``),
with up to 3 failing names outside the exceptions per system, and the rate
over all systems together. On three sets of real names: the GeoNames
Cyrillic names, and the Cyrillic people's names of the development set
``data/persons_dev.tsv`` (Wikidata labels via EveryPolitician, CC0; read by
``devset.py``), as full names (as written: ``Соловьёва, Айгуль
Сагадибековна``) and as words (each run of characters between spaces and
commas: ``Соловьёва``, ``Айгуль``, ``Сагадибековна``).

Run from the repo root: ``python benchmarks/geonames_variants.py``.
"""

from __future__ import annotations

import csv
import random
import re
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from anyascii import anyascii
from rapidfuzz import fuzz
from round_trip import dev_names, pct, report

import kznames

TSV = Path(__file__).resolve().parent / "data" / "geonames_kz.tsv"
CLASSES = ("Latin-Latin", "Cyrillic-Latin", "Cyrillic-Cyrillic")
SAMPLE = 30


def read_rows() -> list[dict[str, str]]:
    lines = [ln for ln in TSV.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def pair_class(a: dict[str, str], b: dict[str, str]) -> str:
    return "-".join(sorted((a["script"], b["script"])))


def add(total: Counter[str], scripts: Counter[str]) -> None:
    """Add the pairs of each class, and of all classes, among names of these scripts."""
    lat, cyr = scripts["Latin"], scripts["Cyrillic"]
    pairs = {
        "Latin-Latin": lat * (lat - 1) // 2,
        "Cyrillic-Latin": lat * cyr,
        "Cyrillic-Cyrillic": cyr * (cyr - 1) // 2,
    }
    total.update(pairs)
    total["all"] += sum(pairs.values())


def reduced(name: str) -> str:
    return re.sub("[^a-z]", "", anyascii(name).lower())


def is_transliteration(a: str, b: str) -> bool:
    ra, rb = reduced(a), reduced(b)
    return bool(ra and rb) and fuzz.ratio(ra, rb) >= 80


def pairwise(rows: list[dict[str, str]]) -> None:
    by_key: dict[str, list[dict[str, str]]] = defaultdict(list)
    by_city: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_key[r["key"]].append(r)
        by_city[r["geonameid"]].append(r)
    same_key, same_city, both, homonyms = Counter(), Counter(), Counter(), Counter()
    for members in by_key.values():
        add(same_key, Counter(r["script"] for r in members))
        per_city: dict[str, Counter[str]] = defaultdict(Counter)
        for r in members:
            per_city[r["geonameid"]][r["script"]] += 1
        for scripts in per_city.values():
            add(both, scripts)
    for members in by_city.values():
        add(same_city, Counter(r["script"] for r in members))
    for (script, _), n in Counter((r["script"], r["name"]) for r in rows).items():
        homonyms[f"{script}-{script}"] += n * (n - 1) // 2
        homonyms["all"] += n * (n - 1) // 2
    same_key.subtract(homonyms)

    # The restricted set: same-city pairs that are transliterations of each other.
    translit, translit_hit, misses, joined_outside = Counter(), Counter(), [], 0
    for members in by_city.values():
        for a, b in combinations(members, 2):
            if not is_transliteration(a["name"], b["name"]):
                joined_outside += a["key"] == b["key"]
                continue
            for cls in (pair_class(a, b), "all"):
                translit[cls] += 1
                translit_hit[cls] += a["key"] == b["key"]
            if a["key"] != b["key"]:
                misses.append((a, b))
    merges: dict[str, list[tuple[dict[str, str], dict[str, str]]]] = defaultdict(list)
    for k, members in by_key.items():
        for a, b in combinations(members, 2):
            if a["geonameid"] != b["geonameid"] and a["name"] != b["name"]:
                merges[k].append((a, b))

    print("Part 1: same key vs same city, over pairs of distinct names")
    print(f"  ({homonyms['all']} pairs of two cities with the very same name left out)")
    print(f"  {'pairs':<18} {'precision':>22} {'recall (all)':>22} {'recall (translit.)':>22}")
    for cls in (*CLASSES, "all"):
        print(
            f"  {cls:<18} {pct(both[cls], same_key[cls]):>22} {pct(both[cls], same_city[cls]):>22}"
            f" {pct(translit_hit[cls], translit[cls]):>22}"
        )
    print("  recall (translit.) counts only same-city pairs whose anyascii forms, lowercased and")
    print(
        "  reduced to a-z, have rapidfuzz fuzz.ratio >= 80: spellings of one name, not renamings."
    )
    print("  The criterion is rough both ways: it admits near-names (Karaganda / Karganda) and")
    print(
        f"  leaves out {joined_outside} same-city pairs that the key does join"
        " (Qarabalyq / Karabalyk)."
    )
    spaces = sum(a["key"].replace(" ", "") == b["key"].replace(" ", "") for a, b in misses)
    print(f"  Of its {len(misses)} misses, {spaces} differ in word boundaries only (Balpyq Bī /")
    print("  Балпык-Би: the key joins the parts of a hyphenated word but keeps spaces).")

    rng = random.Random(2019)
    show = lambda r: f"{r['name']!r} -> {r['key']!r}"  # noqa: E731
    print(
        f"\n  {SAMPLE} of {len(misses)} misses in the transliteration set (same city, keys differ):"
    )
    for a, b in sorted(rng.sample(misses, min(SAMPLE, len(misses))), key=lambda p: p[0]["city"]):
        print(f"    [{a['city']}] {show(a)}  vs  {show(b)}")
    n_merges = sum(len(v) for v in merges.values())
    print(
        f"\n  False merges (same key, different cities): {n_merges} pairs under {len(merges)} keys;"
    )
    print(f"  one random pair for each of {min(SAMPLE, len(merges))} random keys. Two settlements")
    print("  of one name (or a GeoNames duplicate) count here too: judge from the names.")
    for k in sorted(rng.sample(sorted(merges), min(SAMPLE, len(merges)))):
        a, b = rng.choice(merges[k])
        where = lambda r: f"{r['name']!r} [{r['city']} #{r['geonameid']}]"  # noqa: E731
        print(f"    {k!r}: {where(a)}  =  {where(b)}")


def mixed_line(rows: list[dict[str, str]], mixed: list[dict[str, str]]) -> None:
    keys = defaultdict(set)
    for r in rows:
        keys[r["geonameid"]].add(r["key"])
    hit = [m for m in mixed if m["key"] in keys[m["geonameid"]]]
    print(
        "\n  Mixed-script names whose key equals that of a Latin or Cyrillic name of the same"
        f" city: {pct(len(hit), len(mixed))}"
    )
    print(
        "    not matched: "
        + ", ".join(f"{m['name']!r} -> {m['key']!r}" for m in mixed if m not in hit)
    )


def main() -> None:
    rows = read_rows()
    for r in rows:
        r["key"] = kznames.key(r["name"])
    mixed = [r for r in rows if r["script"] == "Mixed"]
    rows = [r for r in rows if r["script"] != "Mixed"]
    counts = Counter(r["script"] for r in rows)
    print(
        f"GeoNames, Kazakhstan: {len({r['geonameid'] for r in rows})} cities, "
        f"{counts['Latin']} Latin and {counts['Cyrillic']} Cyrillic names, "
        f"{len(mixed)} mixed-script names\n"
    )
    pairwise(rows)
    mixed_line(rows, mixed)
    report(
        "GeoNames Cyrillic names", sorted({r["name"] for r in rows if r["script"] == "Cyrillic"})
    )
    people, words = dev_names()
    report("Cyrillic people's names of persons_dev.tsv", people)
    report("words of those names", words)


if __name__ == "__main__":
    main()

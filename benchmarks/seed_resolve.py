"""Accuracy of ``kznames.resolve`` on the entities of the seed corpus.

Data: ``data/seed_names.tsv``, every distinct surface form that names a
Kazakhstan-related person, place or organisation in the five seed articles,
annotated by hand with the entity it refers to (see its header). The
annotation's short entity labels are mapped below to registry ids.

For each surface form the script calls ``resolve`` without a kind and counts
it correct when it returns the annotated entity, ambiguous when it declines
with several candidates, wrong when it returns another entity, and missed
when it finds nothing. It prints the accuracy per kind and every form that was
not resolved correctly, with how the lookup went.

Run from the repo root: ``python benchmarks/seed_resolve.py``.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from kznames import Registry

DATA = Path(__file__).resolve().parent / "data" / "seed_names.tsv"

# The seed annotation's entity labels and the registry ids of the same entities.
REGISTRY_IDS = {
    "person:tokayev": "person:tokayev-kassym-jomart",
    "person:nazarbayev": "person:nazarbayev-nursultan",
    "person:darigha-nazarbayeva": "person:nazarbayeva-dariga",
    "person:kosanov": "person:kosanov-amirzhan",
    "person:kozhayev": "person:kozhayev-marat",
    "person:zaitov": "person:zaitov-rinat",
    "person:ablyazov": "person:ablyazov-mukhtar",
    "person:kazhegeldin": "person:kazhegeldin-akezhan",
    "person:tsereteli": "person:tsereteli-george",
    "person:trotsenko": "person:trotsenko-pyotr",
    "person:toiken": "person:toiken-saniya",
    "person:gordeyeva": "person:gordeyeva-mariya",
    "person:alzhanov": "person:alzhanov-dimash",
    "person:sedov": "person:sedov-ivan",
    "person:yespayeva": "person:yespayeva-daniya",
    "person:zhapisheva": "person:zhapisheva-asem",
    "place:kazakhstan": "place:kazakhstan",
    "place:astana": "place:astana",
    "place:almaty": "place:almaty",
    "place:shymkent": "place:shymkent",
    "place:atyrau": "place:atyrau",
    "place:astana-square": "place:astana-square",
    "place:palace-of-youth": "place:palace-of-youth",
    "org:cec": "org:central-election-commission",
    "org:nur-otan": "org:amanat",
    "org:dvk": "org:democratic-choice-of-kazakhstan",
    "org:osce": "org:osce",
    "org:osce-pa": "org:osce-pa",
    "org:kz-senate": "org:senate",
    "org:kz-embassy-moscow": "org:embassy-in-moscow",
    "org:rferl-kazakh-service": "org:rferl-kazakh-service",
    "org:kazinform": "org:kazinform",
    "org:public-opinion": "org:public-opinion-research-institute",
}


def rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def main() -> None:
    registry = Registry.default()
    missing = sorted({v for v in REGISTRY_IDS.values() if v not in registry})
    if missing:
        print(f"not in the registry: {', '.join(missing)}\n")
    outcome: Counter[tuple[str, str]] = Counter()
    problems = []
    for row in rows():
        expected = REGISTRY_IDS[row["entity"]]
        kind = expected.split(":")[0]
        found = registry.lookup(row["surface"])
        if found.entity and found.entity.id == expected:
            result = "correct"
        elif found.entity:
            result = "wrong"
        elif found.candidates:
            result = "ambiguous"
        else:
            result = "missed"
        outcome[(kind, result)] += 1
        if result != "correct":
            got = found.entity.id if found.entity else [c.id for c in found.candidates]
            problems.append(f"  {result:<9} {row['surface']!r} -> {got} ({found.how}); {expected}")
    print(
        f"{'kind':<8}{'forms':>7}{'correct':>9}{'ambiguous':>11}{'wrong':>7}{'missed':>8}{'accuracy':>10}"
    )
    for kind in ("person", "place", "org", "all"):
        counts = {
            r: sum(n for (k, res), n in outcome.items() if res == r and kind in (k, "all"))
            for r in ("correct", "ambiguous", "wrong", "missed")
        }
        total = sum(counts.values())
        print(
            f"{kind:<8}{total:>7}{counts['correct']:>9}{counts['ambiguous']:>11}"
            f"{counts['wrong']:>7}{counts['missed']:>8}{counts['correct'] / total:>10.3f}"
        )
    print("\nNot resolved to the annotated entity:")
    print("\n".join(problems) or "  none")


if __name__ == "__main__":
    main()

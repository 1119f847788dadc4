"""How well ``kznames.key()`` joins the name variants of the seed corpus.

Data: ``benchmarks/data/seed_names.tsv``, every distinct surface form of a
Kazakhstan-related person, place or organisation in the five seed articles
(``seeds/*.txt``), annotated by hand with a ``variant_group``: surfaces in one
group are the same name written differently (Toqaev / Tokayev / Toqaev's).

Measure: over all pairs of distinct surfaces, "same key" is the prediction
and "same variant_group" the truth. Precision is the share of same-key pairs
that are one group (a false merge lowers it), recall the share of same-group
pairs that get one key (a miss lowers it).

Output: a check that each surface occurs in the seed files its row names,
the pairwise figures, every group with its surfaces and their keys (a group
whose surfaces do not all share one key is marked ``SPLIT``), then every
false merge and every miss.

Run from the repo root: ``python benchmarks/seed_variants.py``.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import kznames

ROOT = Path(__file__).resolve().parent.parent
TSV = ROOT / "benchmarks" / "data" / "seed_names.tsv"


def read_rows() -> list[dict[str, str]]:
    lines = [ln for ln in TSV.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def files_found(surface: str, surfaces: list[str], texts: dict[str, str]) -> list[str]:
    """The seed files where ``surface`` occurs other than inside a longer listed surface."""

    def spans(s: str, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text)]

    found = []
    for name, text in texts.items():
        longer = [sp for o in surfaces if o != surface and surface in o for sp in spans(o, text)]
        if any(not any(a <= s and e <= b for a, b in longer) for s, e in spans(surface, text)):
            found.append(name)
    return found


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def main() -> None:
    rows = read_rows()
    surfaces = [r["surface"] for r in rows]
    assert len(set(surfaces)) == len(surfaces), "duplicate surface in the TSV"
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("seeds/*.txt"))}
    bad = [
        (r["surface"], r["files"], ",".join(found))
        for r in rows
        if (found := files_found(r["surface"], surfaces, texts)) != r["files"].split(",")
    ]
    print(
        f"Seed corpus: {len(rows)} surfaces, {len({r['variant_group'] for r in rows})} "
        f"variant groups, {len({r['entity'] for r in rows})} entities, {len(texts)} articles"
    )
    print(f"Annotation check (files column vs seeds/): {'OK' if not bad else 'MISMATCH'}")
    for surface, listed, found in bad:
        print(f"  {surface!r}: listed {listed}, found {found}")

    keys = {r["surface"]: kznames.key(r["surface"]) for r in rows}
    group = {r["surface"]: r["variant_group"] for r in rows}
    merges, misses, tp = [], [], 0
    for a, b in combinations(surfaces, 2):
        same_key, same_group = keys[a] == keys[b], group[a] == group[b]
        tp += same_key and same_group
        if same_key and not same_group:
            merges.append((a, b))
        elif same_group and not same_key:
            misses.append((a, b))
    predicted, actual = tp + len(merges), tp + len(misses)
    precision, recall = tp / predicted if predicted else 0.0, tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    n_pairs = len(surfaces) * (len(surfaces) - 1) // 2
    print(f"\nPairs of distinct surfaces: {n_pairs}; same group: {actual}; same key: {predicted}")
    print(f"  precision {ratio(tp, predicted)}  ({tp}/{predicted})")
    print(f"  recall    {ratio(tp, actual)}  ({tp}/{actual})")
    print(f"  F1        {f1:.3f}")

    groups: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        groups[r["variant_group"]].append(r["surface"])
    print("\nGroups (surface -> key); SPLIT = the group's surfaces get more than one key:")
    for name, members in groups.items():
        entity = next(r["entity"] for r in rows if r["variant_group"] == name)
        split = "  SPLIT" if len({keys[s] for s in members}) > 1 else ""
        print(f"  {name}  [{entity}]{split}")
        for s in members:
            print(f"      {s:<55} {keys[s]}")

    print(f"\nFalse merges (same key, different group): {len(merges)}")
    for a, b in merges:
        print(f"  {a!r} [{group[a]}] = {b!r} [{group[b]}]  key {keys[a]!r}")
    print(f"\nMisses (same group, different key): {len(misses)}")
    for a, b in misses:
        print(f"  [{group[a]}] {a!r} -> {keys[a]!r}  vs  {b!r} -> {keys[b]!r}")


if __name__ == "__main__":
    main()

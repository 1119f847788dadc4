"""Calibrate how ``kznames.dedupe(kind="place")`` groups the spellings of one place.

Data: ``data/dedupe_real_places.tsv`` (GeoNames, CC BY 4.0; see
``dedupe_real.py``), every Latin and Cyrillic name of the 351 settlements of
Kazakhstan in GeoNames, labelled with the geonameid, split by settlement into
two halves (``devset.in_half``): the choice is made on the ``calibrate`` half
and then reported on the ``report`` half, whose settlements it never saw.

The grid: the place threshold of ``kznames/data/similarity.json`` (the most
two places' names may differ, per letter of the shorter key; a typo costs 1)
and a common factor on the costs of the alternations that apply to places only
(``kinds``). Each setting dedupes the half with an empty registry and scores it
pairwise (precision, recall, F1 over the pairs of rows) and counts the
clusters that mix two settlements. Homonymous villages (five places called
Aksu) make false pairs no name can avoid, so no setting's precision is near
1, and the pairwise figures weigh a city's 40 spellings (780 pairs) far above
two villages merged (one pair). So precision is judged by clusters: the
winner is the best F1 among the settings that mix no more settlements than
exact keys do (threshold 0, which groups only names of one key), the file's
values on a tie. Then, for each alternation, the pairs of keys of one
settlement it explains (real variants) and those of different settlements
within the threshold (false friends), on the calibrate half.

Run from the repo root: ``python benchmarks/calibrate_places.py``.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter, defaultdict
from typing import NamedTuple

from dedupe_data import Pairwise, pairwise
from dedupe_real import read_places

import kznames
import kznames.part_similarity as sim

THRESHOLDS = (0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
SCALES = (0.5, 1.0, 1.5)
BASE = sim.policy()


def use(threshold: float, scale: float) -> None:
    """Make the similarity use this place threshold and factor, in this process."""
    chosen = dataclasses.replace(
        BASE,
        place_threshold=threshold,
        alternations=tuple(
            dataclasses.replace(a, cost=round(a.cost * scale, 6)) if "person" not in a.kinds else a
            for a in BASE.alternations
        ),
    )
    sim.policy = lambda: chosen  # type: ignore[assignment]
    for cached in (
        sim._rules,
        sim._sides,
        sim._ending,
        sim._distance,
        sim._skeleton_edits,
        sim._anchored_letters,
        sim.core,
    ):
        cached.cache_clear()


class Figures(NamedTuple):
    """Pairwise counts, and the clusters that mix settlements out of all."""

    pairs: Pairwise
    mixed: int
    clusters: int

    def __str__(self) -> str:
        return f"{self.pairs}; {self.mixed} of {self.clusters:,} clusters mix settlements"


def figures(rows: list[tuple[str, str]]) -> Figures:
    """The figures of ``dedupe(kind="place")`` on the rows, empty registry."""
    labels = kznames.dedupe([n for _, n in rows], kind="place", registry=kznames.Registry())
    truth = [gid for gid, _ in rows]
    places: defaultdict[str | None, set[str]] = defaultdict(set)
    for label, gid in zip(labels, truth, strict=True):
        places[label].add(gid)
    mixed = sum(len(gids) > 1 for gids in places.values())
    return Figures(pairwise(labels, truth), mixed, len(places))


def alternation_table(rows: list[tuple[str, str]]) -> None:
    """How often each alternation explains a real variant, and a false friend."""
    keys: dict[str, set[str]] = defaultdict(set)
    for gid, name in rows:
        keys[kznames.key(name).replace(" ", "")].add(gid)
    real: Counter[str] = Counter()
    false: Counter[str] = Counter()
    examples: dict[str, tuple[str, str]] = {}
    for a, b in itertools.combinations(sorted(keys), 2):
        found = sim.compare_keys(a, b, kind="place")
        if not found.similar:
            continue
        same = bool(keys[a] & keys[b])
        for step in found.steps:
            label = step.alternation or step.why
            (real if same else false)[label] += 1
            examples.setdefault(("" if same else "!") + label, (a, b))
    print("\n  alternation          real variants  false friends   (examples)")
    for label in [*dict.fromkeys(a.label for a in sim.policy().alternations), "a letter changed"]:
        shown = examples.get(label, ("", "")), examples.get("!" + label, ("", ""))
        print(
            f"  {label:<20} {real[label]:>13}  {false[label]:>13}   "
            f"{'/'.join(shown[0])}  {'/'.join(shown[1])}"
        )


def main() -> None:
    calibrate, _ = read_places("calibrate")
    report, _ = read_places("report")
    now = (BASE.place_threshold, 1.0)
    results = []
    for setting in itertools.product(THRESHOLDS, SCALES):
        use(*setting)
        results.append((setting, figures(calibrate)))
    most = next(found.mixed for (t, _), found in results if t == 0.0)
    ranked = sorted(results, key=lambda r: (r[1].mixed <= most, r[1].pairs.f1, r[0] == now))
    print(
        f"calibrate half: {len({g for g, _ in calibrate})} settlements, {len(calibrate)} names; "
        f"best F1 with at most {most} clusters mixing settlements (exact keys):"
    )
    print("  threshold scale   precision recall   F1  mixed")
    for (threshold, scale), found in reversed(ranked[-8:]):
        mark = "" if found.mixed <= most else "  (mixes more)"
        p = found.pairs
        print(
            f"  {threshold:9} {scale:5}   {p.precision:9.3f} {p.recall:6.3f} "
            f"{p.f1:5.3f} {found.mixed:6}{mark}"
        )
    use(*now)
    print(f"\nthe file's setting {now}: calibrate half {figures(calibrate)}")
    print(f"report half: {figures(report)}")
    use(0.0, 1.0)
    print(f"report half, exact keys: {figures(report)}")
    use(*now)
    alternation_table(calibrate)


if __name__ == "__main__":
    main()

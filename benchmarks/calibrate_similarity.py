"""Calibrate ``kznames.similarity()`` and ``match()``'s alternation credit on real pairs.

Data: ``data/persons_dev.tsv`` (Wikidata labels via EveryPolitician, CC0), split by
person into two halves (``devset.half``): every figure that chooses a value comes
from the ``calibrate`` half, and the chosen values are then reported on the
``report`` half, whose people the choice never saw.

The grid: a common factor on the costs of every alternation of
``kznames/data/similarity.json`` (their ratios are the file's: the Instruction's
systematic rules cost less than the vowel changes that also tell names apart),
the threshold under which two parts are similar, the cost of a doubled letter,
and the credit ``match()`` gives a part explained by alternations
(``data/match.json``). Each setting scores every pair of the calibrate half
with ``match_many`` and clusters them (``devset.score``); the best clustered F1
at a clustered precision of at least ``MIN_PRECISION`` wins, the file's values
on a tie. The script prints the grid's best settings, the file's current
setting, then the figures of the current setting on the report half, and, for
each alternation, the part pairs of the calibrate half it explains: pairs of one
person's parts (real variants) and pairs of different people's parts within the
threshold (false friends).

Run from the repo root: ``python benchmarks/calibrate_similarity.py``.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter, defaultdict

from devset import Spelling, half, name_pairs, read_spellings, score

import kznames.part_similarity as sim
from kznames import match_many, parse_name
from kznames.match import policy as match_policy
from kznames.names import father_name, word_key

MIN_PRECISION = 0.99
SCALES = (0.5, 0.75, 1.0, 1.5, 2.0)
THRESHOLDS = (0.6, 0.8, 1.0, 1.2)
DOUBLES = (0.2, 0.3, 0.5)
CREDITS = (0.8, 0.9, 1.0)


BASE = sim.policy()


def use(scale: float, threshold: float, double: float, credit: float) -> None:
    """Make the similarity and match() use these values, in this process."""
    chosen = dataclasses.replace(
        BASE,
        threshold=threshold,
        double=double,
        alternations=tuple(
            dataclasses.replace(a, cost=round(a.cost * scale, 6)) for a in BASE.alternations
        ),
    )
    sim.policy = lambda: chosen  # type: ignore[assignment]
    for cached in (sim._rules, sim._sides, sim._ending, sim._distance, sim._skeleton_edits):
        cached.cache_clear()
    match_policy()["credit"]["alternation"] = credit


def figures(spellings: list[Spelling]) -> tuple[float, float, float]:
    """Clustered precision, recall and F1 of match() on every pair of ``spellings``."""
    results = match_many(name_pairs(spellings))
    counts = score(spellings, [same for _, same in results]).clustered["all"]
    return counts.precision, counts.recall, counts.f1


def part_pairs(spellings: list[Spelling]) -> dict[str, tuple[set[tuple[str, str]], set[str]]]:
    """For each kind of part, the pairs of one person's differing keys, and every key."""
    by_person: defaultdict[str, defaultdict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s in spellings:
        p = parse_name(s.name)
        parts = {
            "surname": word_key(p.surname or ""),
            "given": "".join(word_key(g) for g in p.given),
            "father": father_name(p.patronymic) if p.patronymic else "",
        }
        for kind, k in parts.items():
            if k:
                by_person[kind][s.entity].add(k)
    out = {}
    for kind, people in by_person.items():
        same = {
            (a, b) for keys in people.values() for a, b in itertools.combinations(sorted(keys), 2)
        }
        out[kind] = (same, {k for keys in people.values() for k in keys})
    return out


def alternation_table(spellings: list[Spelling]) -> None:
    """How often each alternation explains a real variant, and a false friend."""
    real: Counter[str] = Counter()
    false: Counter[str] = Counter()
    examples: dict[str, tuple[str, str]] = {}
    for same, keys in part_pairs(spellings).values():
        for a, b in itertools.combinations(sorted(keys), 2):
            found = sim.compare_keys(a, b)
            if not found.similar or found.typos:
                continue
            for step in found.steps:
                label = step.alternation or step.why
                if (a, b) in same:
                    real[label] += 1
                    examples.setdefault(label, (a, b))
                else:
                    false[label] += 1
                    examples.setdefault("!" + label, (a, b))
    print("\n  alternation          real variants  false friends   (examples)")
    for label in dict.fromkeys(alt.label for alt in sim.policy().alternations):
        shown = examples.get(label, ("", "")), examples.get("!" + label, ("", ""))
        print(
            f"  {label:<20} {real[label]:>13}  {false[label]:>13}   "
            f"{'/'.join(shown[0])}  {'/'.join(shown[1])}"
        )
    double = "a letter doubled or written once"
    print(f"  {'doubled letter':<20} {real[double]:>13}  {false[double]:>13}")


def main() -> None:
    spellings = read_spellings()
    calibrate, report = half(spellings, "calibrate"), half(spellings, "report")
    current = sim.policy()
    now = (1.0, current.threshold, current.double, match_policy()["credit"]["alternation"])
    results = []
    for setting in itertools.product(SCALES, THRESHOLDS, DOUBLES, CREDITS):
        use(*setting)
        p, r, f = figures(calibrate)
        results.append((p >= MIN_PRECISION, f, setting == now, setting, p, r))
    results.sort(reverse=True)
    print(
        f"calibrate half: {len({s.entity for s in calibrate})} people, {len(calibrate)} "
        f"spellings; best clustered F1 at precision >= {MIN_PRECISION}:"
    )
    print("  scale threshold double credit   precision recall   F1")
    for ok, f, _, (scale, threshold, double, credit), p, r in results[:8]:
        mark = "" if ok else "  (precision too low)"
        print(f"  {scale:5} {threshold:9} {double:6} {credit:6}   {p:9.3f} {r:6.3f} {f:5.3f}{mark}")
    chosen = next(x for x in results if x[2])
    print(
        f"  the file's values {now}: precision {chosen[4]:.3f}, recall {chosen[5]:.3f}, "
        f"F1 {chosen[1]:.3f} (rank {results.index(chosen) + 1} of {len(results)})"
    )
    use(*now)
    alternation_table(calibrate)
    p, r, f = figures(report)
    print(
        f"\nreport half ({len({s.entity for s in report})} people, {len(report)} spellings), "
        f"the file's values: clustered precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}"
    )


if __name__ == "__main__":
    main()

"""Calibrate the costs of the readings' policy on real pairs.

``kznames/data/readings.json`` gives each group of conventions a cost (the
systems of Kazakhstan and the English-language press 0; the press of other
languages; the library and standards systems; English spelling) and the
key's folding a cost of its own. This script scores ``match()`` on every pair
of the development set (``data/persons_dev.tsv``, as ``dev_pairs.py`` does)
for each combination of the values in ``GRID`` and prints the clustered and
raw F1 of each, best first; the policy file is not changed. Each group gets
one cost here, so the two conventions the policy sets apart (``es-press`` and
``uz-latin``, 3 nats, for the reasons given there) take the press group's.
``model_weight`` and ``margin`` were chosen by running ``dev_pairs.py`` with
each value (the figures are in ``kznames/data/readings.json``).

Run from the repo root: ``python benchmarks/calibrate_readings.py``.
"""

from __future__ import annotations

import itertools

from devset import name_pairs, read_spellings, score

from kznames import match_many, reader

PRESS = (
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
)
LIBRARY = (
    "ru-scholarly",
    "ru-iso9",
    "kk-iso9",
    "ru-gost-779b",
    "ru-ala-lc",
    "kk-ala-lc",
    "ru-ungegn-1987",
)
GRID = {
    "press": (0.5, 1.5, 3.0),
    "library": (0.5, 1.5),
    "en": (0.5, 1.5),
    "fold_cost": (0.5, 1.5, 3.0),
}


def _set(press: float, library: float, en: float, fold: float) -> None:
    """Write the costs into the loaded policy and forget what was read with the old ones."""
    policy = reader.policy()
    costs = dict(policy["convention_cost"])
    costs.update({c: press for c in PRESS} | {c: library for c in LIBRARY} | {"en": en})
    policy["convention_cost"] = costs  # type: ignore[index]
    policy["fold_cost"] = fold  # type: ignore[index]
    for cached in (reader._conventions, reader._read_word, reader._key_form):
        cached.cache_clear()


def main() -> None:
    spellings = read_spellings()
    pairs = name_pairs(spellings)
    rows = []
    for values in itertools.product(*GRID.values()):
        _set(*values)
        same = [s for _, s in match_many(pairs)]
        scored = score(spellings, same)
        c, r = scored.clustered["all"], scored.raw["all"]
        rows.append((c.f1, r.f1, c.precision, c.recall, values))
    rows.sort(reverse=True)
    print("  clustered F1   raw F1   precision  recall   " + "  ".join(GRID))
    for f1, raw, p, r, values in rows:
        print(
            f"  {f1:12.3f} {raw:8.3f} {p:11.3f} {r:7.3f}   " + "  ".join(f"{v:>5}" for v in values)
        )


if __name__ == "__main__":
    main()

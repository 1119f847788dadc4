"""Baseline: OpenSanctions' nomenklatura ``logic-v2`` matcher on pairs of person names.

Written against nomenklatura 4.17.4 (with followthemoney 4.11.2 and rigour 2.6.1, on
Python 3.11.7). It runs in a virtualenv of its own, not in the project's: nomenklatura
needs PyICU (``pyicu``), which builds from source against the system ICU and installs the
same ``icu`` module as the ``pyicu-wheels`` package of our test extras, so installing both
in one environment would replace the ICU that our tests use.

How a pair is scored
--------------------
``logic-v2`` is the class ``nomenklatura.matching.logic_v2.model.LogicV2``, registered
under ``LogicV2.NAME == "logic-v2"`` in ``nomenklatura.matching.ALGORITHMS`` and looked up
by that name with ``nomenklatura.matching.get_algorithm``. Each name string becomes a
followthemoney ``Person`` entity whose ``name`` property holds the whole string, and
``LogicV2.compare(query, result, LogicV2.default_config())`` returns a ``MatchingResult``
whose ``score`` (0.0 to 1.0) is the figure used here. With nothing but a name on each
side, the score is the ``name_match`` feature (weight 1.0); the other features (identifiers,
addresses, dates of birth, countries, gender) have no data and add nothing.

Two details of nomenklatura shape this module:

* The score is not symmetric. The first name of a pair is the *query* and the second the
  *result*, as in yente's ``/match`` (a query scored against an indexed record): name parts
  of the query left unmatched weigh 0.8, those of the result 0.2 (config ``nm_extra_query_name``
  and ``nm_extra_result_name``), and single Latin letters count as initials on the query side
  only. So ``("Kassym-Jomart Tokayev", "Токаев Касым-Жомарт Кемелевич")`` scores 0.814
  but the reverse order 0.686: put the shorter or the searched-for spelling first.
* The analysed names are memoized per entity with an ``lru_cache`` keyed on the entity,
  whose hash and equality are its ``id`` alone. Every entity built here therefore gets an
  id never used before in the process; reusing ids would silently score stale names.

Only ``name`` is filled. followthemoney also has ``firstName``, ``lastName``,
``middleName`` and ``fatherName``; these are not names of their own but tags applied to
the tokens of ``name`` (given, family, middle), which would let logic-v2 weigh the family
name 1.3 times (``nm_family_name_weight``) and penalise a given name aligned with a family
name. That would help it, but our pairs are bare strings in mixed orders ("Токаев Касым-
Жомарт Кемелевич", "Kassym-Jomart Tokayev", "TOKAYEV Kassym-Jomart"): splitting them would
mean guessing the order with heuristics of our own, whose errors would be charged to
nomenklatura. A bare ``name`` is also what a free-text query to yente sends.

Decision threshold
------------------
nomenklatura itself has no match/no-match threshold for logic-v2: ``compare`` only returns
a score. The threshold OpenSanctions applies to it is in yente, its matching API (yente
5.5.0, which makes ``logic-v2`` its ``BEST_ALGORITHM``, ``yente/settings.py`` line 147):
``SCORE_THRESHOLD = 0.70`` (``yente/settings.py`` line 185), with
``match = score >= threshold`` (``yente/data/common.py`` line 67). nomenklatura's own
review screen colours a score green from the same 0.7 (``nomenklatura/tui/reconcile.py``
line 149). A pair is judged ``same`` here when its score is >= ``THRESHOLD``.

Usage, from the repository root, with the separate virtualenv::

    python benchmarks/nomenklatura_baseline.py PAIRS.tsv
    python benchmarks/nomenklatura_baseline.py --dev

``PAIRS.tsv`` has lines ``name_a<TAB>name_b<TAB>label`` (label 1 = same person, 0 = not);
blank lines and lines starting with ``#`` are skipped. It prints precision, recall and F1
at ``THRESHOLD`` and the pairs scored per second: the time of ``score_pairs`` alone (entity
building and ``compare``, not reading the file), best of 3 runs after a warm-up run (the
first call takes about 4 s: rigour loads its name data). nomenklatura and rigour memoize
analysed strings and name parts, so the timed runs score strings already seen; on 3,200
distinct pairs, unseen strings scored within 10 % of that speed (about 9,000 to 10,000
pairs/s on 2 cores, one process).

With ``--dev`` it scores every pair of the development set ``data/persons_dev.tsv``
(the pairs, in the order, of ``dev_pairs.py``, the earlier row as the query) once
and prints, through ``devset.report`` (which imports nothing from kznames), the
raw and clustered precision, recall and F1 at ``THRESHOLD``, overall and by kind
of pair, and samples of the errors: the figures ``dev_pairs.py`` prints for
kznames. ``--symmetric`` scores each pair both ways and keeps the higher score.
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections.abc import Sequence
from pathlib import Path

from devset import HALVES, half, name_pairs, read_spellings, report
from followthemoney import EntityProxy, model
from nomenklatura.matching import get_algorithm

ALGORITHM = "logic-v2"

# yente's SCORE_THRESHOLD for /match results (yente/settings.py line 185); see the docstring.
THRESHOLD = 0.70

# Entity ids must be unique in the process: logic-v2 caches analysed names by entity id.
_entity_ids = itertools.count()


def _person(name: str) -> EntityProxy:
    entity = model.make_entity("Person")
    entity.id = f"kznames-{next(_entity_ids)}"
    entity.add("name", name)
    return entity


def score_pairs(pairs: Sequence[tuple[str, str]]) -> list[float]:
    """Score each ``(query, result)`` pair of person names with logic-v2, from 0.0 to 1.0."""
    algorithm = get_algorithm(ALGORITHM)
    if algorithm is None:
        raise RuntimeError(f"nomenklatura has no algorithm named {ALGORITHM!r}")
    config = algorithm.default_config()
    return [algorithm.compare(_person(a), _person(b), config).score for a, b in pairs]


def read_pairs(path: Path) -> tuple[list[tuple[str, str]], list[int]]:
    """Read ``name_a<TAB>name_b<TAB>label[<TAB>...]`` lines (further columns, such as
    the ``why`` of ``data/match_pairs.tsv``, are ignored); ``#`` comments and blank
    lines skipped."""
    pairs: list[tuple[str, str]] = []
    labels: list[int] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3 or fields[2].strip() not in ("0", "1"):
            raise ValueError(f"{path}:{number}: expected name_a<TAB>name_b<TAB>0|1")
        pairs.append((fields[0].strip(), fields[1].strip()))
        labels.append(int(fields[2]))
    return pairs, labels


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def dev(symmetric: bool, which: str | None = None) -> None:
    """Score every pair of the development set (or of one half of its people,
    ``devset.half``) and print the figures by kind."""
    spellings = half(read_spellings(), which)
    pairs = name_pairs(spellings)
    scores = score_pairs(pairs)
    if symmetric:
        reverse = score_pairs([(b, a) for a, b in pairs])
        scores = [max(s, r) for s, r in zip(scores, reverse, strict=True)]
    order = "higher score of both orders" if symmetric else "earlier row as query"
    report(
        f"nomenklatura {ALGORITHM} on persons_dev.tsv{f' ({which} half)' if which else ''}, "
        f"same = score >= {THRESHOLD} ({order})",
        spellings,
        [score >= THRESHOLD for score in scores],
        scores,
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Score person-name pairs with nomenklatura logic-v2."
    )
    parser.add_argument("pairs", type=Path, nargs="?", help="TSV of name_a, name_b, label (0/1)")
    parser.add_argument(
        "--dev", action="store_true", help="score every pair of data/persons_dev.tsv by kind"
    )
    parser.add_argument(
        "--symmetric", action="store_true", help="with --dev: the higher score of both orders"
    )
    parser.add_argument("--half", choices=HALVES, help="with --dev: one half of the people")
    args = parser.parse_args(argv)
    if args.dev == (args.pairs is not None):
        parser.error("give either a PAIRS file or --dev")
    if args.dev:
        dev(args.symmetric, args.half)
        return
    pairs, labels = read_pairs(args.pairs)
    if not pairs:
        parser.error(f"no pairs in {args.pairs}")

    scores = score_pairs(pairs)  # also the warm-up: loads rigour's name data
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        score_pairs(pairs)
        best = min(best, time.perf_counter() - start)

    same = [score >= THRESHOLD for score in scores]
    tp = sum(1 for s, label in zip(same, labels, strict=True) if s and label)
    predicted = sum(same)
    actual = sum(labels)
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    print(f"nomenklatura {ALGORITHM}, same = score >= {THRESHOLD}: {len(pairs)} pairs")
    print(f"  precision {_ratio(tp, predicted)}  ({tp}/{predicted})")
    print(f"  recall    {_ratio(tp, actual)}  ({tp}/{actual})")
    print(f"  F1        {f1:.3f}")
    print(f"  speed     {len(pairs) / best:,.0f} pairs/s (best of 3 after a warm-up)")


if __name__ == "__main__":
    main()

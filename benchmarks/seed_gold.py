"""``find_entities`` against the hand-made gold standard of the seed corpus.

Gold: ``seeds/gold.tsv``, every mention of a Kazakhstan-related person, place
and organisation in the five seed articles, with offsets and entity,
annotated by hand (see its header).

Score: B-cubed precision and recall over mentions. A predicted mention counts
when its span equals a gold span. Gold rows whose entity is ``out:<id>`` are
out of scope (foreign names in passing, credited agencies): they are not
mentions to find, and a prediction on one is left out of the score when it
names that entity (or, for an entity outside the registry, any entity
outside it); linked to another registry entity, it counts as wrong. For a
predicted mention, precision is the share of its predicted entity's mentions
(across the corpus) that share its gold entity; a predicted mention with no
gold span scores 0. Recall is the
same from the gold side; a gold mention that was not found scores 0. The
figures are given overall and by the gold kind, and every missed, spurious
and mislinked mention is listed. The script also times ``find_entities`` on
the seed corpus repeated to 10 MB.

Run from the repo root: ``python benchmarks/seed_gold.py``; ``tests/test_gold.py``
asserts both figures are at least 0.98.
"""

from __future__ import annotations

import csv
import time
from collections import defaultdict
from pathlib import Path

from kznames import Registry, find_entities

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "seeds" / "gold.tsv"

Span = tuple[str, int, int]


def gold() -> dict[Span, tuple[str, str, str]]:
    """``(file, start, end)`` -> ``(text, entity, kind)`` for every gold mention."""
    with GOLD.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {
            (r["file"], int(r["start"]), int(r["end"])): (r["text"], r["entity"], r["kind"])
            for r in rows
        }


def in_scope(
    truth: dict[Span, tuple[str, str, str]], test: dict[Span, tuple[str, str, str]]
) -> tuple[dict[Span, tuple[str, str, str]], dict[Span, tuple[str, str, str]]]:
    """The gold and predicted mentions the score is about (see the module docs)."""
    registry = Registry.default()
    out = {
        span: row[1].removeprefix("out:")
        for span, row in truth.items()
        if row[1].startswith("out:")
    }

    def excused(span: Span, entity: str) -> bool:
        if span not in out:
            return False
        return entity == out[span] or (entity not in registry and out[span] not in registry)

    kept_truth = {span: row for span, row in truth.items() if span not in out}
    kept_test = {span: row for span, row in test.items() if not excused(span, row[1])}
    return kept_truth, kept_test


def predicted() -> dict[Span, tuple[str, str, str]]:
    """The same for ``find_entities`` on each seed file."""
    out = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for m in find_entities(path.read_text(encoding="utf-8")):
            out[(path.name, m.start, m.end)] = (m.text, m.entity_id, m.kind)
    return out


def bcubed(
    test: dict[Span, tuple[str, str, str]], truth: dict[Span, tuple[str, str, str]]
) -> dict[Span, float]:
    """Each mention of ``test``: the share of its entity's mentions that share its true entity."""
    clusters: dict[str, set[Span]] = defaultdict(set)
    for span, (_, entity, _) in test.items():
        clusters[entity].add(span)
    true_clusters: dict[str, set[Span]] = defaultdict(set)
    for span, (_, entity, _) in truth.items():
        true_clusters[entity].add(span)
    scores = {}
    for span, (_, entity, _) in test.items():
        if span not in truth:
            scores[span] = 0.0
            continue
        mine = clusters[entity]
        scores[span] = len(mine & true_clusters[truth[span][1]]) / len(mine)
    return scores


def report() -> dict[str, tuple[float, float, int]]:
    """``kind`` -> ``(precision, recall, gold mentions)``, with ``all`` for the whole corpus."""
    truth, test = in_scope(gold(), predicted())
    precision, recall = bcubed(test, truth), bcubed(truth, test)
    out = {}
    for kind in ("person", "place", "org", "all"):
        p = [v for s, v in precision.items() if kind in ("all", (truth.get(s) or test[s])[2])]
        r = [v for s, v in recall.items() if kind in ("all", truth[s][2])]
        out[kind] = (sum(p) / max(len(p), 1), sum(r) / max(len(r), 1), len(r))
    return out


def throughput(size: int = 10_000_000) -> tuple[int, float]:
    """``(characters, seconds)`` of ``find_entities`` on the seed corpus repeated to ``size``."""
    seeds = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    text = (seeds * (size // len(seeds) + 1))[:size]
    find_entities(seeds)  # the registry loads and indexes on first use
    start = time.perf_counter()
    find_entities(text)
    return len(text), time.perf_counter() - start


def main() -> None:
    chars, seconds = throughput()
    print(f"find_entities on the seed corpus repeated to {chars:,} characters: {seconds:.1f} s,")
    print(f"{chars / seconds:,.0f} characters per second\n")
    truth, test = in_scope(gold(), predicted())
    print(f"{'kind':<8}{'gold':>6}{'precision':>11}{'recall':>8}")
    for kind, (p, r, n) in report().items():
        print(f"{kind:<8}{n:>6}{p:>11.3f}{r:>8.3f}")
    print("\nMissed (gold, not found):")
    for span in sorted(set(truth) - set(test)):
        print(f"  {span[0][:3]} {span[1]:>5} {truth[span][0]!r} {truth[span][1]}")
    print("Spurious (found, not gold):")
    for span in sorted(set(test) - set(truth)):
        print(f"  {span[0][:3]} {span[1]:>5} {test[span][0]!r} {test[span][1]}")
    print("Found with another entity than gold's (ids may differ; B-cubed compares clusters):")
    for span in sorted(set(test) & set(truth)):
        if test[span][1] != truth[span][1]:
            got, want = test[span][1], truth[span][1]
            print(f"  {span[0][:3]} {span[1]:>5} {test[span][0]!r} {got} / {want}")


if __name__ == "__main__":
    main()

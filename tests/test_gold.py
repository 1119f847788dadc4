"""find_entities against the hand-made gold standard of the seed corpus (seeds/gold.tsv)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import seed_gold


def test_the_gold_standard_is_consistent_with_the_articles():
    texts = {p.name: p.read_text(encoding="utf-8") for p in seed_gold.ROOT.glob("seeds/*.txt")}
    gold = seed_gold.gold()
    assert len(gold) > 150
    for (name, start, end), (text, entity, kind) in gold.items():
        assert texts[name][start:end] == text
        assert entity.removeprefix("out:").startswith(kind + ":")


def test_bcubed_precision_and_recall_on_the_seed_corpus():
    precision, recall, _ = seed_gold.report()["all"]
    assert precision >= 0.98, precision
    assert recall >= 0.98, recall

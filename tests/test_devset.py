"""The development set's kinds, clustering and pairwise scoring (benchmarks/devset.py)."""

import sys
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from devset import (
    PAIR_KINDS,
    Spelling,
    components,
    index_pairs,
    pair_kind,
    read_spellings,
    score,
)


def spelling(entity: str, script: str, languages: str) -> Spelling:
    return Spelling(entity, f"{entity} {languages}", script, tuple(languages.split(",")))


def test_the_kind_of_a_spelling_comes_from_its_script_and_labels() -> None:
    assert spelling("q", "Cyrl", "kk,ru").kind == "cyrillic"
    assert spelling("q", "Latn", "pl,en,nl").kind == "english"
    assert spelling("q", "Latn", "nl,es,en_gb").kind == "english"
    assert spelling("q", "Latn", "kk_latn,az").kind == "kazakh-latin"
    assert spelling("q", "Latn", "de,ast").kind == "other-latin"


def test_every_pair_of_the_development_set_has_one_kind() -> None:
    spellings = read_spellings()
    assert len(spellings) == 373
    assert len({s.entity for s in spellings}) == 159
    kinds = [pair_kind(spellings[i], spellings[j]) for i, j in index_pairs(len(spellings))]
    assert len(kinds) == 373 * 372 // 2
    assert set(kinds) == set(PAIR_KINDS)


def closure(n: int, edges: list[tuple[int, int]]) -> set[frozenset[int]]:
    """The connected components by repeated merging, the slow obvious way."""
    groups = [{x} for x in range(n)]
    for a, b in edges:
        ga = next(g for g in groups if a in g)
        gb = next(g for g in groups if b in g)
        if ga is not gb:
            groups.remove(gb)
            ga |= gb
    return {frozenset(g) for g in groups}


@given(
    st.integers(1, 12).flatmap(
        lambda n: st.tuples(
            st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)))
        )
    )
)
def test_components_are_the_connected_components(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, edges = case
    label = components(n, edges)
    found = {frozenset(x for x in range(n) if label[x] == c) for c in set(label)}
    assert found == closure(n, edges)
    assert all(label[x] == min(g) for g in found for x in g)


def test_clustering_counts_the_pairs_a_chain_joins() -> None:
    rows = [
        spelling("p", "Cyrl", "kk"),
        spelling("p", "Latn", "en"),
        spelling("p", "Latn", "de"),
        spelling("r", "Cyrl", "ru"),
    ]
    pairs = index_pairs(4)
    # p-kk ~ p-en and p-en ~ p-de are decided same; p-de ~ r too (a false merge).
    same = [(i, j) in {(0, 1), (1, 2), (2, 3)} for i, j in pairs]
    result = score(rows, same)
    assert (result.raw["all"].hits, result.raw["all"].predicted, result.raw["all"].true) == (
        2,
        3,
        3,
    )
    clustered = result.clustered["all"]
    assert (clustered.hits, clustered.predicted, clustered.true) == (3, 6, 3)
    assert clustered.precision == 0.5 and clustered.recall == 1.0
    assert result.misses == []
    assert result.merges == [(0, 3), (1, 3), (2, 3)]
    assert result.clustered["other-any"].pairs == 3
    assert sum(result.clustered[k].pairs for k in PAIR_KINDS) == len(list(combinations(rows, 2)))


def test_one_decision_per_pair() -> None:
    with pytest.raises(ValueError, match="same"):
        score([spelling("p", "Cyrl", "kk"), spelling("p", "Latn", "en")], [True, False])

"""dedupe()'s work grows linearly on the blocks that used to make it quadratic,
counted in lines of kznames executed, never in seconds."""

import itertools
import random
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kznames
from kznames import Registry, dedupe
from kznames.dedupe import (
    _describe,
    _elements,
    _father_pairs,
    _given_class,
    _neighbours,
    _surname_candidates,
)
from kznames.given_names import father_groups
from kznames.match import _Batch

PACKAGE = str(Path(kznames.__file__).resolve().parent)


def _lines(call):
    """The result of ``call()`` and the number of lines of kznames it executed."""
    count = 0

    def line(frame, event, arg):
        nonlocal count
        count += event == "line"
        return line

    def enter(frame, event, arg):
        return line if frame.f_code.co_filename.startswith(PACKAGE) else None

    previous = sys.gettrace()
    sys.settrace(enter)
    try:
        result = call()
    finally:
        sys.settrace(previous)
    return result, count


def _words(n, seed):
    """``n`` distinct made-up words of four syllables, none of which reads as a
    patronymic (no ``-uly``, ``-ich``, ``-ovna``)."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeo"]
    space = itertools.product(syllables, repeat=4)
    chosen = random.Random(seed).sample(range(len(syllables) ** 4), n)
    picked = set(chosen)
    return ["".join(s).capitalize() for k, s in enumerate(space) if k in picked]


def _initials(n):
    letters = "ABDEFGIKLMNOPRSTUVZ"
    combos = itertools.islice(itertools.product(letters, repeat=4), n)
    return [f"Ivanov I. {'. '.join(c)}." for c in combos]


# One surname block each: the shapes that used to cost the square of their size.
FAMILIES = {
    "distinct patronymics": lambda n: [f"Ivanov Ivan {w}ovich" for w in _words(n, 1)],
    "distinct second given names": lambda n: [f"Ivanov Ivan {w}" for w in _words(n, 2)],
    "distinct compound given names": lambda n: [f"Ivanov Ivan-{w}" for w in _words(n, 3)],
    "distinct initials": _initials,
    "patronymics alone": lambda n: [f"Ivanov {w}ovich" for w in _words(n, 4)],
    "surnames a typo apart": lambda n: [f"{w}ov Ivan Petrovich" for w in _words(n, 5)],
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_work_of_one_block_grows_linearly(family):
    small, large = (FAMILIES[family](n) for n in (150, 600))
    labels, work_small = _lines(lambda: dedupe(small, registry=Registry()))
    _, work_large = _lines(lambda: dedupe(large, registry=Registry()))
    assert len(set(labels)) > 100  # mostly different people
    assert work_large < 5 * work_small, (work_small, work_large)


def _old_rule(left, right, near):
    """Fathers' names that may agree, as the loop over every pair decided."""
    return {(f, g) for f in left for g in right if not f or not g or g in near[f]}


@settings(max_examples=300)
@given(
    st.lists(st.text("abc", max_size=4), max_size=12),
    st.lists(st.text("abc", max_size=4), max_size=12),
)
def test_the_pairs_of_fathers_are_the_old_rules(left, right):
    near = _neighbours({f for f in left + right if f})
    left, right = dict.fromkeys(left), dict.fromkeys(right)
    found = list(_father_pairs(left, right, near))
    assert len(found) == len(set(found))
    assert set(found) == _old_rule(left, right, near)


def test_the_pairs_of_fathers_are_the_old_rules_on_generated_names():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from dedupe_data import generate

    names = list(dict.fromkeys(name for name, _ in generate(5000, seed=17)))
    batch = _Batch()
    elements, _ = _elements(names, {}, _describe(batch, "person", {}))
    compared = 0
    for surname in {r[0] for e in elements for r in e.readings}:
        by_class = defaultdict(lambda: defaultdict(list))
        for i, element in enumerate(elements):
            for r in element.readings:
                if r[0] == surname:
                    by_class[_given_class(batch, r)][batch.values[r[2]]].append(i)
        near = _neighbours({f for fathers in by_class.values() for f in fathers if f})
        for a, b in itertools.product(by_class, repeat=2):
            expected = _old_rule(by_class[a], by_class[b], near)
            assert set(_father_pairs(by_class[a], by_class[b], near)) == expected
            compared += len(expected)
    assert compared > 10_000


def test_candidates_of_distinct_patronymics_are_few():
    names = FAMILIES["distinct patronymics"](2000)
    batch = _Batch()
    elements, _ = _elements(names, {}, _describe(batch, "person", {}))
    (surname,) = {r[0] for e in elements for r in e.readings}
    father_groups("ivan")  # the given-name data loads once per process, not per name
    found, work = _lines(lambda: _surname_candidates(batch, surname, elements))
    # A name has a reading per reading of its spelling (kznames.readings).
    readings = sum(len(e.readings) for e in elements)
    assert len(found) < 2 * len(elements) and work < 100 * readings


GIVEN = ["Ivan", "Igor", "Ivanna", "Kassym", "Jomart", "Kassym-Jomart", "Kasym", "Yerlan", "Erlan"]
INITIALS = ["I.", "K.-J.", "I. P.", "Y.", "E.", "K. J.", "I.P.", "K."]
FATHERS = ["Petrovich", "Petrovna", "Kemeluly", "Kemelevich", "Petrov", "Ivanovich", "Kemeluli"]


@st.composite
def _person(draw):
    words = [draw(st.sampled_from(["Ivanov", "Ivanova", "Иванов", "Tokayev"]))]
    words += draw(st.lists(st.sampled_from(GIVEN), max_size=2))
    words += draw(st.lists(st.sampled_from(INITIALS), max_size=1))
    words += draw(st.lists(st.sampled_from(FATHERS), max_size=1))
    return " ".join(draw(st.permutations(words)) if draw(st.booleans()) else words)


@settings(max_examples=200)
@given(st.lists(_person(), min_size=2, max_size=14, unique=True))
def test_every_pair_match_calls_the_same_in_a_block_is_a_candidate(names):
    batch = _Batch()
    elements, _ = _elements(names, {}, _describe(batch, "person", {}))
    for surname in {r[0] for e in elements for r in e.readings}:
        members = [e for e in elements if any(r[0] == surname for r in e.readings)]
        found = _surname_candidates(batch, surname, members)
        # match()'s decision on the readings of this block only (a pair that is
        # the same person by its other readings is compared in their block).
        here = _Batch()
        here.__dict__.update(vars(batch))
        here.names = {e.name: tuple(r for r in e.readings if r[0] == surname) for e in members}
        for i, j in itertools.combinations(range(len(members)), 2):
            a, b = members[i].name, members[j].name
            assert (i, j) in found or not here.pair(a, b)[1], (a, b)

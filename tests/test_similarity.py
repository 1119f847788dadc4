"""kznames.similarity(): the Kazakh and Russian forms of one name part, and typos."""

import json
from importlib import resources

import pytest
from cyrillic_names import KAZAKH_GIVEN
from hypothesis import given, settings
from hypothesis import strategies as st

import kznames
from kznames import similarity
from kznames.names import father_name, patronymic_gender, word_key
from kznames.part_similarity import compare_keys, policy

DATA = json.loads(
    (resources.files("kznames") / "data" / "similarity.json").read_text(encoding="utf-8")
)
EXAMPLES = [(alt.id, alt.label, a, b) for alt in policy().alternations for a, b in alt.examples]


def kind_of(alternation_id: str) -> str:
    """The kind of name an alternation's examples are: a person's, unless it is
    for places only."""
    alt = next(a for a in policy().alternations if a.id == alternation_id)
    return "person" if "person" in alt.kinds else "place"


def test_every_alternation_has_a_source_and_real_examples():
    assert DATA["source"]
    for alt in policy().alternations:
        assert alt.why and alt.examples, alt.id


@pytest.mark.parametrize(("alternation", "label", "a", "b"), EXAMPLES)
def test_each_real_example_is_explained_by_its_alternation(alternation, label, a, b):
    """The examples are parts of real names (words of the development set);
    two patronymics are compared through the fathers' names they end in."""
    fathers = all(patronymic_gender(x) for x in (a, b))
    ka, kb = (father_name(x) if fathers else word_key(x) for x in (a, b))
    found = compare_keys(ka, kb, kind=kind_of(alternation))
    assert found.similar and not found.typos, (a, b, found.explain())
    assert any(step.alternation == label for step in found.steps), found.explain()


def test_the_explanation_names_each_step():
    s = similarity("Нығматулин", "Nigmatullin")
    assert s.similar and s.typos == 0
    assert [(x.left, x.right) for x in s.steps] == [("y", "i"), ("", "l")]
    assert "ы~и" in s.explain()
    assert similarity("Токаев", "Tokayev").explain() == "same key"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Tokayev", "Tokarev"), ("Kosanov", "Kasanov"), ("Nazarbayev", "Nazarbayeva")],
)
def test_look_alikes_differ_by_a_typo_not_an_alternation(a, b):
    s = similarity(a, b)
    assert s.typos == 1 and s.cost == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tokayev Kassym", "Tokarev Kassym"),
        ("Kosanov Erlan", "Kasanov Erlan"),
        ("Nursultan Nazarbayev", "Dariga Nazarbayeva"),
        ("Nursultan Nazarbayev", "Aisultan Nazarbayev"),
        ("Iskhakov Marat", "Ishakov Marat"),
    ],
)
def test_match_keeps_look_alikes_apart(a, b):
    assert not kznames.match(a, b).same


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Нығматулин Ерлан", "Нигматуллин Ерлан"),
        ("Сұлтанбай Руслан", "Султанбаев Руслан"),
        ("Жақыпов Әмір", "Джакупов Амир"),
        ("Смайылов Әлихан Асқарұлы", "Smailov Alikhan Askarovich"),
        ("Тұрсынов Бауыржан", "Турсунов Бауржан"),
    ],
)
def test_match_joins_the_kazakh_and_russian_forms_of_one_name(a, b):
    m = kznames.match(a, b)
    assert m.same, m.explain()
    assert "Kazakh and Russian forms" in m.explain()


def test_keys_longer_than_the_bound_are_only_equal_or_apart():
    long = "Назарбаев" * 10
    assert similarity(long, long).cost == 0.0
    s = similarity(long, long + "а")
    assert not s.similar and s.cost == float("inf") and s.score == 0.0


def test_bad_input():
    with pytest.raises(TypeError, match="a must be a str"):
        similarity(None, "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="b must be a str"):
        similarity("x", b"x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="kind must be a str"):
        similarity("x", "y", kind=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kind must be one of person, place, got 'org'"):
        similarity("x", "y", kind="org")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["person", "place"]), st.text(max_size=40), st.text(max_size=40))
def test_any_two_strings_compare_symmetrically(kind, a, b):
    s, t = similarity(a, b, kind), similarity(b, a, kind)
    assert s.cost == t.cost >= 0
    assert s.similar == t.similar
    assert 0.0 <= s.score <= 1.0
    assert similarity(a, a, kind).cost == 0.0


@pytest.mark.parametrize("word", [w for w in KAZAKH_GIVEN if "ы" in w or "ң" in w])
def test_a_russian_letter_for_a_kazakh_one_costs_little(word):
    """Real Kazakh given names with Ы or Ң written with the Russian И or Н."""
    other = word.replace("ы", "и").replace("ң", "н")
    found = similarity(word, other)
    assert found.similar and not found.typos, found.explain()


@settings(max_examples=1000)
@given(
    st.sampled_from(["person", "place"]),
    st.text(alphabet="aeiouybdgkhlmnrstvzc", max_size=14),
    st.text(alphabet="aeiouybdgkhlmnrstvzc", max_size=14),
)
def test_the_skeleton_filter_never_changes_a_decision(kind, a, b):
    """Parts whose skeletons are far apart are ruled out before the edit
    distance runs; the distance alone decides the same."""
    from kznames.part_similarity import _distance

    limit = policy().limit(kind, a, b)
    alone = a == b or _distance(a, b, limit, kind)[0] <= limit
    assert compare_keys(a, b, kind=kind).similar == alone


def _registry(*people):
    return kznames.Registry.from_records(
        [
            {"id": pid, "kind": "person", "name": latin, "kk": [kk], "source": "test"}
            for pid, latin, kk in people
        ]
    )


def test_resolve_finds_a_person_by_the_other_form_of_the_surname():
    reg = _registry(("person:nygmatulin-erlan", "Erlan Nygmatulin", "Нығматулин Ерлан"))
    for query in ("Нигматуллин Ерлан", "Nigmatullin Erlan", "Ерлан Нигматуллин"):
        found = reg.lookup(query)
        assert found.entity is not None and found.entity.id == "person:nygmatulin-erlan"
    assert reg.lookup("Нигматуллин Ерлан").how.startswith("the other form of a surname")
    assert kznames.resolve("Нигматуллин Серик", registry=reg) is None


def test_two_people_as_close_leave_the_name_ambiguous():
    reg = _registry(
        ("person:nygmatulin-erlan", "Erlan Nygmatulin", "Нығматулин Ерлан"),
        ("person:nigmatulin-erlan", "Erlan Nigmatulyn", "Нигматулын Ерлан"),
    )
    found = reg.lookup("Нигматуллин Ерлан")
    assert found.entity is None and len(found.candidates) == 2
    assert found.how.startswith("ambiguous")


def test_dedupe_joins_the_kazakh_and_russian_forms_of_one_person():
    """Given name and father agree, the surnames are two forms of one name:
    the typo block of dedupe() compares them by the core of their skeletons."""
    names = [
        "Нығматулин Ерлан Зайроллаұлы",
        "Нигматуллин Ерлан Зайроллаевич",
        "Сұлтанбай Руслан Асқарұлы",
        "Султанбаев Руслан Аскарович",
        "Султанбаева Гульнар",
    ]
    labels = kznames.dedupe(names)
    assert labels[0] == labels[1] != labels[2]
    assert labels[2] == labels[3] != labels[4]


def test_dedupe_joins_the_forms_of_one_surname_without_a_patronymic():
    """One given name and no father: the variant block compares the forms of
    one surname, and only those (a typo needs a father that agrees)."""
    labels = kznames.dedupe(
        ["Нығматулин Ерлан", "Нигматуллин Ерлан", "Нигматуллин Серик", "Petrov Ivan", "Petrob Ivan"]
    )
    assert labels[0] == labels[1]
    assert len(set(labels)) == 4


def test_the_core_is_shared_by_forms_alternations_explain():
    from kznames.part_similarity import core

    for alt in policy().alternations:
        kind = kind_of(alt.id)
        for a, b in alt.examples:
            ka, kb = word_key(a), word_key(b)
            found = compare_keys(ka, kb, kind=kind)
            if found.similar and not found.typos:
                assert core(ka, kind) == core(kb, kind), (a, b)


@settings(max_examples=500)
@given(
    st.sampled_from(["person", "place"]),
    st.text(alphabet="aeiouybdgkhlmnrstvzc", max_size=12),
    st.lists(
        st.tuples(st.sampled_from(policy().alternations), st.integers(0, 4), st.integers(0, 4)),
        max_size=3,
    ),
)
def test_parts_alternations_alone_explain_share_the_core(kind, text, rewrites):
    """Rewriting a key by alternations keeps its core, so dedupe() meets them."""
    from kznames.part_similarity import core

    other = text
    for alt, i, j in rewrites:
        if kind not in alt.kinds:
            continue
        before, after = alt.forms[i % len(alt.forms)], alt.forms[j % len(alt.forms)]
        left, right = before.strip("^$"), after.strip("^$")
        if before.startswith("^"):
            other = right + other[len(left) :] if other.startswith(left) else other
        elif before.endswith("$"):
            other = other[: len(other) - len(left)] + right if other.endswith(left) else other
        elif left:
            other = other.replace(left, right, 1)
    found = compare_keys(text, other, kind=kind)
    if found.similar and not found.typos:
        assert core(text, kind) == core(other, kind), (text, other, found.explain())


def test_the_explanation_says_why_there_are_no_steps():
    assert compare_keys("nazarbaev", "tokaev").explain() == "more than the threshold apart"
    assert similarity("Назарбаев" * 10, "Токаев" * 10).explain() == "keys too long to compare"
    assert similarity("Тоқаев", "Tokayev").explain() == "same key"

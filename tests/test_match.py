"""match(): the same person and different people, as the names issue lists them."""

import re

import pytest
from cyrillic_names import KAZAKH_GIVEN, RUSSIAN_GIVEN, SURNAME_STEMS
from hypothesis import assume, given
from hypothesis import strategies as st

from kznames import Match, match, match_many, transliterate
from kznames.match import policy
from kznames.translit import get_system

KAZAKH = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

SAME = [
    ("Kassym-Jomart Tokayev", "Qasym-Zhomart Toqaev"),  # spelling of every part
    ("Tokayev Kassym-Jomart", "ТОҚАЕВ Қасым-Жомарт Кемелұлы"),  # order, script, no patronymic
    ("Nazarbayev Nursultan", "Nursultan Nazarbayev"),  # any order
    ("K. Tokayev", "Kassym-Jomart Tokayev"),  # an initial against the given name
    ("Tokayev K.-J.", "Qasym-Zhomart Toqaev"),
    ("Қ.Тоқаев", "Kassym-Jomart Tokayev"),
    ("Токаев К. К.", "Токаев Касым-Жомарт Кемелевич"),  # initial of the patronymic too
    ("Токаев Касым-Жомарт Кемелевич", "Тоқаев Қасым-Жомарт Кемелұлы"),  # -евич = -ұлы
    ("Nazarbayev Nursultan Abishevich", "Назарбаев Нұрсұлтан Әбішұлы"),
    ("NAZARBAYEVA DarigaNursultanovna", "Dariga Nazarbayeva"),  # run-together parts
    ("Darigha Nazarbaeva", "Дарига Назарбаева"),
    ("Amirzhan Qosanov", "Амиржан Косанов"),
    ("Kassym Jomart Tokayev", "Kassym-Jomart Tokayev"),
    ("Tokayev", "Kassym-Jomart Tokayev"),  # nothing conflicts
    ("Y. Turgumbayev", "Yerlan Turgumbayev"),
]

DIFFERENT = [
    ("Nazarbayev", "Nazarbayeva"),  # masculine and feminine
    ("Nursultan Nazarbayev", "Dariga Nazarbayeva"),
    ("Nursultan Nazarbayev", "Aisultan Nazarbayev"),  # same surname, other given name
    ("Nursultan Abishevich Nazarbayev", "Nursultan Nursultanovich Nazarbayev"),  # father, son
    ("Tokayev", "Tokarev"),  # a letter apart
    ("Kosanov", "Kasanov"),
    ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokarev"),
    ("Amirzhan Kosanov", "Amirzhan Kasanov"),
    ("A. Tokayev", "Kassym-Jomart Tokayev"),  # another initial
    ("Иванов Сергей Петрович", "Иванова Ольга Петровна"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_person(a, b):
    m = match(a, b)
    assert m.same, m.explain()
    assert m.score >= policy()["threshold"]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_people(a, b):
    m = match(a, b)
    assert not m.same, m.explain()


@pytest.mark.parametrize(("a", "b"), SAME + DIFFERENT)
def test_symmetric(a, b):
    """Either order gives one decision and score, shown in the order given:
    each part's left side is the first argument's."""
    ab, ba = match(a, b), match(b, a)
    assert (ab.score, ab.same) == (ba.score, ba.same)
    assert ab.names == (a, b) and ba.names == (b, a)
    mirrored = [(p.part, p.right, p.left, p.credit, p.rule, p.conflict) for p in ba.parts]
    assert [(p.part, p.left, p.right, p.credit, p.rule, p.conflict) for p in ab.parts] == mirrored


def test_explain_names_each_part_and_its_rule():
    text = match("Токаев Касым-Жомарт Кемелевич", "Тоқаев Қасым-Жомарт Кемелұлы").explain()
    assert "same person" in text
    assert "patronymic" in text and "same father's name" in text
    conflict = match("Nazarbayev", "Nazarbayeva").explain()
    assert "masculine and feminine forms" in conflict and "conflict" in conflict


def test_a_one_letter_surname_difference_needs_everything_else_to_agree():
    full = "Токаев Касым-Жомарт Кемелевич"
    assert match(full, "Тогаев Касым-Жомарт Кемелевич").same  # a typo in a full name
    assert match(full, "Токеав Касым-Жомарт Кемелевич").same  # two letters swapped
    assert not match(full, "Тоевак Касым-Жомарт Кемелевич").same  # more than a typo
    assert not match("Kassym-Jomart Tokayev", "Kassym-Jomart Tokarev").same  # no patronymic


def test_policy_weights_and_threshold_are_sane():
    p = policy()
    assert set(p["weights"]) == {"surname", "given", "patronymic"}
    assert 0 < p["threshold"] <= 1
    assert all(0 <= v <= 1 for v in p["credit"].values())


@pytest.mark.parametrize("system", ["kk-bgn-pcgn", "kk-latin-2021", "ru-icao", "ru-bgn-pcgn"])
@given(st.data())
def test_a_name_matches_its_romanizations(system, data):
    """Surname Given Patronymic in Cyrillic = Given Surname in any system, and reordered.

    Systems made for Russian (``language`` ru) get Russian letters only; the
    contexts where a system's output cannot share the key (its
    ``key_exceptions``) are left out, as in the central property of the key.
    """
    russian = get_system(system).language == "ru"

    def part(options):
        return data.draw(st.sampled_from([o for o in options if not (russian and KAZAKH & set(o))]))

    stem = part(SURNAME_STEMS)
    surname = stem + ("ев" if stem[-1] in "аәеиоөуұүыіэюя" else "ов")
    given_name = part(KAZAKH_GIVEN + RUSSIAN_GIVEN)
    father = part([g for g in KAZAKH_GIVEN + RUSSIAN_GIVEN if "-" not in g])
    patronymic = father + data.draw(st.sampled_from(["ұлы", "ович"]))
    cyrillic = f"{surname} {given_name} {patronymic}"
    exceptions = get_system(system).key_exceptions
    assume(not any(re.search(rx, cyrillic.lower()) for rx, _ in exceptions))
    latin = transliterate(f"{given_name} {surname}", system)
    m = match(cyrillic, latin)
    assert m.same, m.explain()


@given(st.text(max_size=60), st.text(max_size=60))
def test_any_strings_give_a_symmetric_score_in_range(a, b):
    m, n = match(a, b), match(b, a)
    assert isinstance(m, Match) and 0.0 <= m.score <= 1.0
    assert (m.score, m.same) == (n.score, n.same)
    assert [(p.left, p.right) for p in m.parts] == [(p.right, p.left) for p in n.parts]


def test_bad_input():
    with pytest.raises(TypeError, match="b must be a str"):
        match("Tokayev", 3)


def test_match_many_gives_what_match_gives():
    names = sorted({n for pair in SAME + DIFFERENT for n in pair})
    pairs = [(a, b) for a in names for b in names]
    assert match_many(pairs) == [(m.score, m.same) for m in (match(a, b) for a, b in pairs)]


@given(st.lists(st.tuples(st.text(max_size=30), st.text(max_size=30)), max_size=20))
def test_match_many_on_any_strings(pairs):
    assert match_many(pairs) == [(match(a, b).score, match(a, b).same) for a, b in pairs]


def test_match_many_bad_input():
    with pytest.raises(TypeError, match="pairs"):
        match_many(["Tokayev"])
    with pytest.raises(TypeError, match="pairs"):
        match_many([("Tokayev", None)])


def test_megabyte_names():
    long = "Токаев Касым-Жомарт " * 50_000
    m = match(long, "Токаев Касым-Жомарт")
    assert 0.0 <= m.score <= 1.0

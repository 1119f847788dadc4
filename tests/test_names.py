"""parse_name(): every format of real data the names issue lists."""

import json
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kznames import PersonName, parse_name
from kznames.given_names import listed_given_name
from kznames.names import _patronymic_words, word_key

CASES = [
    # text, surname, given, patronymic, initials, gender
    ("Kassym-Jomart Tokayev", "Tokayev", ("Kassym-Jomart",), None, (), "male"),
    ("TOKAYEV Kassym-Jomart Kemelevich", "TOKAYEV", ("Kassym-Jomart",), "Kemelevich", (), "male"),
    ("Токаев, Касым-Жомарт Кемелевич", "Токаев", ("Касым-Жомарт",), "Кемелевич", (), "male"),
    ("Тоқаев Қасым-Жомарт Кемелұлы", "Тоқаев", ("Қасым-Жомарт",), "Кемелұлы", (), "male"),
    ("K. Tokayev", "Tokayev", (), None, ("K.",), "male"),
    ("Tokayev K.-J.", "Tokayev", (), None, ("K.-J.",), "male"),
    ("Қ.Тоқаев", "Тоқаев", (), None, ("Қ.",), "male"),
    ("Qasym-Zhomart Toqaev's", "Toqaev", ("Qasym-Zhomart",), None, (), "male"),
    ("Qasym-Zhomart Toqaev’s", "Toqaev", ("Qasym-Zhomart",), None, (), "male"),
    ("President Kassym-Jomart Tokayev", "Tokayev", ("Kassym-Jomart",), None, (), "male"),
    ("Mr. Tokayev", "Tokayev", (), None, (), "male"),
    ("Dr. Asem Zhapisheva", "Zhapisheva", ("Asem",), None, (), "female"),
    ("Акім Бердібек Сапарбаев", "Сапарбаев", ("Бердібек",), None, (), "male"),
    ("Иванов Сергей Петрович", "Иванов", ("Сергей",), "Петрович", (), "male"),
    ("Сергей Петрович Иванов", "Иванов", ("Сергей",), "Петрович", (), "male"),
    ("Иванова Ольга Сергеевна", "Иванова", ("Ольга",), "Сергеевна", (), "female"),
    ("Шевченко Олена Петрівна", "Шевченко", ("Олена",), "Петрівна", (), "female"),
    ("Назарбаева Дариға Нұрсұлтанқызы", "Назарбаева", ("Дариға",), "Нұрсұлтанқызы", (), "female"),
    ("Nazarbayev Nursultan Abish uly", "Nazarbayev", ("Nursultan",), "Abish uly", (), "male"),
    (
        "Nazarbayeva Dariga Nursultan kyzy",
        "Nazarbayeva",
        ("Dariga",),
        "Nursultan kyzy",
        (),
        "female",
    ),
    ("NAZARBAYEVA DarigaNursultanovna", "NAZARBAYEVA", ("Dariga",), "Nursultanovna", (), "female"),
    ("Zhambyl Akhmetbekuly", "Akhmetbekuly", ("Zhambyl",), None, (), "male"),
    ("А. Б. Иванов", "Иванов", (), None, ("А.", "Б."), "male"),
    ("Zh. Akhmetbekuly", "Akhmetbekuly", (), None, ("Zh.",), "male"),
    # GOST 7.79 B writes ы as y`, ALA-LC ties two letters with a combining breve.
    ("Zhaky`pbekova A. A.", "Zhaky`pbekova", (), None, ("A.", "A."), "female"),
    ("Adilsultanov Ilii͡as", "Adilsultanov", ("Ilii͡as",), None, (), "male"),
]


@pytest.mark.parametrize(("text", "surname", "given", "patronymic", "initials", "gender"), CASES)
def test_formats_of_real_data(text, surname, given, patronymic, initials, gender):
    p = parse_name(text)
    assert (p.surname, p.given, p.patronymic, p.initials, p.gender) == (
        surname,
        given,
        patronymic,
        initials,
        gender,
    )


def test_titles_are_kept_apart():
    assert parse_name("Interim President Qasym-Zhomart Toqaev").titles == ("Interim", "President")


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("ТІЛЕУБЕРДІ Смайыл", "ТІЛЕУБЕРДІ"),  # a Kazakh surname without a Russian ending
        ("Құнанбай, Абай", "Құнанбай"),
        ("Смайыл, Ержан", "Смайыл"),
    ],
)
def test_kazakh_surnames_without_a_russian_ending(text, surname):
    assert parse_name(text).surname == surname


def test_a_name_without_any_cue_is_read_given_name_first_and_flagged():
    p = parse_name("Тілеуберді Смайыл")
    assert (p.surname, p.given, p.certain) == ("Смайыл", ("Тілеуберді",), False)
    assert parse_name("Kassym-Jomart Tokayev").certain


def test_a_single_word_without_surname_shape_is_a_given_name():
    p = parse_name("Kassym-Jomart")
    assert (p.surname, p.given, p.certain) == (None, ("Kassym-Jomart",), False)


def test_two_words_with_a_patronymic_ending_are_given_name_and_surname():
    """Two words: -uly and -ovich words are surnames (Akhmetbekuly, Abramovich)."""
    p = parse_name("Roman Abramovich")
    assert (p.surname, p.patronymic) == ("Abramovich", None)


@pytest.mark.parametrize("text", ["", "   ", "...", "😀", "\u200b", "K."])
def test_names_without_words(text):
    p = parse_name(text)
    assert p.surname is None and p.given == () and p.patronymic is None


def test_bad_input():
    with pytest.raises(TypeError, match="text"):
        parse_name(None)


@given(st.text(max_size=200))
def test_any_string_parses(text):
    p = parse_name(text)
    assert isinstance(p, PersonName) and p.text == text
    assert p.gender in (None, "male", "female")


def test_a_long_string_parses():
    assert parse_name("Токаев " * 150_000).surname


LEXICON = json.loads(
    (resources.files("kznames") / "data" / "given_name_lexicon.json").read_text(encoding="utf-8")
)
GIVEN = sorted(
    {n for by_gender in LEXICON["names"].values() for names in by_gender.values() for n in names}
)
# Real surnames: the registry's people, Kazakh and Russian forms, that the lexicon
# does not list as given names.
REAL_SURNAMES = sorted(
    {
        name.split()[0]
        for line in (resources.files("kznames") / "data" / "registry" / "people.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
        for name in (*json.loads(line).get("kk", []), *json.loads(line).get("ru", []))
        if listed_given_name(name.split()[0]) is None
    }
)


@pytest.mark.parametrize(
    ("text", "surname", "given", "patronymic", "gender"),
    [
        # A surname in -ovich after a given name and a patronymic.
        ("Валерий Николаевич Котович", "Котович", ("Валерий",), "Николаевич", "male"),
        ("Котович, Валерий Николаевич", "Котович", ("Валерий",), "Николаевич", "male"),
        ("Котович Валерий Николаевич", "Котович", ("Валерий",), "Николаевич", "male"),
        ("Valeriy Nikolaevich Kotovich", "Kotovich", ("Valeriy",), "Nikolaevich", "male"),
        # Kim is a given name too, but Viktor is only one.
        ("Kim Viktor", "Kim", ("Viktor",), None, "male"),
        ("Viktor Kim", "Kim", ("Viktor",), None, "male"),
        ("Ким Виктор", "Ким", ("Виктор",), None, "male"),
        # A Kazakh surname without an ending: the given name says the order and gender.
        ("Айгүл Сейтқали", "Сейтқали", ("Айгүл",), None, "female"),
        ("Сейтқали Айгүл", "Сейтқали", ("Айгүл",), None, "female"),
        ("Aigul Seitkali", "Seitkali", ("Aigul",), None, "female"),
        ("Желдибай Руслан", "Желдибай", ("Руслан",), None, "male"),
        ("Zhomart Zheldibay", "Zheldibay", ("Zhomart",), None, "male"),
        # A given name with a surname's ending (-ina) beside a surname without one.
        ("Мадина Сейтқали", "Сейтқали", ("Мадина",), None, "female"),
        ("Alina Kim", "Kim", ("Alina",), None, "female"),
    ],
)
def test_the_lexicon_of_given_names_decides_word_order_and_gender(
    text, surname, given, patronymic, gender
):
    p = parse_name(text)
    assert (p.surname, p.given, p.patronymic, p.gender) == (surname, given, patronymic, gender)
    assert p.certain


def test_two_listed_given_names_keep_the_default_order():
    """Ерлан and Кудайберген are both given names (Kazakh surnames are often a
    father's given name): the last word is the surname, and not for certain."""
    p = parse_name("Ерлан Кудайберген")
    assert (p.surname, p.given, p.certain) == ("Кудайберген", ("Ерлан",), False)


def test_a_listed_given_name_alone_is_a_given_name_whatever_its_ending():
    assert (parse_name("Мадина").surname, parse_name("Мадина").given) == (None, ("Мадина",))
    assert parse_name("Мадина").gender == "female"
    assert parse_name("Tokayev").surname == "Tokayev"


# Given names that are also the Kazakh patronymic word written apart (the German
# Uli is Kazakh ұлы, "son", in Latin: "Абден Uli" is Абден's son).
NOT_PATRONYMIC_WORDS = [n for n in GIVEN if word_key(n) not in _patronymic_words()]


@given(st.sampled_from(NOT_PATRONYMIC_WORDS), st.sampled_from(REAL_SURNAMES))
def test_a_listed_given_name_and_a_surname_parse_alike_in_either_order(given_name, surname):
    first, second = given_name.title(), surname
    assert parse_name(f"{first} {second}").surname == second
    assert parse_name(f"{second} {first}").surname == second

"""parse_name(): every format of real data the names issue lists."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kznames import PersonName, parse_name

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

"""find_entities(): the mentions the entity-linking issue lists, and false links it rules out."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kznames import Mention, Registry, find_entities

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TOKAYEV = "person:tokayev-kassym-jomart"
NAZARBAYEV = "person:nazarbayev-nursultan"


def found(text, **kwargs):
    return [(m.text, m.entity_id) for m in find_entities(text, **kwargs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toqaev's victory", [("Toqaev", TOKAYEV)]),
        ("Tokayev’s win", [("Tokayev", TOKAYEV)]),
        ("NUR-SULTAN/ALMATY -- vote", [("NUR-SULTAN", "place:astana"), ("ALMATY", "place:almaty")]),
        ("Interim President Qasym-Zhomart Toqaev won", [("Qasym-Zhomart Toqaev", TOKAYEV)]),
        ("Встреча с Касым-Жомартом Токаевым", [("Касым-Жомартом Токаевым", TOKAYEV)]),
        ("Пресс-служба Токаева", [("Токаева", TOKAYEV)]),
        ("Тоқаевтың сөзі", [("Тоқаевтың", TOKAYEV)]),
        ("Алматыда митинг", [("Алматыда", "place:almaty")]),
        ("Қ.Тоқаев айтты", [("Қ.Тоқаев", TOKAYEV)]),
        (
            "ЦИК и OSK",
            [
                ("ЦИК", "org:central-election-commission"),
                ("OSK", "org:central-election-commission"),
            ],
        ),
        ("DVK and the KNB", [("DVK", "org:democratic-choice-of-kazakhstan"), ("KNB", "org:knb")]),
        ("Präsident Tokajew", [("Tokajew", TOKAYEV)]),
        ("le président Tokaïev", [("Tokaïev", TOKAYEV)]),
        ("el presidente Tokáyev", [("Tokáyev", TOKAYEV)]),
        ("president Noersoeltan Nazarbajev", [("Noersoeltan Nazarbajev", NAZARBAYEV)]),
        ("", []),
    ],
)
def test_mentions_of_registry_entities(text, expected):
    assert found(text) == expected


def test_offsets_point_into_the_text():
    text = "On June 9, Qasym-Zhomart Toqaev's rival Amirzhan Qosanov spoke in Almaty."
    for m in find_entities(text):
        assert isinstance(m, Mention)
        assert text[m.start : m.end] == m.text
    assert [m.kind for m in find_entities(text)] == ["person", "person", "place"]


def test_people_outside_the_registry_keep_one_id_across_mentions_and_texts():
    text = "Rinat Zaitov sang. Police detained Zaitov. Asem Zhapisheva and Ivan Petrov spoke."
    mentions = found(text, registry=Registry())
    assert mentions[:2] == [
        ("Rinat Zaitov", "person:zaitov-rinat"),
        ("Zaitov", "person:zaitov-rinat"),
    ]
    assert [t for t, _ in mentions[2:]] == ["Asem Zhapisheva", "Ivan Petrov"]
    again = found("Зайтов? No: Rinat Zaitov again.", registry=Registry())
    assert ("Rinat Zaitov", "person:zaitov-rinat") in again


def test_a_surname_alone_follows_the_person_named_before():
    text = "Dariga Nazarbayeva spoke. Later Nazarbayeva said she would run."
    assert found(text)[-1] == ("Nazarbayeva", "person:nazarbayeva-dariga")
    assert found("Nursultan Nazarbayev spoke. Nazarbayev left.")[-1] == ("Nazarbayev", NAZARBAYEV)


def test_no_false_links():
    square = found("Protesters gathered in Astana Square in Almaty.")
    assert square == [("Astana Square", "place:astana-square"), ("Almaty", "place:almaty")]
    renamed = found("The capital will be called Nursultan, after Nursultan Nazarbayev.")
    assert renamed == [("Nursultan", "place:astana"), ("Nursultan Nazarbayev", NAZARBAYEV)]
    assert found("Қазан айында сайлау өтеді.") == []  # "in October", not the city of Kazan
    party = found("The Democratic Choice of Kazakhstan was banned.")
    assert party == [("Democratic Choice of Kazakhstan", "org:democratic-choice-of-kazakhstan")]
    assert found("The Astana Times reported.") == []  # a newspaper, not the city
    assert found("Tokarev and Kasanov") == []


@given(st.text(max_size=300))
def test_any_text(text):
    mentions = find_entities(text)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_bad_input():
    with pytest.raises(TypeError, match="text must be a str"):
        find_entities(b"Almaty")
    with pytest.raises(TypeError, match="registry"):
        find_entities("Almaty", registry={})


def test_a_ten_megabyte_text():
    seeds = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    copies = 10_000_000 // len(seeds) + 1
    once = find_entities(seeds)
    mentions = find_entities(seeds * copies)
    assert len(mentions) == len(once) * copies  # each copy read alike, no state lost


def test_lang_chooses_the_case_endings_read():
    text = "Almatyda boldy. Встреча с Токаевым."
    assert [m.text for m in find_entities(text)] == ["Almatyda", "Токаевым"]
    assert [m.text for m in find_entities(text, lang="en")] == ["Токаевым"]  # no endings on Latin
    assert [m.text for m in find_entities(text, lang="kk")] == ["Almatyda"]  # Kazakh endings only
    assert [m.text for m in find_entities(text, lang="ru")] == ["Токаевым"]
    with pytest.raises(ValueError, match="lang must be one of"):
        find_entities(text, lang="klingon")


def test_a_place_read_through_a_case_ending_after_an_unknown_name_is_a_person():
    """Сатпаева is the town Satpayev in the genitive, or the genitive of a surname."""
    person = found("По словам политолога Досыма Сатпаева, выборы прошли.")
    assert person == [("Досыма Сатпаева", "person:satpaeva-dosyma")]
    town = found("Жители Сатпаева вышли на площадь.")  # "Жители" starts the sentence
    assert town == [("Сатпаева", "place:satpayev")]

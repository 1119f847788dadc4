"""Given-name equivalents: the data file, same_given_name(), and match() using them."""

import json
import unicodedata
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kznames import match, match_many
from kznames.given_names import given_name_forms, listed_given_name, same_given_name

DATA = json.loads(
    (resources.files("kznames") / "data" / "given_names.json").read_text(encoding="utf-8")
)
FORMS = sorted(
    {
        f
        for name, _, forms, familiar in DATA["groups"]
        for f in (name, *forms.split(), *familiar.split())
    }
)

SAME = [
    ("Alexander Ivanov", "Aleksandr Ivanov"),
    ("Alexander Ivanov", "Александр Иванов"),
    ("Aleksandr Ivanov", "Александр Иванов"),
    ("Michael Ivanov", "Mikhail Ivanov"),
    ("Michael Ivanov", "Михаил Иванов"),
    ("Yury Shcherbakov", "Юрий Щербаков"),
    ("Iouri Shcherbakov", "Yuri Shcherbakov"),
    ("Sergei Petrov", "Sergej Petrov"),
    ("Ivan Mikhailovich Petrov", "Ivan Michaelovich Petrov"),  # the father's name
    ("Ivanova Anna Michaelovna", "Иванова Анна Михайловна"),
]
DIFFERENT = [
    ("Alexander Ivanov", "Alexandra Ivanova"),
    ("Alexander Ivanov", "Alexandra Ivanov"),  # the given names alone differ in gender
    ("Sasha Ivanov", "Alexander Ivanov"),  # a diminutive, without the option
    ("Michael Ivanov", "Alexander Ivanov"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_equivalent_given_names_match(a: str, b: str) -> None:
    assert match(a, b).same, match(a, b).explain()
    assert match(b, a).same


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_given_names_do_not(a: str, b: str) -> None:
    assert not match(a, b).same, match(a, b).explain()


def test_the_given_name_part_says_why() -> None:
    given_part = match("Alexander Ivanov", "Aleksandr Ivanov").parts[1]
    assert (given_part.rule, given_part.credit) == ("one given name in two languages", 1.0)


def test_diminutives_join_only_with_the_option() -> None:
    assert not match("Sasha Ivanov", "Alexander Ivanov").same
    assert match("Sasha Ivanov", "Alexander Ivanov", diminutives=True).same
    assert match("Саша Иванов", "Александр Иванов", diminutives=True).same
    # A familiar form shared by both genders does not join them.
    assert not match("Alexander Ivanov", "Alexandra Ivanov", diminutives=True).same
    pairs = [("Sasha Ivanov", "Alexander Ivanov"), ("Alexander Ivanov", "Aleksandr Ivanov")]
    assert [same for _, same in match_many(pairs)] == [False, True]
    assert [same for _, same in match_many(pairs, diminutives=True)] == [True, True]


def test_surnames_never_use_the_lexicon() -> None:
    # Michael and Mikhail are one given name, but as surnames they differ.
    assert not match("MICHAEL Ivan", "MIKHAIL Ivan").same
    # (Michaelov and Mikhailov are no test: read as German, Михаелов is one
    # letter from Михайлов, a typo the surname rule allows.)
    assert not match("Petr Ivanovich SASHA", "Petr Ivanovich ALEKSANDR", diminutives=True).same
    # Read as German, Михаел is a letter from Михаил: the surname rule says
    # so, and never "one given name in two languages".
    assert "language" not in match("MICHAEL Ivan", "MIKHAIL Ivan").parts[0].rule


def test_same_given_name() -> None:
    assert same_given_name("Yury", "Juri")
    assert same_given_name("Sergey", "Сергей")
    assert not same_given_name("Alexander", "Alexandra")
    assert not same_given_name("Sasha", "Alexander")
    assert same_given_name("Sasha", "Alexander", diminutives=True)
    assert not same_given_name("Nursultan", "Aisultan", diminutives=True)


def test_given_name_forms() -> None:
    forms = given_name_forms("Michael")
    assert {"michael", "mikhail", "михаил"} <= forms
    assert "миша" not in forms
    assert "миша" in given_name_forms("Michael", diminutives=True)
    assert given_name_forms("Tokayev") == frozenset()


@pytest.mark.parametrize(
    "call",
    [
        lambda: same_given_name(1, "a"),  # type: ignore[arg-type]
        lambda: same_given_name("a", None),  # type: ignore[arg-type]
        lambda: same_given_name("a", "b", diminutives=1),  # type: ignore[arg-type]
        lambda: given_name_forms(b"a"),  # type: ignore[arg-type]
        lambda: given_name_forms("a", diminutives="yes"),  # type: ignore[arg-type]
        lambda: match("a", "b", diminutives=None),  # type: ignore[arg-type]
        lambda: match_many([("a", "b")], diminutives=0),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_raise_type_error(call: object) -> None:
    with pytest.raises(TypeError, match=r"^(a|b|name|diminutives) must be"):
        call()  # type: ignore[operator]


def test_data_file_is_small_and_credited() -> None:
    path = resources.files("kznames") / "data" / "given_names.json"
    assert len(path.read_bytes()) < 1_000_000
    for field in ("description", "source", "licence", "credits", "built_by"):
        assert DATA[field]
    assert "Wikidata" in DATA["source"] and "rigour" in DATA["source"]
    for _name, gender, forms, familiar in DATA["groups"]:
        assert gender in ("m", "f", "")
        assert forms or familiar
        assert not set(forms.split()) & set(familiar.split())
    assert all(f == unicodedata.normalize("NFC", f.lower()) for f in FORMS)


def test_no_form_joins_a_masculine_and_a_feminine_name() -> None:
    masculine = {f for n, g, fs, _ in DATA["groups"] if g == "m" for f in (n, *fs.split())}
    feminine = {f for n, g, fs, _ in DATA["groups"] if g == "f" for f in (n, *fs.split())}
    for m in sorted(masculine)[::25]:
        for f in sorted(feminine)[::25]:
            assert not same_given_name(m, f), (m, f)


NAMES = st.sampled_from(FORMS) | st.text(max_size=20)


@given(NAMES, NAMES, st.booleans())
def test_equivalence_is_symmetric_and_deterministic(a: str, b: str, diminutives: bool) -> None:
    first = same_given_name(a, b, diminutives=diminutives)
    assert first == same_given_name(b, a, diminutives=diminutives)
    assert first == same_given_name(a, b, diminutives=diminutives)
    assert same_given_name(a, a, diminutives=diminutives)
    if first and not diminutives:
        assert same_given_name(a, b, diminutives=True)


LEXICON = json.loads(
    (resources.files("kznames") / "data" / "given_name_lexicon.json").read_text(encoding="utf-8")
)


def test_the_lexicon_names_its_sources_and_licences() -> None:
    assert {"sources", "licence", "credits", "built_by"} <= set(LEXICON)
    assert set(LEXICON["sources"]) == {"mimesis", "faker", "wikidata", "registry"}
    for by_gender in LEXICON["names"].values():
        assert set(by_gender) <= {"male", "female", "unknown"}
        for names in by_gender.values():
            assert names == sorted(names)
            assert all(n == unicodedata.normalize("NFC", n.lower()) for n in names)


@pytest.mark.parametrize(
    "forms",
    [
        ("Жомарт", "Jomart", "Zhomart", "Žomart"),
        ("Нұрлан", "Нурлан", "Nurlan", "Nūrlan"),
        ("Құдайберген", "Кудайберген", "Qudaibergen", "Kudaybergen"),
        ("Айгүл", "Айгуль", "Aigul", "Aygül"),
    ],
)
def test_a_listed_name_is_found_in_every_script(forms: tuple[str, ...]) -> None:
    entries = {listed_given_name(f) for f in forms}
    assert len(entries) == 1 and None not in entries


def test_the_listing_says_gender_and_the_ambiguous_words() -> None:
    assert listed_given_name("Айгүл").gender == "female"
    assert listed_given_name("Валерий").gender == "male"
    assert listed_given_name("Ким").surname and listed_given_name("Kim").surname
    assert listed_given_name("Роза").ordinary
    assert listed_given_name("Котович") is None
    assert listed_given_name("Бекзатов") is None  # a surname made from a given name
    with pytest.raises(TypeError, match="word"):
        listed_given_name(None)  # type: ignore[arg-type]


@given(st.text(max_size=100))
def test_any_string_is_looked_up(text: str) -> None:
    assert listed_given_name(text) is None or listed_given_name(text).gender in (
        None,
        "male",
        "female",
    )

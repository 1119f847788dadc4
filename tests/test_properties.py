"""Properties proved with hypothesis over generated names and arbitrary strings."""

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from cyrillic_names import (
    CODAS,
    CONSONANTS,
    KAZAKH_GIVEN,
    KAZAKH_LETTERS,
    PLACES,
    RUSSIAN_GIVEN,
    SURNAME_STEMS,
    SURNAME_SUFFIXES,
    VOWELS,
)
from hypothesis import given, settings
from hypothesis import strategies as st

import kznames
from kznames.translit import _registry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import round_trip

SYSTEMS_DIR = Path(kznames.__file__).parent / "systems"

SYSTEMS = sorted(_registry())

# Syllables shaped like Kazakh and Russian ones: a consonant (none only at the
# start of a word or after a closed syllable), a vowel, an optional closing
# consonant or Й, sometimes a soft sign after a consonant.
open_syllable = st.builds(
    lambda onset, vowel: onset + vowel,
    st.sampled_from(tuple(CONSONANTS)),
    st.sampled_from(tuple(VOWELS)),
)
closed_syllable = st.builds(
    lambda onset, vowel, coda, soft: onset + vowel + coda + (soft if coda in CONSONANTS else ""),
    st.sampled_from(("", *tuple(CONSONANTS))),
    st.sampled_from(tuple(VOWELS)),
    st.sampled_from(tuple(CODAS)),
    st.sampled_from(("",) * 9 + ("ь",)),
)


def _join_syllables(parts):
    """Join syllables, giving a vowel-initial syllable a consonant after an open one."""
    word = ""
    for part in parts:
        if word and word[-1] in VOWELS and part[0] in VOWELS:
            part = "л" + part
        word += part
    return word


syllable = st.one_of(open_syllable, closed_syllable)
made_up_word = st.builds(
    lambda parts, suffix: (_join_syllables(parts) + suffix).capitalize(),
    st.lists(syllable, min_size=1, max_size=4),
    st.sampled_from(SURNAME_SUFFIXES),
)
real_word = st.one_of(
    st.sampled_from(KAZAKH_GIVEN + RUSSIAN_GIVEN + PLACES),
    st.builds(
        lambda stem, suffix: stem + suffix,
        st.sampled_from(SURNAME_STEMS),
        st.sampled_from(SURNAME_SUFFIXES),
    ),
)
cyrillic_name = st.builds(
    " ".join, st.lists(st.one_of(real_word, made_up_word), min_size=1, max_size=3)
)


def in_exception(system_id: str, name: str) -> bool:
    """Whether ``name`` has a context the system documents as one its output cannot key like."""
    low = name.lower()
    return any(re.search(p, low) for p, _ in _registry()[system_id].key_exceptions)


# Real name words: the given names and places of the lists, and every surname
# stem with every suffix.
REAL_WORDS = sorted(
    {*KAZAKH_GIVEN, *RUSSIAN_GIVEN, *PLACES}
    | {stem + suffix for stem in SURNAME_STEMS for suffix in SURNAME_SUFFIXES}
)
# Romanizing keeps the key of this share of the test lists' words at least,
# for every system, outside its documented exceptions. The lists join every
# surname stem with every suffix, so many words are not real (Мырзатайов);
# the lowest rate, 92.7 % (German press), is the floor's figure. The Estonian
# and Norwegian press (issue 13) write й as j, which the Kazakh Latin alphabets
# write for Ж, and Estonian Ы as õ: 90.0 % and 89.2 % of the lists' words,
# their floors. The rates on real names are tested below.
ROUND_TRIP_FLOOR = 0.92
LISTS_BELOW_FLOOR = {"et-press": 0.895, "nb-press": 0.89}


def _round_trip(system, names):
    kept = [n for n in names if kznames.key(kznames.transliterate(n, system)) == kznames.key(n)]
    return kept, sorted(set(names) - set(kept))


@pytest.mark.parametrize("system", SYSTEMS)
def test_romanizing_keeps_the_key_of_the_lists_words(system):
    names = [n for n in REAL_WORDS if not in_exception(system, n)]
    kept, lost = _round_trip(system, names)
    floor = LISTS_BELOW_FLOOR.get(system, ROUND_TRIP_FLOOR)
    assert len(kept) >= floor * len(names), lost[:30]


# Issue 12's target: outside its documented exceptions, a system keeps the key
# of 99 % of real names (benchmarks/round_trip.py: GeoNames' Cyrillic place
# names and the words of the development set's Cyrillic names). The systems
# below do not reach it; each has the rate measured on 2026-12-01, rounded
# down, and docs/pages/readings.md says why (a letter model cannot tell every
# name's letters apart where a press convention writes two letters alike).
# The Finnish, Estonian and Norwegian conventions (issue 13) add readings that
# win for a few names of other systems: French press 95.1 % -> 94.9 %, the
# scholarly and UNGEGN systems 99.1 % -> 99.0 % (one name each), telegram
# style 98.6 % -> 98.4 %.
TARGET = 0.99
BELOW_TARGET = {
    "cs-press": 0.97,
    "de-press": 0.955,
    "et-press": 0.95,
    "fi-press": 0.98,
    "fr-press": 0.945,
    "kk-wikipedia-latin": 0.96,
    "nb-press": 0.945,
    "nl-press": 0.97,
    "pl-press": 0.96,
    "ru-scholarly": 0.985,
    "ru-telegram": 0.98,
    "ru-ungegn-1987": 0.985,
    "tr-latin": 0.985,
    "uz-latin": 0.985,
}


@pytest.fixture(scope="module")
def real_names():
    return round_trip.real_names()


@pytest.mark.parametrize("system", SYSTEMS)
def test_romanizing_keeps_the_key_of_real_names(system, real_names):
    m = round_trip.measure(system, real_names)
    assert m.kept_outside >= BELOW_TARGET.get(system, TARGET) * m.outside, m.failing_outside[:30]


def test_the_systems_below_the_target_are_below_it(real_names):
    """A system that reaches the target leaves the list, so the list stays true."""
    for system in BELOW_TARGET:
        m = round_trip.measure(system, real_names)
        assert m.kept_outside < TARGET * m.outside, system


@pytest.mark.parametrize("system", SYSTEMS)
def test_each_exception_example_still_loses_its_key(system):
    """An exception whose example the readings now key right is out of date."""
    data = json.loads((SYSTEMS_DIR / f"{system}.json").read_text(encoding="utf-8"))
    for exception in data.get("key_exceptions", ()):
        if "example" in exception:
            example = exception["example"]
            assert re.search(exception["cyrillic"], example.lower()), exception
            kept, _ = _round_trip(system, [example])
            assert not kept, f"{system}: {example} keeps its key; {exception['why']}"


def test_the_round_trip_test_counts_what_it_claims():
    """The floor bites: a system whose output is read as another name fails it."""
    kept, lost = _round_trip("kk-passport", ["Жанна", "Мұхтар", "Оңалсын"])
    assert kept == ["Жанна", "Мұхтар"] and lost == ["Оңалсын"]  # Ң is n there


# Every pair of Kazakh letters, with and without a soft sign between them,
# inside a word, at its end and before -ев.
LETTER_PAIRS = [
    before + x + soft + y + after
    for x in KAZAKH_LETTERS
    for y in KAZAKH_LETTERS
    for soft in ("", "ь")
    for before, after in (
        ("а", "а"),
        ("а", ""),
        ("", "ев"),
        ("а", "т"),
        ("т", "т"),
        ("т", ""),
        ("т", "жа"),
        ("а", "ев"),
    )
]


@pytest.mark.parametrize("system", SYSTEMS)
def test_documented_exceptions_are_real(system):
    """Each documented exception breaks the property for some letter pair: none is idle."""
    for pattern, why in _registry()[system].key_exceptions:
        broken = (
            n
            for n in LETTER_PAIRS
            if re.search(pattern, n)
            and kznames.key(kznames.transliterate(n, system)) != kznames.key(n)
        )
        assert next(broken, None), f"{system}: nothing breaks the exception {pattern!r} ({why})"


@settings(max_examples=500, deadline=None)
@given(name=st.one_of(cyrillic_name, real_word), data=st.data())
def test_case_invisible_characters_and_decomposition_do_not_change_the_key(name, data):
    k = kznames.key(name)
    assert kznames.key(name.upper()) == k
    assert kznames.key(name.lower()) == k
    assert kznames.key(unicodedata.normalize("NFD", name)) == k
    cut = data.draw(st.integers(0, len(name)))
    junk = data.draw(st.sampled_from(["\u200b", "\u200d", "\u00ad", "\ufeff", "\u2060"]))
    assert kznames.key(name[:cut] + junk + name[cut:]) == k


# All systems give one key (outside their exceptions) for this share of the
# lists' words at least: 79.8 % on 2026-12-01, since the press conventions'
# exceptions name only the letters they write like others (issue 12); the
# old letter-by-letter exceptions of those files hid most words (90 %). With
# the Finnish, Estonian and Norwegian press (issue 13), 33 systems: 71.0 %.
AGREEMENT_FLOOR = 0.70


def test_romanized_spellings_in_every_system_agree_on_most_real_names():
    """Not only each system against Cyrillic: all systems against each other."""
    agree = [
        name
        for name in REAL_WORDS
        if len(
            {
                kznames.key(kznames.transliterate(name, system))
                for system in SYSTEMS
                if not in_exception(system, name)
            }
        )
        <= 1
    ]
    assert len(agree) >= AGREEMENT_FLOOR * len(REAL_WORDS)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.one_of(real_word, made_up_word), min_size=1, max_size=4), seed=st.randoms()
)
def test_normalize_ignores_word_order(words, seed):
    shuffled = list(words)
    seed.shuffle(shuffled)
    assert kznames.normalize(" ".join(words)) == kznames.normalize(" ".join(shuffled))


strange_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8")),
    st.text(
        alphabet="ТокаевNazarbayevаеорсхуі\u200b\u200d\u00ad\ufeff\u0301\u0306\u0308·’'-  🇰🇿👍🏽"
    ),
    st.builds(lambda s: s.upper(), st.text()),
)


@settings(max_examples=500, deadline=None)
@given(text=strange_text, system=st.sampled_from(SYSTEMS))
def test_any_string_is_handled(text, system):
    out = kznames.transliterate(text, system)
    assert isinstance(out, str)
    cyrillic_letters = [c for c in out if c.isalpha() and "CYRILLIC" in unicodedata.name(c, "")]
    assert not cyrillic_letters, "a Latin system emitted a Cyrillic letter"
    key = kznames.key(text)
    assert re.fullmatch("[a-z0-9]*( [a-z0-9]+)*", key)
    found = kznames.resolve(text)
    assert kznames.normalize(text) == (found.id if found else " ".join(sorted(key.split())))
    empty = kznames.Registry()
    assert kznames.normalize(text, registry=empty) == " ".join(sorted(key.split()))


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="ascii", categories=["L", "N", "P", "Zs"])))
def test_latin_input_passes_through_transliteration(text):
    for system in SYSTEMS:
        assert kznames.transliterate(text, system) == text


@pytest.mark.parametrize(
    "unit",
    [
        "Тоқаев ",
        "Tokayev ",
        "Тokaев",
        "\u0438\u0306\u200b",
        "🇰🇿",
        "a\u0301\u0301\u0301",
        "’s·-",
        "ыйьъ",
    ],
)
def test_a_megabyte_string_returns(unit):
    text = unit * (1_000_000 // len(unit.encode()))
    assert isinstance(kznames.key(text), str)
    assert isinstance(kznames.normalize(text), str)
    assert isinstance(kznames.transliterate(text, "ru-wikipedia"), str)
    assert isinstance(kznames.parse_name(text), kznames.PersonName)
    assert kznames.resolve(text) is None


def test_results_are_the_same_in_another_process():
    names = ["Қасым-Жомарт Тоқаев", "Nazarbayeva Dariga", "Noersoeltan", "Шымкент", "Tokaïev"]
    here = [kznames.key(n) for n in names] + [
        kznames.transliterate(n, "kk-latin-2021") for n in names
    ]
    code = (
        "import kznames, json, sys; names = json.loads(sys.argv[1]); "
        "print(json.dumps([kznames.key(n) for n in names] + "
        "[kznames.transliterate(n, 'kk-latin-2021') for n in names]))"
    )
    import json

    for seed in ("0", "12345"):
        out = subprocess.run(
            [sys.executable, "-c", code, json.dumps(names)],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"},
        ).stdout
        assert json.loads(out) == here

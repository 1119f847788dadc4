"""Given-name equivalents: the forms of one given name in many languages.

``Alexander``, ``Aleksandr`` and ``Александр``, or ``Yury``, ``Iouri``,
``Juri`` and ``Юрий``, are one given name whose keys differ. The groups of
``data/given_names.json`` (Wikidata's given-name items, through rigour; built
by ``benchmarks/build_given_names.py``) say which forms are one name. The file
holds surface forms; their variant keys are computed once, when it is first
used. A key that falls in a masculine and a feminine group (``Valentine`` in
Валентин and Валентина) is dropped from both, so that the two genders of a
name never join. Familiar forms (``Саша``, ``Sasha``) join their full name only
when ``diminutives`` is asked for, and never one another.

The **lexicon** of given names is every form of those groups and every name of
``data/given_name_lexicon.json`` (the first names of the peoples of Kazakhstan:
Kazakh, Russian, Ukrainian, German, Azerbaijani and Uzbek lists of mimesis and
Faker, Kazakh- and Tatar-letter given-name items of Wikidata, the registry's
people; built by ``benchmarks/build_name_lexicon.py``), looked up by the same
variant keys, so ``Жомарт``, ``Jomart`` and ``Zhomart`` are one entry. Each
key has a gender where its sources agree on one, and two marks: a source
lists it as a surname too (``Ким``), or it is an ordinary word too (``Роза``,
``Will``). :func:`kznames.parse_name` reads word order and gender from it,
:func:`kznames.find_entities` finds people by it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from kznames._check import require_bool, require_str
from kznames._words import word_key

_NONE: frozenset[int] = frozenset()


_GENDERS = {"m": "male", "f": "female", "male": "male", "female": "female"}


@dataclass(frozen=True)
class Listing:
    """What the lexicon says of a given name: its ``gender`` (``"male"``,
    ``"female"``, or ``None`` when its sources give none or both), whether a
    source lists it as a ``surname`` too (``Ким``), and whether it is an
    ``ordinary`` word too (``Роза``, ``Will``)."""

    gender: str | None
    surname: bool
    ordinary: bool


@dataclass(frozen=True)
class _Index:
    """The groups' forms, for each key the groups it is a full or familiar form of,
    and the lexicon: every listed given name's key and its listing."""

    forms: tuple[tuple[str, ...], ...]
    familiar: tuple[tuple[str, ...], ...]
    full_groups: dict[str, frozenset[int]]
    familiar_groups: dict[str, frozenset[int]]
    lexicon: dict[str, Listing]


def _data(name: str) -> Any:
    return json.loads((resources.files("kznames") / "data" / name).read_text(encoding="utf-8"))


@cache
def _index() -> _Index:
    groups = _data("given_names.json")["groups"]
    lexicon = _data("given_name_lexicon.json")
    full: defaultdict[str, set[int]] = defaultdict(set)
    familiar: defaultdict[str, set[int]] = defaultdict(set)
    genders: defaultdict[str, set[str]] = defaultdict(set)
    for i, (name, gender, forms, diminutives) in enumerate(groups):
        for form in (name, *forms.split()):
            full[word_key(form)].add(i)
            genders[word_key(form)].add(gender)
        for form in diminutives.split():
            familiar[word_key(form)].add(i)
    for k, seen in genders.items():
        if {"m", "f"} <= seen:
            full[k] = {i for i in full[k] if not groups[i][1]}
    for by_gender in lexicon["names"].values():
        for gender, names in by_gender.items():
            for name in names:
                genders[word_key(name)].add(gender)
    surnames = {word_key(name) for name in lexicon["also_surnames"]}
    ordinary = {word_key(name) for name in lexicon["ordinary_words"]}
    return _Index(
        forms=tuple((g[0], *g[2].split()) for g in groups),
        familiar=tuple(tuple(g[3].split()) for g in groups),
        full_groups={k: frozenset(v) for k, v in full.items() if v},
        familiar_groups={k: frozenset(v) for k, v in familiar.items()},
        lexicon={
            k: Listing(_gender(seen), k in surnames, k in ordinary)
            for k, seen in genders.items()
            if k
        },
    )


def _gender(seen: set[str]) -> str | None:
    """The one gender that the sources of a name give, or ``None``."""
    known = {_GENDERS[g] for g in seen if g in _GENDERS}
    return known.pop() if len(known) == 1 else None


def listing(key: str) -> Listing | None:
    """The lexicon's listing of a word's variant key, ``None`` for a word it does not list."""
    return _index().lexicon.get(key)


def listed_given_name(word: str) -> Listing | None:
    """What the lexicon of given names says of ``word``, in any script or
    romanization; ``None`` when ``word`` is not a listed given name.

    >>> listed_given_name("Жомарт") == listed_given_name("Jomart") == listed_given_name("Zhomart")
    True
    >>> listed_given_name("Айгүл")
    Listing(gender='female', surname=False, ordinary=False)
    >>> listed_given_name("Kim")
    Listing(gender=None, surname=True, ordinary=True)
    >>> listed_given_name("Котович") is None
    True

    Raises ``TypeError`` if ``word`` is not a ``str``.
    """
    return listing(word_key(require_str(word, "word")))


def name_groups(key: str) -> frozenset[int]:
    """The numbers of the groups that a variant key is a full form of."""
    return _index().full_groups.get(key, _NONE)


def father_groups(stem: str) -> frozenset[int]:
    """The groups of the father's name whose key ``stem`` is, taken from a
    patronymic: the stem of ``Сергеевич`` is ``serge``, so the name is the stem
    or the stem and ``i``."""
    return name_groups(stem) | name_groups(stem + "i")


def equivalent(a: str, b: str, diminutives: bool = False) -> bool:
    """Whether two variant keys of given names are one name: equal keys, or keys
    of one group; with ``diminutives``, also a familiar form and its full name."""
    if a == b:
        return True
    full_a, full_b = name_groups(a), name_groups(b)
    if full_a & full_b:
        return True
    if not diminutives:
        return False
    familiar = _index().familiar_groups
    return bool(full_a & familiar.get(b, _NONE) or full_b & familiar.get(a, _NONE))


def same_given_name(a: str, b: str, *, diminutives: bool = False) -> bool:
    """Whether two given names are one name in different languages or scripts.

    The international, Slavic and Kazakh forms of a name agree; masculine
    and feminine forms do not. A familiar form (``Sasha``) agrees with its
    full name only with ``diminutives=True``. Used by :func:`kznames.match`
    on given names and on the father's names inside patronymics.

    >>> same_given_name("Alexander", "Александр"), same_given_name("Yury", "Iouri")
    (True, True)
    >>> same_given_name("Alexander", "Alexandra")
    False
    >>> same_given_name("Sasha", "Alexander")
    False
    >>> same_given_name("Sasha", "Alexander", diminutives=True)
    True

    Raises ``TypeError`` if ``a`` or ``b`` is not a ``str`` or ``diminutives``
    is not a ``bool``.
    """
    require_str(a, "a")
    require_str(b, "b")
    return equivalent(word_key(a), word_key(b), require_bool(diminutives, "diminutives"))


def given_name_forms(name: str, *, diminutives: bool = False) -> frozenset[str]:
    """The forms, lower case, of every given name that ``name`` is a form of
    (empty when the data has no such name); with ``diminutives``, also their
    familiar forms.

    >>> sorted(f for f in given_name_forms("Юрий") if f.startswith("y"))
    ['youri', 'youriy', 'youry', 'yuri', 'yurii', 'yuriy', 'yuriĭ', 'yury']
    >>> "sasha" in given_name_forms("Alexander", diminutives=True)
    True

    Raises ``TypeError`` if ``name`` is not a ``str`` or ``diminutives`` is
    not a ``bool``.
    """
    require_str(name, "name")
    require_bool(diminutives, "diminutives")
    index = _index()
    groups = index.full_groups.get(word_key(name), _NONE)
    out = {form for i in groups for form in index.forms[i]}
    if diminutives:
        out.update(form for i in groups for form in index.familiar[i])
    return frozenset(out)

"""Person names: ``parse_name()`` and the ``PersonName`` it returns.

A name is cut into words, initials and commas. Titles at the front and a
possessive at the end are dropped; a Kazakh ``uly``/``kyzy`` written as a
separate word is joined to the father's name before it; run-together parts
(``DarigaNursultanovna``) are split at a small-to-capital letter change.
Which word is the surname comes from the surest cue the name offers, in this
order: a comma (``Surname, Given``), the position of a patronymic among three
or more words, the one word in capitals (``TOKAYEV Kassym-Jomart``), the one
full word beside initials (``K. Tokayev``), the one word that the lexicon of
given names (``kznames.given_names``) does not list (``Kim Viktor``), the one
word with a surname ending (``-ov``, ``-eva``, ``-sky``). The lexicon also
tells ``Валерий Николаевич Котович`` (a surname in ``-ovich``) from
``Котович Валерий Николаевич``, and gives the gender when no patronymic or
surname ending does. Without any of these the last word is
taken as the surname, as in running text, and ``PersonName.certain`` is
false. Suffixes are compared on variant keys, so one rule serves every script
and romanization; they live in ``data/names.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from kznames._check import require_str
from kznames._text import clean
from kznames._words import word_key as word_key
from kznames._words import word_part_key as word_part_key
from kznames.given_names import listing

# A letter, with any combining marks after it (ALA-LC ``i͡a``, a decomposed ``ё``).
_LETTERS = r"(?:[^\W\d_][\u0300-\u036f\ufe20-\ufe2f]*)"
_TOKEN = re.compile(
    rf"(?P<initial>{_LETTERS}{{1,4}}\.(?:\s*-\s*{_LETTERS}{{1,4}}\.)*)"
    rf"|(?P<word>{_LETTERS}+(?:[-'’ʼ·`]{_LETTERS}+)*['’ʼ`]?)"
    r"|(?P<comma>,)"
)
_CAMEL = re.compile(
    r"(?<=[^\W\d_]{3})(?<=[a-zà-ÿа-яёәғқңөұүһі])(?=[A-ZÀ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ][a-zà-ÿа-яёәғқңөұүһі]{2})"
)
_POSSESSIVE = re.compile(r"['’ʼ]s?$")
_INITIAL_PART = re.compile(rf"{_LETTERS}+")


@dataclass(frozen=True)
class PersonName:
    """The parts of a person's name, as written.

    ``given`` holds the given names (a hyphenated name such as
    ``Kassym-Jomart`` is one), ``initials`` the initials as written
    (``K.-J.`` is one), ``gender`` is ``"male"`` or ``"female"`` where a
    patronymic or surname ending shows it. ``certain`` says whether the
    surname was found from a cue in the name rather than assumed from word
    order.
    """

    text: str
    surname: str | None
    given: tuple[str, ...]
    patronymic: str | None
    initials: tuple[str, ...]
    gender: str | None
    titles: tuple[str, ...]
    certain: bool


@cache
def _lexicon() -> Mapping[str, Any]:
    path = resources.files("kznames") / "data" / "names.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@lru_cache(maxsize=1 << 16)
def _ending(word_key: str, table: str, minimum: int) -> tuple[int, str | None]:
    """The length and gender of the longest ending in ``names.json[table]`` that
    ends ``word_key``, or ``(0, None)``.

    At least ``minimum`` letters must stay before the ending, so a short word
    that merely ends the same way (``Ivan``, ``Lin``) does not count.
    """
    best: tuple[int, str | None] = (0, None)
    for gender, endings in _lexicon()[table].items():
        for ending in endings:
            if word_key.endswith(ending) and len(word_key) - len(ending) >= minimum:
                best = max(best, (len(ending), gender))
    return best


def _patronymic_gender(word_key: str) -> str | None:
    return _ending(word_key, "patronymic_suffixes", minimum=3)[1]


def _surname_gender(word_key: str) -> str | None:
    return _ending(word_key, "surname_endings", minimum=3)[1]


def patronymic_gender(word: str) -> str | None:
    """``"male"`` or ``"female"`` if ``word`` has a patronymic ending, else ``None``."""
    return _patronymic_gender(word_key(word))


def surname_gender(word: str) -> str | None:
    """``"male"`` or ``"female"`` if ``word`` has a gendered surname ending, else ``None``."""
    return _surname_gender(word_key(word))


def surname_ending(word_key: str) -> tuple[str, str | None]:
    """A surname's key split into its stem and the gender of its ending:
    ``nazarbaeva`` -> ``("nazarba", "female")``; ``("tugel", None)`` without one."""
    length, gender = _ending(word_key, "surname_endings", minimum=3)
    return word_key[: len(word_key) - length], gender


def father_name(patronymic: str) -> str:
    """The key of the father's name inside a patronymic: ``Кемелевич`` -> ``kemel``.

    >>> father_name("Кемелевич") == father_name("Кемелұлы") == father_name("Kemeluly")
    True
    """
    word = word_key(patronymic)
    for suffix in _patronymic_suffixes():
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _given_gender(word_key: str) -> str | None:
    entry = listing(word_key)
    return entry.gender if entry is not None else None


def _is_initial(token: str) -> bool:
    """One letter, or a short digraph initial such as ``Zh.`` or ``Дж.``."""
    letters = _INITIAL_PART.findall(token)
    return all(len(p) == 1 or (p[0].isupper() and p[1:].islower()) for p in letters)


def _tokens(text: str) -> list[tuple[str, str]]:
    """``(kind, token)`` pairs: kind is ``initial``, ``word`` or ``comma``."""
    out: list[tuple[str, str]] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or ""
        token = match.group()
        if kind == "initial" and not _is_initial(token):
            kind = "word"
            token = token.rstrip(".")
        if kind == "word":
            parts = _CAMEL.split(token)
            out.extend(("initial" if len(p) == 1 else "word", p) for p in parts)
        else:
            out.append((kind, token))
    return out


@cache
def titles() -> frozenset[str]:
    """The keys of the titles and forms of address that may precede a name."""
    return frozenset(_lexicon()["titles"])


@cache
def _patronymic_suffixes() -> tuple[str, ...]:
    """Every patronymic suffix, the longest first."""
    groups = _lexicon()["patronymic_suffixes"].values()
    return tuple(sorted((s for group in groups for s in group), key=len, reverse=True))


@cache
def _patronymic_words() -> frozenset[str]:
    return frozenset(m for group in _lexicon()["patronymic_words"].values() for m in group)


def _strip_titles(tokens: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    start = 0
    while start < len(tokens) - 1 and word_key(tokens[start][1]) in titles():
        start += 1
    return tokens[start:], tuple(t for _, t in tokens[:start])


def _join_patronymic_words(words: list[str]) -> list[tuple[str, str]]:
    """``(word, key)`` pairs, with a separate ``uly``/``kyzy`` joined to the name
    before it: ``Kemel uly`` is one word."""
    markers = _patronymic_words()
    # Each joined word is collected as a list and joined once: appending to
    # a growing string would copy it again for every marker (quadratic time).
    groups: list[tuple[list[str], list[str]]] = []
    for word in words:
        this_key = word_key(word)
        if groups and this_key in markers:
            groups[-1][0].append(word)
            groups[-1][1].append(this_key)
        elif word:
            groups.append(([word], [this_key]))
    return [(" ".join(ws), "".join(ks)) for ws, ks in groups]


def _surname_index(
    words: list[str], keys: list[str], comma: int | None, has_initials: bool
) -> tuple[int, bool]:
    """The index of the surname among ``words`` and whether a cue showed it."""
    if comma is not None and 0 < comma <= len(words):
        return 0, True
    if len(words) >= 3:
        last, middle = _patronymic_gender(keys[-1]), _patronymic_gender(keys[1])
        # Both end like patronymics: the surname ends in -ovich (Валерий Николаевич
        # Котович) when the first word is a given name and the last is not.
        if middle and (not last or (listing(keys[0]) and not listing(keys[-1]))):
            return len(words) - 1, True
        if last:
            return 0, True
    capitals = [i for i, w in enumerate(words) if w.isupper() and len(w) > 1]
    if len(capitals) == 1 and len(words) > 1:
        return capitals[0], True
    if len(words) == 1:
        surname_shaped = _surname_gender(keys[0]) is not None and listing(keys[0]) is None
        return 0, has_initials or surname_shaped
    by_lexicon = _lexicon_surname(keys)
    if by_lexicon is not None:
        return by_lexicon, True
    shaped = [i for i, k in enumerate(keys) if _surname_gender(k) or _patronymic_gender(k)]
    if len(shaped) == 1:
        return shaped[0], True
    return len(words) - 1, False


def _lexicon_surname(keys: list[str]) -> int | None:
    """The surname's index by the lexicon of given names: the one word it does not
    list (``Kim Viktor``: Kim, ``Мадина Сейтқали``: Сейтқали); among listed names
    only, the one listed as a surname too (``Ким Виктор``: Ким); else ``None``."""
    listed = [listing(k) for k in keys]
    unlisted = [i for i, entry in enumerate(listed) if entry is None]
    if len(unlisted) == 1 and len(keys) > 1:
        return unlisted[0]
    surnames = [i for i, entry in enumerate(listed) if entry is not None and entry.surname]
    if not unlisted and len(surnames) == 1:
        return surnames[0]
    return None


def parse_name(text: str) -> PersonName:
    """Split a person's name into surname, given names, patronymic and initials.

    Reads the formats of real data: given name first or surname first,
    ``Surname, Given Patronymic``, surname in capitals, initials with or
    without a space, titles in front, a possessive at the end, Russian,
    Ukrainian and Kazakh patronymics in any script.

    >>> p = parse_name("TOKAYEV Kassym-Jomart Kemelevich")
    >>> p.surname, p.given, p.patronymic, p.gender
    ('TOKAYEV', ('Kassym-Jomart',), 'Kemelevich', 'male')
    >>> parse_name("Қ.Тоқаев").initials
    ('Қ.',)
    >>> parse_name("Interim President Qasym-Zhomart Toqaev's").surname
    'Toqaev'
    >>> parse_name("NAZARBAYEVA DarigaNursultanovna").patronymic
    'Nursultanovna'

    Raises ``TypeError`` if ``text`` is not a ``str``.
    """
    require_str(text, "text")
    tokens, titles = _strip_titles(_tokens(clean(text)))
    comma: int | None = None
    words: list[str] = []
    initials: list[str] = []
    for kind, token in tokens:
        if kind == "comma":
            comma = len(words) if comma is None else comma
        elif kind == "initial":
            initials.append(token)
        else:
            words.append(_POSSESSIVE.sub("", token) if len(token) > 3 else token)
    joined = _join_patronymic_words(words)
    if not joined:
        return PersonName(text, None, (), None, tuple(initials), None, titles, False)
    words = [w for w, _ in joined]
    keys = [k for _, k in joined]
    index, certain = _surname_index(words, keys, comma, bool(initials))
    surname = words[index]
    rest = words[:index] + words[index + 1 :]
    rest_keys = keys[:index] + keys[index + 1 :]
    patronymic = None
    gender = None
    if len(words) >= 3 and rest and (gender := _patronymic_gender(rest_keys[-1])):
        patronymic = rest.pop()
    if len(words) == 1 and not certain:
        surname, rest = "", words
    if gender is None and surname:
        gender = _surname_gender(keys[index])
    if gender is None and rest:
        gender = _given_gender(word_key(rest[0]))
    return PersonName(
        text=text,
        surname=surname or None,
        given=tuple(rest),
        patronymic=patronymic,
        initials=tuple(initials),
        gender=gender,
        titles=titles,
        certain=certain,
    )

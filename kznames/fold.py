"""The variant key: one string for every spelling of a name.

``key()`` romanizes Cyrillic with one plain letter table, then folds the
Latin text with the ordered rules of ``data/folding.json``. Each rule there
says what it merges, the false merge its narrow form avoids, and why; the docs
print them from that file. This module is the engine that runs them.

The engine compiles each rule to a step ``(kind, guard, a, b)``: a
``str.translate`` table, a literal replacement, or a regular expression, with
a literal ``guard`` that must occur in the text for the step to matter, so a
rule that cannot apply costs one substring test. Rules that only touch
non-ASCII characters are left out of the steps run on ASCII text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from unidecode import unidecode

from kznames._check import require_str
from kznames._text import clean, has_cyrillic
from kznames.translit import _fallback, _nearest, get_system

_TOKENS = (("S", "sh"), ("C", "ch"), ("Z", "zh"), ("X", "kh"), ("W", "shch"), ("T", "ts"))
_NOT_KEY = re.compile(r"[^a-z0-9]+")
# Combining marks: diacritics, Cyrillic titlo, tie bars (U+0361, U+FE20-FE2F).
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)

_TRANSLATE, _REPLACE, _SUB, _DELETE_MARKS = range(4)
Step = tuple[int, str, Any, Any]


@dataclass(frozen=True)
class FoldRule:
    """One folding rule as documented in ``data/folding.json``."""

    id: str
    phase: str
    title: str
    merges: tuple[str, str]
    keeps_apart: tuple[str, str]
    why: str


@cache
def _folding() -> Mapping[str, Any]:
    path = resources.files("kznames") / "data" / "folding.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def folding_rules() -> tuple[FoldRule, ...]:
    """The folding rules, in the order :func:`key` runs them."""
    return tuple(
        FoldRule(
            id=r["id"],
            phase=r["phase"],
            title=r["title"],
            merges=(r["merges"][0], r["merges"][1]),
            keeps_apart=(r["keeps_apart"][0], r["keeps_apart"][1]),
            why=r["why"],
        )
        for r in _folding()["rules"]
    )


def _rule_steps(rule: Mapping[str, Any]) -> list[Step]:
    """The steps of one rule record."""
    if "map" in rule:
        return [(_TRANSLATE, "", str.maketrans(rule["map"]), None)]
    if "replace" in rule:
        return [(_REPLACE, rule["replace"], rule["replace"], rule["to"])]
    if "replace_each" in rule:
        return [(_REPLACE, old, old, new) for old, new in rule["replace_each"]]
    if "delete" in rule:
        table = str.maketrans("", "", rule["delete"])
        return [(_DELETE_MARKS if rule.get("marks") else _TRANSLATE, "", table, None)]
    pattern = re.compile(rule["regex"])
    repl: str | Callable[[re.Match[str]], str]
    if "each" in rule:
        letter = rule["each"]
        repl = lambda m: letter * len(m.group())  # noqa: E731
    elif isinstance(rule["to"], dict):
        lookup = dict(rule["to"])
        repl = lambda m: lookup[m.group()]  # noqa: E731
    else:
        repl = rule["to"]
    # A list of guards means "any of these": one step each. The rules that
    # have one are idempotent, so running twice when two guards occur is safe.
    guards = rule.get("guard", "")
    return [
        (_SUB, guard, pattern, repl) for guard in ([guards] if isinstance(guards, str) else guards)
    ]


def _ascii_steps(step: Step) -> list[Step]:
    """The step as it acts on ASCII text: none if it cannot change ASCII text.

    A translate table becomes one guarded replacement per ASCII letter when
    no replacement feeds a later one: on short ASCII text a few substring
    tests are much cheaper than ``str.translate`` with a dictionary.
    """
    kind, guard, a, _ = step
    if guard and not guard.isascii():
        return []
    if kind not in (_TRANSLATE, _DELETE_MARKS):
        return [step]
    table = {chr(k): v or "" for k, v in a.items() if k < 128}
    if any(c in out for out in table.values() for c in table):
        return [(_TRANSLATE, "", {ord(k): v for k, v in table.items()}, None)]
    return [(_REPLACE, c, c, out) for c, out in table.items()]


def _merge_tables(steps: list[Step]) -> list[Step]:
    """Fuse neighbouring unguarded translate steps whose tables do not feed each other."""
    merged: list[Step] = []
    for step in steps:
        if merged and step[0] == _TRANSLATE and merged[-1][0] == _TRANSLATE:
            first, second = merged[-1][2], step[2]
            outputs = "".join(v for v in first.values() if isinstance(v, str))
            if not set(first) & set(second) and not any(ord(c) in second for c in outputs):
                merged[-1] = (_TRANSLATE, "", {**first, **second}, None)
                continue
        merged.append(step)
    return merged


@cache
def _steps(ascii_only: bool) -> tuple[Step, ...]:
    steps = [s for rule in _folding()["rules"] for s in _rule_steps(rule)]
    if ascii_only:
        steps = [a for step in steps for a in _ascii_steps(step)]
    return tuple(_merge_tables(steps))


def _strip_marks(text: str) -> str:
    """Drop combining marks; romanize any non-ASCII letter left with unidecode.

    Other non-ASCII characters (punctuation, symbols, the BGN middle dot) stay:
    later rules may need them, and the key keeps letters and digits only.
    """
    if text.isascii():
        return text
    bare = _MARKS.sub("", unicodedata.normalize("NFD", text))
    if bare.isascii():
        return bare
    return "".join(
        unidecode(ch).lower() if ch.isalpha() and not ch.isascii() else ch for ch in bare
    )


@cache
def _cyrillic_table() -> list[str]:
    """The Cyrillic letters as the key reads them, as a ``str.translate`` table.

    A list indexed by code point is faster than a dict for ``str.translate``;
    characters past its end raise ``IndexError`` and are left as they are.
    """
    spec = _folding()["cyrillic"]
    letters = {**get_system(spec["system"]).letters, **spec["letters"]}
    fallback = _fallback()
    table = {c: out for c, out in letters.items()}
    for c in fallback:
        if c not in letters:
            table[c] = "".join(letters.get(x, x) for x in _nearest(c, letters, fallback))
    chars = [chr(i) for i in range(max(map(ord, table)) + 1)]
    for c, out in table.items():
        chars[ord(c)] = out
    return chars


def fold_key(name: str) -> str:
    """Return the folded key of ``name``: the key without readings.

    The key folds script, romanization system, case, diacritics, apostrophes,
    hyphens and punctuation, and keeps apart the names that differ: gender
    endings, distinct letters, distinct digraphs. Words keep their order.

    :func:`kznames.key` reads each Latin word back to Cyrillic first (see
    :mod:`kznames.reader`); this function folds the text as it is, and is
    the key's reading of last resort for a word no convention explains.

    >>> fold_key("Тоқаев") == fold_key("Toqaev") == fold_key("Tokayev")
    True
    >>> fold_key("Nazarbayev"), fold_key("Nazarbayeva")
    ('nazarbaev', 'nazarbaeva')

    Raises ``TypeError`` if ``name`` is not a ``str``.
    """
    require_str(name, "name")
    text = name.lower()
    if not text.isascii():
        text = clean(text)
        if has_cyrillic(text):
            text = text.translate(_cyrillic_table())
    for kind, guard, a, b in _steps(text.isascii()):
        if guard and guard not in text:
            continue
        if kind == _TRANSLATE:
            text = text.translate(a)
        elif kind == _REPLACE:
            text = text.replace(a, b)
        elif kind == _SUB:
            text = a.sub(b, text)
        else:
            text = _strip_marks(text.translate(a))
    for token, letters in _TOKENS:
        if token in text:
            text = text.replace(token, letters)
    if text.replace(" ", "").isalnum() and text.isascii():
        return " ".join(text.split())
    return _NOT_KEY.sub(" ", text).strip()

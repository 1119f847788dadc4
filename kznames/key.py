"""The variant key: one string for every spelling of a name.

``key()`` romanizes Cyrillic with the ODNI Kazakh table, then folds the Latin
text with the ordered rules of ``data/folding.json``. Each rule there says
what it merges, the false merge its narrow form avoids, and why; the docs
print them from that file. This module is only the engine that runs them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from unidecode import unidecode

from kznames._check import require_str
from kznames._text import clean, has_cyrillic
from kznames.translit import _fallback, _nearest, get_system

_TOKENS = {"S": "sh", "C": "ch", "Z": "zh", "X": "kh", "T": "ts", "W": "shch"}
_NOT_KEY = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class FoldRule:
    """One folding rule as documented in ``data/folding.json``."""

    id: str
    phase: str
    title: str
    merges: tuple[str, str]
    keeps_apart: tuple[str, str]
    why: str
    apply: Callable[[str], str]


@cache
def _folding() -> Mapping[str, object]:
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
            merges=tuple(r["merges"]),  # type: ignore[arg-type]
            keeps_apart=tuple(r["keeps_apart"]),  # type: ignore[arg-type]
            why=r["why"],
            apply=_compile(r),
        )
        for r in _folding()["rules"]  # type: ignore[attr-defined]
    )


def _compile(rule: Mapping[str, object]) -> Callable[[str], str]:
    """Turn a rule record into a function on a lowercase string."""
    if "map" in rule:
        table = str.maketrans(rule["map"])  # type: ignore[arg-type]
        return lambda s: s.translate(table)
    if "replace" in rule:
        old, new = str(rule["replace"]), str(rule["to"])
        return lambda s: s.replace(old, new) if old in s else s
    if "strip" in rule:
        drop = str.maketrans("", "", str(rule["strip"]))
        return lambda s: _strip_marks(s.translate(drop))
    pattern = re.compile(str(rule["regex"]))
    guard = str(rule.get("guard", ""))
    target = rule.get("to")
    if "each" in rule:
        letter = str(rule["each"])

        def sub(s: str) -> str:
            return pattern.sub(lambda m: letter * len(m.group()), s)
    elif isinstance(target, dict):
        lookup = dict(target)

        def sub(s):
            return pattern.sub(lambda m: lookup[m.group()], s)
    else:
        repl = str(target)

        def sub(s):
            return pattern.sub(repl, s)

    if guard:
        return lambda s: sub(s) if guard in s else s
    return sub


def _strip_marks(text: str) -> str:
    """Drop combining marks; romanize any non-ASCII letter left with unidecode.

    Other non-ASCII characters (punctuation, symbols, the BGN middle dot) stay:
    later rules may need them, and the key keeps letters and digits only.
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if bare.isascii():
        return bare
    return "".join(
        unidecode(ch).lower() if ch.isalpha() and not ch.isascii() else ch for ch in bare
    )


@cache
def _cyrillic_table() -> dict[int, str]:
    """The Cyrillic letters as the key reads them, as a ``str.translate`` table."""
    spec = _folding()["cyrillic"]
    letters = {**get_system(spec["system"]).letters, **spec["letters"]}  # type: ignore[index]
    table = {ord(c): out for c, out in letters.items()}
    for c in _fallback():
        if c not in letters:
            table[ord(c)] = "".join(letters.get(x, x) for x in _nearest(c, letters, _fallback()))
    return table


def key(name: str) -> str:
    """Return the variant key of ``name``: equal for every spelling of the name.

    The key folds script, romanization system, case, diacritics, apostrophes,
    hyphens and punctuation, and keeps apart the names that differ: gender
    endings, distinct letters, distinct digraphs. Words keep their order.

    >>> key("Тоқаев") == key("Toqaev") == key("Tokayev") == key("Tokajew")
    True
    >>> key("Kassym-Jomart") == key("Qasym-Zhomart") == key("Касым-Жомарт")
    True
    >>> key("Nazarbayev"), key("Nazarbayeva")
    ('nazarbaev', 'nazarbaeva')

    Raises ``TypeError`` if ``name`` is not a ``str``.
    """
    require_str(name, "name")
    text = clean(name).lower()
    if has_cyrillic(text):
        text = text.translate(_cyrillic_table())
    for rule in folding_rules():
        text = rule.apply(text)
    for token, letters in _TOKENS.items():
        if token in text:
            text = text.replace(token, letters)
    return _NOT_KEY.sub(" ", text).strip()

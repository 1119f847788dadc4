"""Cyrillic-to-Latin transliteration: one engine, one data file per system.

Each romanization system is a JSON file in ``kznames/systems/`` holding
lowercase rules only (see ``docs`` for the format). The engine works word by
word and derives capitals itself, so ``Тоқаев``, ``ТОҚАЕВ`` and ``тоқаев``
need one rule. For each letter the first rule that applies wins:

1. a word ending (``ий`` -> ``y``), when at least one letter precedes it;
2. a rule for the letter after a given letter or at the start of the word;
3. a rule for the letter before a given letter or at the end of the word;
4. the plain letter table.

A Cyrillic letter the system has no rule for is first replaced by its nearest
letter from ``data/cyrillic_fallback.json`` (``қ`` -> ``к`` for a Russian
system, Serbian ``ђ`` -> ``дж``); anything still Cyrillic is romanized by
``unidecode``, so a Latin system never emits Cyrillic. Latin letters, digits
and punctuation pass through unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from unidecode import unidecode

from kznames._check import require_str
from kznames._text import CYRILLIC, WORD, clean, has_cyrillic

WORD_START = "^"
WORD_END = "$"


@dataclass(frozen=True)
class System:
    """A romanization system, as read from its data file.

    ``after`` maps (previous letter or ``^``, letter) and ``before`` maps
    (letter, next letter or ``$``) to the Latin output; ``endings`` maps a
    word-final sequence to its output; ``capitals`` gives the capital of an
    output where ``str.upper`` would be wrong (2021 Latin ``i`` -> ``İ``,
    ``ia`` -> ``İa``), upper-cased in full inside an all-capitals word.
    ``key_exceptions`` lists the Cyrillic contexts (regular expressions over
    lowercase text) where this system's output cannot share the key of its
    input, each with the reason. ``reads_as`` maps a letter the system writes
    like another letter or pair (Uzbek Latin's Ы as ``i``, the И's ``i``) to
    the letters a reader takes the output for.
    """

    id: str
    name: str
    language: str
    description: str
    source: tuple[str, ...]
    letters: Mapping[str, str]
    after: Mapping[tuple[str, str], str] = field(default_factory=dict)
    before: Mapping[tuple[str, str], str] = field(default_factory=dict)
    endings: Mapping[str, str] = field(default_factory=dict)
    capitals: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    samples: tuple[tuple[str, str], ...] = ()
    key_exceptions: tuple[tuple[str, str], ...] = ()
    reads_as: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> System:
        """Build a system from the parsed contents of its data file."""
        return cls(
            id=data["id"],
            name=data["name"],
            language=data["language"],
            description=data["description"],
            source=tuple(data["source"]),
            letters=dict(data["letters"]),
            after={(p, c): out for c, prevs, out in data.get("after", ()) for p in prevs},
            before={(c, n): out for c, nexts, out in data.get("before", ()) for n in nexts},
            endings=dict(data.get("endings", {})),
            capitals=dict(data.get("capitals", {})),
            notes=tuple(data.get("notes", ())),
            samples=tuple((a, b) for a, b in data.get("samples", ())),
            key_exceptions=tuple((e["cyrillic"], e["why"]) for e in data.get("key_exceptions", ())),
            reads_as={k: v["letter"] for k, v in data.get("reads_as", {}).items()},
        )

    def romanize(self, text: str) -> str:
        """Romanize cleaned ``text`` with this system's rules."""
        if not has_cyrillic(text):
            return text
        return WORD.sub(self._word, text)

    def _word(self, match: re.Match[str]) -> str:
        word = match.group()
        if not has_cyrillic(word):
            return word
        chars, upper = _expand(word, self.letters)
        all_caps = len(word) > 1 and word.isupper()
        n = len(chars)
        stop, ending = self._ending(chars)
        out: list[str] = []
        i = 0
        while i < stop:
            c = chars[i]
            prev = chars[i - 1] if i else WORD_START
            nxt = chars[i + 1] if i + 1 < n else WORD_END
            latin = self.after.get((prev, c))
            if latin is None:
                latin = self.before.get((c, nxt))
            if latin is None:
                latin = self.letters.get(c)
            if latin is None:
                latin = unidecode(c) if CYRILLIC.match(c) else c
                out.append(latin.upper() if upper[i] else latin)
            elif upper[i]:
                capital = self.capitals.get(c)
                if capital:
                    out.append(capital.upper() if all_caps else capital)
                else:
                    out.append(_recase(latin, (True,), all_caps))
            else:
                out.append(latin)
            i += 1
        if ending:
            out.append(_recase(self.endings[ending], upper[stop:], all_caps))
        return "".join(out)

    def _ending(self, chars: list[str]) -> tuple[int, str]:
        """Where the word's ending rule starts (the word length if none), and the ending."""
        n = len(chars)
        for length in sorted({len(e) for e in self.endings}, reverse=True):
            if n > length:
                tail = "".join(chars[n - length :])
                if tail in self.endings:
                    return n - length, tail
        return n, ""


def _recase(latin: str, upper: tuple[bool, ...] | list[bool], all_caps: bool) -> str:
    """Give ``latin`` the case of the Cyrillic it stands for."""
    if not upper or not upper[0]:
        return latin
    if all_caps:
        return latin.upper()
    for k, ch in enumerate(latin):
        if ch.isalpha():
            return latin[:k] + ch.upper() + latin[k + 1 :]
    return latin


def _expand(word: str, letters: Mapping[str, str]) -> tuple[list[str], list[bool]]:
    """Lowercase ``word`` letter by letter, replacing letters the system lacks."""
    fallback = _fallback()
    chars: list[str] = []
    upper: list[bool] = []
    for ch in word:
        low = ch.lower()
        if len(low) != 1:
            low = ch
        is_upper = low != ch
        subs = _nearest(low, letters, fallback)
        for k, sub in enumerate(subs):
            chars.append(sub)
            upper.append(is_upper and k == 0)
    return chars, upper


def _nearest(letter: str, letters: Mapping[str, str], fallback: Mapping[str, str]) -> str:
    """Follow the fallback table from ``letter`` until the system knows every letter."""
    for _ in range(3):
        if letter in letters or not any(c in fallback for c in letter):
            break
        letter = "".join(c if c in letters else fallback.get(c, c) for c in letter)
    return letter


@cache
def _fallback() -> Mapping[str, str]:
    path = resources.files("kznames") / "data" / "cyrillic_fallback.json"
    return dict(json.loads(path.read_text(encoding="utf-8"))["letters"])


@cache
def _registry() -> Mapping[str, System]:
    folder = resources.files("kznames") / "systems"
    found: dict[str, System] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            system = System.from_json(json.loads(entry.read_text(encoding="utf-8")))
            found[system.id] = system
    return found


def get_system(system: str) -> System:
    """Return the system with id ``system``; ``ValueError`` lists the valid ids."""
    require_str(system, "system")
    known = _registry()
    if system not in known:
        raise ValueError(f"system must be one of {', '.join(sorted(known))}; got {system!r}")
    return known[system]


def systems() -> dict[str, str]:
    """Return the id and one-line description of every romanization system.

    >>> systems()["kk-bgn-pcgn"]
    'BGN/PCGN 1979 romanization of Kazakh, the US and UK geographic-names standard'
    """
    return {sid: s.description for sid, s in sorted(_registry().items())}


def transliterate(text: str, system: str) -> str:
    """Romanize Kazakh or Russian Cyrillic ``text`` with ``system``.

    Russian text is valid input to a Kazakh system; a Kazakh letter given to
    a Russian system gets the nearest Russian rule; Latin letters, digits and
    punctuation pass through unchanged. See :func:`systems` for the ids.

    >>> transliterate("Қасым-Жомарт Тоқаев", "kk-bgn-pcgn")
    'Qasym-Zhomart Toqaev'
    >>> transliterate("Касым-Жомарт Токаев", "ru-bgn-pcgn")
    'Kasym-Zhomart Tokayev'
    >>> transliterate("ТОҚАЕВ", "kk-latin-2021")
    'TOQAEV'

    Raises ``TypeError`` if ``text`` or ``system`` is not a ``str`` and
    ``ValueError`` for an unknown system.
    """
    require_str(text, "text")
    return get_system(system).romanize(clean(text))

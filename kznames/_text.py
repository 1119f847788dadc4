"""Unicode clean-up shared by transliteration and the variant key.

Three jobs, each linear in the length of the text:

* compose to NFC, so that ``и`` + U+0306 and ``й`` are one letter;
* drop invisible format characters (zero-width space and joiners, soft
  hyphen, byte-order mark, direction marks), which split words silently;
* repair homoglyphs: a word that mixes Latin and Cyrillic letters is usually
  typed with the wrong keyboard layout for one or two letters (a Latin ``a``
  in ``Нaзарбаев``), so the look-alike letters of the minority script are
  replaced by their twins in the majority script.
"""

from __future__ import annotations

import re
import unicodedata

# Cyrillic letters and their Latin look-alikes, as (Cyrillic, Latin) pairs.
_TWINS = (
    ("а", "a"),
    ("е", "e"),
    ("о", "o"),
    ("р", "p"),
    ("с", "c"),
    ("х", "x"),
    ("у", "y"),
    ("і", "i"),
    ("ј", "j"),
    ("А", "A"),
    ("В", "B"),
    ("Е", "E"),
    ("К", "K"),
    ("М", "M"),
    ("Н", "H"),
    ("О", "O"),
    ("Р", "P"),
    ("С", "C"),
    ("Т", "T"),
    ("Х", "X"),
    ("У", "Y"),
    ("І", "I"),
    ("Ј", "J"),
    # Latin schwa and barred o stand in for Ә and Ө in Kazakh typed on a
    # Latin keyboard.
    ("ә", "ə"),
    ("Ә", "Ə"),
    ("ө", "ɵ"),
    ("Ө", "Ɵ"),
)
_TO_LATIN = str.maketrans(dict(_TWINS))
_TO_CYRILLIC = str.maketrans({latin: cyrillic for cyrillic, latin in _TWINS})

_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")

CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u0259\u0275\u1e00-\u1eff]")
WORD = re.compile(r"[^\W\d_]+")


def has_cyrillic(text: str) -> bool:
    """Whether ``text`` contains a Cyrillic character."""
    return CYRILLIC.search(text) is not None


def clean(text: str) -> str:
    """Return ``text`` in NFC, without invisible characters, homoglyphs repaired."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if has_cyrillic(text) and _LATIN.search(text):
        text = WORD.sub(_repair_word, text)
    return text


def _repair_word(match: re.Match[str]) -> str:
    word = match.group()
    cyrillic = len(CYRILLIC.findall(word))
    if cyrillic == 0:
        return word
    latin = len(_LATIN.findall(word))
    if latin == 0:
        return word
    if cyrillic >= latin:
        return word.translate(_TO_CYRILLIC)
    return word.translate(_TO_LATIN)

"""Hostile strings for property tests: every kind of whitespace, digits of many
scripts, punctuation, symbols, emoji, invisible and control characters, NUL,
lone surrogates and combining marks alone, mixed with letters (among them
letters the variant key drops, such as the soft sign) and real names."""

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

WHITESPACE = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2060\u2066\u2069\ufeff"
DIGITS = "0123456789\u0660\u0669\u06f5\u0967\uff10\uff19\u00b2\u00bd\u2167\u216b\u2460"
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u00b7\u00ab\u00bb\u2013\u2014\u2026\u2116\u2019"
SYMBOLS = "\u00a9\u20b8\u2122\u221e\u2603\U0001f600\U0001f1f0\U0001f1ff\U0001f44d\U0001f3fd\u2640"
CONTROL = "\x00\x01\x07\x1b\x7f\x85\x9f"
SURROGATES = "\ud800\udbff\udc00\udfff"
MARKS = "\u0301\u0306\u0308\u0483\u20dd"
# Letters, some of which the variant key keeps nothing of (a soft or hard
# sign alone, a modifier apostrophe, a click letter).
LETTERS = "aZxh\u044f\u049a\u0259\u0131\u044c\u042a\u02bc\u01c3\u738b\u00df"
NAMES = ("Tokayev", "Тоқаев Қасым", "Ivan Petrov", "I. Petrov", "Almaty", "Алматы", "ОСК")

NOT_LETTERS = WHITESPACE + INVISIBLE + DIGITS + PUNCTUATION + SYMBOLS + CONTROL + MARKS


def hostile_texts(surrogates: bool = True) -> st.SearchStrategy[str]:
    """Short hostile strings; without lone surrogates when ``surrogates`` is false
    (a UTF-8 store such as polars or Spark cannot hold them)."""
    chars = NOT_LETTERS + (SURROGATES if surrogates else "")
    hostile = st.sampled_from(chars)
    return st.one_of(
        st.text(hostile, max_size=6),
        st.text(st.one_of(hostile, st.sampled_from(LETTERS)), max_size=8),
        st.tuples(st.text(hostile, max_size=3), st.sampled_from(NAMES)).map("".join),
        st.text(max_size=6),
    )


def hostile_sample(n: int) -> list[str]:
    """``n`` strings drawn by hypothesis from :func:`hostile_texts`, the same on
    every run: one test can then put them all in one Spark DataFrame."""
    drawn: list[str] = []

    @settings(max_examples=n, derandomize=True, database=None, deadline=None)
    @given(hostile_texts())
    def draw(text: str) -> None:
        drawn.append(text)

    draw()
    return drawn

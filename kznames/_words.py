"""The key of one word of a name, kept: names are made of few distinct words."""

from __future__ import annotations

from functools import lru_cache

from kznames.reader import key

# The key of one word. Names are made of few distinct words (given names,
# surnames, patronymics repeat), so the keys of words are kept: parsing a
# list of names then costs one key() per distinct word, not per word.
word_part_key = lru_cache(maxsize=1 << 16)(key)


def word_key(word: str) -> str:
    """The key of one word of a name, without spaces: ``Кемелұлы`` -> ``kemeluly``."""
    return word_part_key(word).replace(" ", "")

"""A step-counting model of Python's backtracking regular-expression engine.

``re`` has no counter of the work it does, and timing it would make a test
depend on the machine's load. This module runs a pattern the way ``re``'s
engine does (the same parse, leftmost match, greedy and lazy repeats with
backtracking, lookarounds) and counts one step for each node tried at a
position and each character a repeat consumes. A pattern whose step count
grows with the square of the text's length is one that ``re`` takes quadratic
time on; the tests also check that the model finds exactly the matches ``re``
finds on every text they count, so the model cannot drift from the engine.

The model covers the constructs kznames' patterns use; anything else raises
``NotImplementedError`` so that a new construct is noticed, not skipped.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as C
    from re import _parser as parser
else:  # pragma: no cover - Python 3.10
    import sre_constants as C
    import sre_parse as parser

Continue = Callable[[int], "int | None"]

_SINGLE = {C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN}


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_CATEGORIES: dict[Any, Callable[[str], bool]] = {
    C.CATEGORY_DIGIT: str.isdecimal,
    C.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    C.CATEGORY_SPACE: str.isspace,
    C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    C.CATEGORY_WORD: _is_word,
    C.CATEGORY_NOT_WORD: lambda c: not _is_word(c),
}

# Characters that stand for a category when building adversarial texts.
_SAMPLES: dict[Any, str] = {
    C.CATEGORY_DIGIT: "1",
    C.CATEGORY_NOT_DIGIT: "a ",
    C.CATEGORY_SPACE: " \t",
    C.CATEGORY_NOT_SPACE: "a1",
    C.CATEGORY_WORD: "a1_",
    C.CATEGORY_NOT_WORD: " -!",
}


def _class(items: list[tuple[Any, Any]]) -> Callable[[str], bool]:
    """The test of one character against a ``[...]`` class."""
    negate = bool(items) and items[0][0] is C.NEGATE
    chars: set[str] = set()
    ranges: list[tuple[int, int]] = []
    categories: list[Callable[[str], bool]] = []
    for op, av in items[1:] if negate else items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE:
            ranges.append(av)
        elif op is C.CATEGORY:
            categories.append(_CATEGORIES[av])
        else:
            raise NotImplementedError(f"class item {op}")

    def test(c: str) -> bool:
        hit = (
            c in chars
            or any(low <= ord(c) <= high for low, high in ranges)
            or any(t(c) for t in categories)
        )
        return hit != negate

    return test


def _char_test(op: Any, av: Any, dotall: bool) -> Callable[[str], bool]:
    if op is C.LITERAL:
        return lambda c: c == chr(av)
    if op is C.NOT_LITERAL:
        return lambda c: c != chr(av)
    if op is C.ANY:
        return (lambda c: True) if dotall else (lambda c: c != "\n")
    return _class(av)


class Model:
    """One compiled pattern, run step by step over texts."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if pattern.flags & (re.IGNORECASE | re.MULTILINE | re.VERBOSE):
            raise NotImplementedError(f"flags of {pattern.pattern!r}")
        self.pattern = pattern
        self.dotall = bool(pattern.flags & re.DOTALL)
        self.tree = parser.parse(pattern.pattern, pattern.flags)
        self.steps = 0
        self.text = ""

    # The characters of a pattern: what adversarial texts are made of.

    def alphabet(self) -> str:
        """Every character the pattern names, and one for each class or category."""
        chars: set[str] = set()

        def walk(data: Any) -> None:
            for op, av in data:
                if op in (C.LITERAL, C.NOT_LITERAL):
                    chars.add(chr(av))
                elif op is C.IN:
                    for item, value in av:
                        if item is C.LITERAL:
                            chars.add(chr(value))
                        elif item is C.RANGE:
                            chars.update((chr(value[0]), chr(value[1])))
                        elif item is C.CATEGORY:
                            chars.update(_SAMPLES[value])
                        elif item is C.NEGATE:
                            chars.update("a!")
                elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                    walk(av[2])
                elif op is C.SUBPATTERN:
                    walk(av[3])
                elif op in (C.ASSERT, C.ASSERT_NOT):
                    walk(av[1])
                elif op is C.BRANCH:
                    for alternative in av[1]:
                        walk(alternative)
                elif op is C.ATOMIC_GROUP:
                    walk(av)

        walk(self.tree)
        return "".join(sorted(chars))

    # The engine.

    def matches(self, text: str) -> tuple[list[tuple[int, int]], int]:
        """The spans ``re.finditer`` finds, and the steps taken to find them."""
        self.text, self.steps = text, 0
        spans = []
        pos = 0
        while pos <= len(text):
            end = self._seq(self.tree.data, 0, pos, lambda p: p)
            if end is None:
                pos += 1
                continue
            spans.append((pos, end))
            pos = end if end > pos else pos + 1
        return spans, self.steps

    def _at(self, where: Any, pos: int) -> bool:
        text = self.text
        before = pos > 0 and _is_word(text[pos - 1])
        after = pos < len(text) and _is_word(text[pos])
        if where in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
            return pos == 0
        if where is C.AT_END:
            return pos == len(text) or (pos == len(text) - 1 and text[pos] == "\n")
        if where is C.AT_END_STRING:
            return pos == len(text)
        if where is C.AT_BOUNDARY:
            return bool(text) and before != after
        if where is C.AT_NON_BOUNDARY:
            return bool(text) and before == after
        raise NotImplementedError(f"anchor {where}")

    def _seq(self, data: Any, i: int, pos: int, k: Continue) -> int | None:
        if i == len(data):
            return k(pos)
        self.steps += 1
        op, av = data[i]

        def rest(p: int) -> int | None:
            return self._seq(data, i + 1, p, k)

        text = self.text
        if op in _SINGLE:
            if pos < len(text) and _char_test(op, av, self.dotall)(text[pos]):
                return rest(pos + 1)
            return None
        if op is C.AT:
            return rest(pos) if self._at(av, pos) else None
        if op is C.BRANCH:
            for alternative in av[1]:
                end = self._seq(alternative.data, 0, pos, rest)
                if end is not None:
                    return end
            return None
        if op is C.SUBPATTERN:
            return self._seq(av[3].data, 0, pos, rest)
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            if direction == 1:
                found = self._seq(sub.data, 0, pos, lambda p: p) is not None
            else:
                low, high = sub.getwidth()
                if low != high:
                    raise NotImplementedError("a lookbehind of variable width")
                start = pos - low
                found = start >= 0 and (
                    self._seq(sub.data, 0, start, lambda p: p if p == pos else None) is not None
                )
            return rest(pos) if found == (op is C.ASSERT) else None
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            return self._repeat(op, av, pos, rest)
        raise NotImplementedError(f"operator {op}")

    def _repeat(self, op: Any, av: Any, pos: int, rest: Continue) -> int | None:
        low, high, sub = av
        text = self.text
        if len(sub.data) == 1 and sub.data[0][0] in _SINGLE:
            # One character repeated: ``re`` counts the run, then backs off
            # (greedy) or extends (lazy) one character at a time.
            test = _char_test(*sub.data[0], self.dotall)
            limit = len(text) if high is C.MAXREPEAT else min(len(text), pos + high)
            if op is C.MIN_REPEAT:
                count = 0
                while True:
                    self.steps += 1
                    if count >= low and (end := rest(pos + count)) is not None:
                        return end
                    if pos + count >= limit or not test(text[pos + count]):
                        return None
                    count += 1
            count = 0
            while pos + count < limit and test(text[pos + count]):
                self.steps += 1
                count += 1
            if op is C.POSSESSIVE_REPEAT:
                return rest(pos + count) if count >= low else None
            while count >= low:
                self.steps += 1
                end = rest(pos + count)
                if end is not None:
                    return end
                count -= 1
            return None
        if op is C.POSSESSIVE_REPEAT:
            raise NotImplementedError(f"{op} of a group")

        def lazily(count: int, p: int) -> int | None:
            self.steps += 1
            if count >= low and (end := rest(p)) is not None:
                return end
            if high is C.MAXREPEAT or count < high:
                return self._seq(sub.data, 0, p, lambda q: lazily(count + 1, q) if q > p else None)
            return None

        def again(count: int, p: int) -> int | None:
            self.steps += 1
            if high is C.MAXREPEAT or count < high:
                end = self._seq(sub.data, 0, p, lambda q: again(count + 1, q) if q > p else None)
                if end is not None:
                    return end
            return rest(p) if count >= low else None

        return lazily(0, pos) if op is C.MIN_REPEAT else again(0, pos)


def adversarial_texts(model: Model, repeats: int) -> list[str]:
    """Texts built from the pattern itself: each of its characters repeated
    ``repeats`` times, then a letter, a digit, a space, a hyphen or nothing.
    These are the texts on which a backtracking engine retries a long run
    from each of its positions."""
    tails = ("", "x", "а", "1", " ", "-")
    return [c * repeats + tail for c in model.alphabet() for tail in tails]

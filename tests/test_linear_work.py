"""The public functions do work linear in the size of their input.

Work is counted in machine instructions (``work.instructions``), not timed,
so the result does not depend on the machine or its load. Each case runs at
one size and at four times that size: linear work grows about four times,
quadratic work sixteen. The inputs are the ones that once took quadratic or
cubic time (issue 11), odd strings, and texts built from the characters of
every folding rule, with each rule's guard in front so that the rule runs.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest
from work import instructions

SIZE = 500
# Four times the input: linear work is about 4 times as much, quadratic 16.
MAX_RATIO = 6.5

_RULES = json.loads(
    (resources.files("kznames") / "data" / "folding.json").read_text(encoding="utf-8")
)["rules"]


def _guards() -> str:
    """Every folding rule's guard, so a text that starts with them runs every rule."""
    guards: list[str] = []
    for rule in _RULES:
        guard = rule.get("guard", "")
        guards.extend([guard] if isinstance(guard, str) else guard)
    return " ".join(g for g in guards if g)


def _rule_characters() -> str:
    chars = {c for rule in _RULES if "regex" in rule for c in rule["regex"] if c.isalpha()}
    return "".join(sorted(chars | set(" -'’")))


# (what, builder of the input from n, call on the input x)
CASES = [
    ("key of 'ый' runs", "'ый' * n + 'а'", "kznames.key(x)"),
    ("key of 'yi' runs", "'yi' * n + '1'", "kznames.key(x)"),
    ("key of 'ii' runs", "'ii' * n + 'x'", "kznames.key(x)"),
    ("key of spaces before uly", "'uly ' + ' ' * n + 'x'", "kznames.key(x)"),
    ("key of hyphens before kyzy", "'kyzy ' + '-' * n + 'x'", "kznames.key(x)"),
    ("parse_name of Ұлы words", "'Ұлы ' * n", "kznames.parse_name(x)"),
    # Joining uly to the word before: copying a growing string for each marker
    # costs little per word, so the square shows only where little else is done.
    ("joining Ұлы words", "['Ұлы'] * (8 * n)", "_join_patronymic_words(x)"),
    ("match of long different names", "(long_name(n, 1), long_name(n, 2))", "kznames.match(*x)"),
    ("find_entities naming many people", "people(n)", "kznames.find_entities(x)"),
    ("readings of one long ambiguous word", "'jschow' * n", "kznames.readings(x)"),
    ("readings of distinct ambiguous words", "ambiguous(n)", "kznames.readings(x)"),
    ("key of distinct ambiguous words", "ambiguous(n)", "kznames.key(x)"),
    ("match of distinct ambiguous words", "(ambiguous(n), 'Jomart Tokajew')", "kznames.match(*x)"),
    ("similarity of long alternating words", "('ыңдж' * n, 'индж' * n)", "kznames.similarity(*x)"),
    *(
        (f"{function} of {unit!r} runs", f"{unit!r} * n", call)
        for unit in ("Тоқаев ", "Tokayev ", "Тokaев", "\u0438\u0306\u200b", "🇰🇿", "ыйьъ")
        for function, call in (
            ("normalize", "kznames.normalize(x)"),
            ("transliterate", "kznames.transliterate(x, 'kk-bgn-pcgn')"),
            ("parse_name", "kznames.parse_name(x)"),
            ("match", "kznames.match(x, 'Kassym-Jomart Tokayev')"),
            ("resolve", "kznames.resolve(x)"),
        )
    ),
    *(
        (f"key of {c!r} runs, then {tail!r}", f"GUARDS + {c!r} * n + {tail!r}", "kznames.key(x)")
        for c in _rule_characters()
        for tail in ("x", "-")
    ),
]

SETUP = f"""
import itertools
import kznames
from kznames.names import _join_patronymic_words

GUARDS = {_guards()!r}
_SYLLABLES = [a + b for a in "bdkmnrstz" for b in "aeiou"]


def long_name(n, seed):
    # A surname of 6n letters that differs from seed to seed.
    words = itertools.product(_SYLLABLES, repeat=3)
    syllables = itertools.islice(words, seed * n, seed * n + n)
    return "".join(map("".join, syllables)).capitalize() + "ov Ivan"


def people(n):
    # A text naming n different people, each followed by a lone given name.
    surnames = itertools.islice(itertools.product(_SYLLABLES, repeat=3), n, 2 * n)
    return "".join(f"Rinat {{''.join(s).capitalize()}}ov met Aigerim. " for s in surnames)


def ambiguous(n):
    # n different words of ambiguous letters (j, sch, w, y), each read anew.
    syllables = itertools.islice(itertools.product(_SYLLABLES, repeat=2), n)
    return " ".join("J" + "".join(s) + "schowy" for s in syllables)


CASES = {[(b, c) for _, b, c in CASES]!r}
for n in (1, 2):
    for build, call in CASES:
        x = eval(build)
        eval(call)
INPUTS = [eval(build) for build, _ in CASES for n in ({SIZE}, {4 * SIZE})]
"""


def test_work_grows_linearly_with_the_input():
    calls = [
        f"(lambda x: {call})(INPUTS[{2 * i + k}])"
        for i, (_, _, call) in enumerate(CASES)
        for k in (0, 1)
    ]
    counts = instructions(SETUP, calls)
    slow = []
    for i, (what, _, _) in enumerate(CASES):
        small, large = counts[2 * i], counts[2 * i + 1]
        if large > MAX_RATIO * small:
            slow.append(f"{what}: {large / small:.1f} times the work for 4 times the input")
    assert not slow, "\n".join(slow)


@pytest.mark.parametrize("quadratic", [False, True])
def test_the_count_tells_quadratic_work_apart(quadratic):
    """The measure can fail: a quadratic loop is caught, a linear one is not."""
    inner = "range(i)" if quadratic else "range(3)"
    body = f"sum(1 for i in range(len(x)) for _ in {inner})"
    setup = f"TEXTS = ['a' * {SIZE // 2}, 'a' * {2 * SIZE}]"
    small, large = instructions(setup, [f"(lambda x: {body})(TEXTS[{k}])" for k in (0, 1)])
    assert (large > MAX_RATIO * small) is quadratic

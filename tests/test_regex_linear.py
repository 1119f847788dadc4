"""Every regular expression of kznames does work linear in the length of its text.

The patterns are collected from the data files and from the code (every
compiled pattern a module holds), so a new rule is tested as soon as it is
written. Each is run by the step-counting model of ``regex_steps`` on texts
built from its own characters; four times the text must cost about four
times the steps, where a pattern that retries a run from each of its
positions costs sixteen times.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from regex_steps import Model, adversarial_texts

import kznames

SMALL, LARGE = 16, 64
# Four times the text: a linear pattern takes about 4 times the steps, a
# quadratic one about 16 times.
MAX_RATIO = 8


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()
    for info in sorted(pkgutil.walk_packages(kznames.__path__, "kznames."), key=lambda i: i.name):
        module = importlib.import_module(info.name)
        for name, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern) and id(value) not in seen:
                seen.add(id(value))
                found[f"{info.name}.{name}"] = value
    data = resources.files("kznames") / "data"
    for rule in json.loads((data / "folding.json").read_text(encoding="utf-8"))["rules"]:
        if "regex" in rule:
            found[f"folding.json {rule['id']}"] = re.compile(rule["regex"])
    for path in sorted((resources.files("kznames") / "systems").iterdir(), key=str):
        system = json.loads(path.read_text(encoding="utf-8"))
        for i, exception in enumerate(system.get("key_exceptions", ())):
            found[f"{path.name} key_exceptions[{i}]"] = re.compile(exception["cyrillic"])
    return found


PATTERNS = _patterns()


def _steps(model: Model, text: str) -> int:
    spans, steps = model.matches(text)
    assert spans == [m.span() for m in model.pattern.finditer(text)], "the model left re"
    return steps


def _assert_linear(name: str, model: Model, small: str, large: str) -> None:
    few, many = _steps(model, small), _steps(model, large)
    assert many <= MAX_RATIO * few, (
        f"{name}: {len(large)} characters took {many} steps, {len(small)} took {few}: "
        f"{many / few:.1f} times as many for 4 times the text ({large[-8:]!r})"
    )


def test_the_patterns_are_found():
    assert len(PATTERNS) > 30
    assert "folding.json R14-ending-ii" in PATTERNS
    assert "kznames.names._TOKEN" in PATTERNS


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_each_pattern_is_linear_on_runs_of_its_own_characters(name):
    model = Model(PATTERNS[name])
    for small, large in zip(
        adversarial_texts(model, SMALL), adversarial_texts(model, LARGE), strict=True
    ):
        _assert_linear(name, model, small, large)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(data=st.data())
def test_patterns_are_linear_on_repeated_pieces_of_their_characters(data):
    name = data.draw(st.sampled_from(sorted(PATTERNS)))
    model = Model(PATTERNS[name])
    alphabet = model.alphabet() + "xа1 -"
    unit = data.draw(st.text(alphabet=alphabet, min_size=2, max_size=4))
    prefix = data.draw(st.text(alphabet=alphabet, max_size=4))
    tail = data.draw(st.text(alphabet=alphabet, max_size=2))
    _assert_linear(name, model, prefix + unit * SMALL + tail, prefix + unit * LARGE + tail)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        # Patterns that once made key() and the registry loader hang (issue 11).
        (r"(?<=[iy])[iy]+\b", "yi" * LARGE + "a"),
        (r"[\s-]+uly\b", " " * LARGE + "x"),
        (r"^(?P<names>.*?)(?:\s+(?P<start>\d{3,4})?\s*-\s*(?P<end>\d{3,4})?)?$", " " * LARGE),
    ],
)
def test_the_model_sees_backtracking(pattern, text):
    """The count tells a quadratic pattern apart: the test above can fail."""
    model = Model(re.compile(pattern))
    small = text[: len(text) // 4 - 1] + text[-1]
    with pytest.raises(AssertionError, match="times as many"):
        _assert_linear(pattern, model, small, text)


def test_the_model_finds_what_re_finds():
    model = Model(re.compile(r"(?<![iy])([iy])[iy]+\b|(?:ab)+?c|\d{2,3}(?=x)|[^\W\d]+"))
    for text in ("yiyi a", "ababc abc", "1234x 12x", "Тоқаев, Tokayev 1999", ""):
        _steps(model, text)

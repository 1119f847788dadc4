"""The central property of the key on real names: ``key(transliterate(x, s)) == key(x)``.

Names: the Cyrillic names of the settlements of Kazakhstan in GeoNames
(``data/geonames_kz.tsv``, CC BY 4.0) and the words of the Cyrillic names of the
development set's people (``data/persons_dev.tsv``, Wikidata labels via
EveryPolitician, CC0), 1,385 distinct words together.

For each system the rate is given over all names, and outside the system's
``key_exceptions`` (the Cyrillic contexts its output cannot key like its
input: a letter it writes like another one, or a spelling the key reads as
another letter), with each exception's own rate: the names it covers and how
many of them keep their key all the same (the readings often pick the right
letter). ``docs/pages/readings.md`` shows the same tables, computed when the
docs are built.

``--choose`` suggests exceptions for the failures outside the documented
ones, greedily: at each step the single Cyrillic letter whose names fail most
often (at least ``MIN_SHARE`` of them and ``MIN_FAILURES`` names), until the
rate outside reaches ``TARGET`` or no letter qualifies. It prints each as a
JSON entry with a real failing name as its example; a person writes its
``why`` from the system's table and adds it to the system file. The tests
check that every exception's example still fails, so an exception the
readings have learnt to undo is noticed.

Run from the repo root: ``python benchmarks/round_trip.py [--choose]``.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from devset import read_spellings

import kznames
from kznames.translit import get_system

DATA = Path(__file__).resolve().parent / "data"
TARGET = 0.99
MIN_SHARE = 0.15
MIN_FAILURES = 3
LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"


def dev_names() -> tuple[list[str], list[str]]:
    """The distinct Cyrillic full names of the development set, and their words."""
    names = sorted({s.name for s in read_spellings() if s.script == "Cyrl"})
    words = sorted({w for name in names for w in re.findall(r"[^\s,]+", name)})
    return names, words


def real_names() -> list[str]:
    """The distinct Cyrillic place names of GeoNames and words of the development set's people."""
    places = {
        row[3]
        for line in (DATA / "geonames_kz.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#") and len(row := line.split("\t")) == 4 and row[2] == "Cyrillic"
    }
    return sorted(places | set(dev_names()[1]))


@dataclass(frozen=True)
class Exception_:
    """One documented exception of a system, measured: the names it covers and those kept."""

    pattern: str
    why: str
    covered: int
    kept: int


@dataclass(frozen=True)
class Measure:
    """A system's round trip on ``names``, in and out of its exceptions."""

    system: str
    names: int
    kept: int
    outside: int
    kept_outside: int
    exceptions: tuple[Exception_, ...]
    failing_outside: tuple[str, ...]


def keeps(names: list[str], system: str) -> dict[str, bool]:
    """Whether each name keeps its key when written in ``system``."""
    return {x: kznames.key(kznames.transliterate(x, system)) == kznames.key(x) for x in names}


def measure(system: str, names: list[str]) -> Measure:
    """The round trip of ``system`` on ``names``, inside and outside its exceptions."""
    ok = keeps(names, system)
    patterns = [(re.compile(p), p, why) for p, why in get_system(system).key_exceptions]
    covered = {p: [x for x in names if c.search(x.lower())] for c, p, _ in patterns}
    outside = _outside(system, names)
    return Measure(
        system,
        len(names),
        sum(ok.values()),
        len(outside),
        sum(ok[x] for x in outside),
        tuple(
            Exception_(p, why, len(covered[p]), sum(ok[x] for x in covered[p]))
            for _, p, why in patterns
        ),
        tuple(x for x in outside if not ok[x]),
    )


def choose(system: str, names: list[str]) -> list[tuple[str, int, int, str]]:
    """Letters to document as exceptions, greedily: (letter, failing, covered, example)."""
    ok = keeps(names, system)
    out = set(_outside(system, names))
    chosen: list[tuple[str, int, int, str]] = []
    while out and sum(ok[x] for x in out) < TARGET * len(out):
        best: tuple[float, int, str, list[str]] | None = None
        for letter in LETTERS:
            if any(c == letter for c, *_ in chosen):
                continue
            here = [x for x in out if letter in x.lower()]
            failing = [x for x in here if not ok[x]]
            share = len(failing) / len(here) if here else 0.0
            qualifies = len(failing) >= MIN_FAILURES and share >= MIN_SHARE
            if qualifies and (best is None or (share, len(failing)) > best[:2]):
                best = (share, len(failing), letter, failing)
        if best is None:
            break
        _, _, letter, failing = best
        here = [x for x in out if letter in x.lower()]
        chosen.append((letter, len(failing), len(here), failing[0]))
        out -= set(here)
    return chosen


def _outside(system: str, names: list[str]) -> list[str]:
    patterns = [re.compile(p) for p, _ in get_system(system).key_exceptions]
    return [x for x in names if not any(p.search(x.lower()) for p in patterns)]


def pct(a: int, b: int) -> str:
    return f"{a / b:.1%} ({a:,}/{b:,})" if b else "n/a"


def report(title: str, names: list[str]) -> list[Measure]:
    """Print the rate of the round-trip property on ``names``, per system and overall."""
    print(f"\nPart 2: key(transliterate(x, s)) == key(x) for the {len(names)} distinct {title}")
    print(
        f"  {'system':<20} {'lang':<4} {'holds, all names':>22} {'holds, outside exceptions':>26}"
        f"  {'in exc.':>7}"
    )
    measures = [measure(sid, names) for sid in kznames.systems()]
    for m in measures:
        print(
            f"  {m.system:<20} {get_system(m.system).language:<4} {pct(m.kept, m.names):>22}"
            f" {pct(m.kept_outside, m.outside):>26}  {m.names - m.outside:>7}"
        )
    ok, n = sum(m.kept for m in measures), sum(m.names for m in measures)
    ok_out, n_out = sum(m.kept_outside for m in measures), sum(m.outside for m in measures)
    print(f"  {'all systems':<25} {pct(ok, n):>22} {pct(ok_out, n_out):>26}  {n - n_out:>7}")
    print("  (in exc. = names in one of the system's key_exceptions contexts)")
    print("\n  Failures outside the documented exceptions (up to 3 per system, of N):")
    clean = [m.system for m in measures if not m.failing_outside]
    print(f"    none for: {', '.join(clean) or '-'}")
    for m in measures:
        if m.failing_outside:
            print(f"    {m.system} ({len(m.failing_outside)}):")
        for x in m.failing_outside[:3]:
            out = kznames.transliterate(x, m.system)
            print(f"      {x!r} -> {out!r}: key {kznames.key(x)!r} vs {kznames.key(out)!r}")
    return measures


def main() -> None:
    names = real_names()
    for m in report("real Cyrillic names", names):
        for e in m.exceptions:
            print(f"    {m.system} exception {e.pattern!r}: {pct(e.kept, e.covered)} kept")
        if "--choose" in sys.argv:
            for letter, failing, covered, example in choose(m.system, names):
                entry = json.dumps(
                    {"cyrillic": letter, "why": "", "example": example}, ensure_ascii=False
                )
                print(f"    {m.system} suggests ({failing}/{covered} fail): {entry}")


if __name__ == "__main__":
    main()

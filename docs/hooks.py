"""MkDocs hook: writes the tables of systems and folding rules from the data files.

A page asks for a table with an HTML comment on a line of its own, such as
``<!-- kznames:systems -->``; the hook replaces it with the table built from
``kznames/systems/*.json`` or ``kznames/data/folding.json`` at build time, so
the documentation cannot drift from the data.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from kznames.fold import folding_rules
from kznames.part_similarity import policy as similarity_policy
from kznames.reader import FOLD, _bits, _chunks, _conventions, policy
from kznames.translit import System, _registry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from round_trip import measure, pct, real_names

KAZAKH_LETTERS = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
RUSSIAN_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _systems_of(language: str) -> list[System]:
    return [s for s in _registry().values() if s.language == language]


def systems_table() -> str:
    """One row per system: id, name, input, description."""
    rows = [
        [f"`{s.id}`", s.name, {"kk": "Kazakh", "ru": "Russian"}[s.language], s.description]
        for s in _registry().values()
    ]
    return _table(["id", "name", "written for", "description"], rows)


def _letters_table(language: str, letters: str) -> str:
    systems = _systems_of(language)
    rows = [
        [letter.upper()] + [f"`{s.letters[letter]}`" if s.letters[letter] else "–" for s in systems]
        for letter in letters
    ]
    return _table(["letter"] + [f"`{s.id}`" for s in systems], rows)


def system_details() -> str:
    """Per system: sources, notes, context rules, samples and key exceptions."""
    parts = []
    for s in _registry().values():
        parts.append(f"### `{s.id}`: {s.name}\n\n{s.description}.\n")
        parts.append("**Sources**\n\n" + "\n".join(f"- {_cell(src)}" for src in s.source) + "\n")
        if s.notes:
            parts.append("**Notes**\n\n" + "\n".join(f"- {_cell(n)}" for n in s.notes) + "\n")
        rules = [f"- `{c}` after `{p}` → `{out}`" for (p, c), out in sorted(s.after.items())] + [
            f"- `{c}` before `{n}` → `{out}`" for (c, n), out in sorted(s.before.items())
        ]
        rules += [f"- word ending `{e}` → `{out}`" for e, out in sorted(s.endings.items())]
        if rules:
            parts.append(
                "**Context rules** (`^` is the start of a word, `$` its end)\n\n"
                + "\n".join(rules)
                + "\n"
            )
        parts.append(
            "**Samples** (run as tests)\n\n"
            + _table(["Cyrillic", "Latin"], [[a, b] for a, b in s.samples])
            + "\n"
        )
        if s.key_exceptions:
            parts.append(
                "**Where this system's output cannot share its input's key**\n\n"
                + _table(["Cyrillic context", "why"], [[f"`{p}`", w] for p, w in s.key_exceptions])
                + "\n"
            )
    return "\n".join(parts)


def folding_table() -> str:
    """One row per folding rule, in the order the key runs them."""
    rows = [
        [
            f"`{r.id}`",
            r.phase,
            r.title,
            f"{r.merges[0]} = {r.merges[1]}",
            f"{r.keeps_apart[0]} ≠ {r.keeps_apart[1]}",
            r.why,
        ]
        for r in folding_rules()
    ]
    return _table(["rule", "phase", "fold", "merges", "keeps apart", "why"], rows)


def conventions_table() -> str:
    """One row per convention the readings undo, with its cost."""
    costs = policy()["convention_cost"]
    rows = [
        [
            f"`{c.id}`",
            c.name,
            "romanization system" if c.id in _registry() else "reading only",
            f"{c.cost:g}" + ("" if c.id in costs else " (default)"),
        ]
        for c in _conventions().values()
        if c.id != FOLD
    ]
    return _table(["id", "convention", "kind", "cost (nats)"], rows)


def ambiguous_table() -> str:
    """Each Latin letter or group that conventions read as different Cyrillic."""
    chunks, _, _ = _chunks()
    rows = []
    for latin in sorted(chunks, key=lambda t: (len(t), t)):
        values: dict[str, set[str]] = {}
        for (cyrillic, _where, _cost), bits in chunks[latin].items():
            values.setdefault(cyrillic, set()).update(_bits(bits))
        if len(values) > 1:
            cells = [
                f"{c.upper() or '–'}: {', '.join(sorted(ids))}" for c, ids in sorted(values.items())
            ]
            rows.append([f"`{latin}`", "<br>".join(cells)])
    return _table(["Latin", "read as (conventions)"], rows)


def round_trip_table() -> str:
    """Per system, the round trip on real names and each documented exception's rate."""
    names = real_names()
    rows = []
    for system in _registry():
        m = measure(system, names)
        exceptions = "<br>".join(
            f"`{e.pattern}` {pct(e.kept, e.covered)}: {e.why}" for e in m.exceptions
        )
        rows.append(
            [
                f"`{system}`",
                pct(m.kept, m.names),
                pct(m.kept_outside, m.outside),
                exceptions or "none",
            ]
        )
    header = ["system", "all names", "outside exceptions", "exceptions: names kept, why"]
    return _table(header, rows)


def alternations_table() -> str:
    """Each alternation of ``data/similarity.json``: the letters, cost, reason and examples."""
    rows = [
        [
            a.label,
            " ~ ".join(f"`{form}`" for form in a.forms),
            f"{a.cost:g}",
            a.why,
            ", ".join(f"{x} / {y}" for x, y in a.examples),
        ]
        for a in similarity_policy().alternations
    ]
    return _table(["alternation", "key letters", "cost", "why", "real examples"], rows)


TABLES: dict[str, Callable[[], str]] = {
    "alternations": alternations_table,
    "round-trip": round_trip_table,
    "conventions": conventions_table,
    "ambiguous": ambiguous_table,
    "systems": systems_table,
    "kazakh-letters": lambda: _letters_table("kk", KAZAKH_LETTERS),
    "russian-letters": lambda: _letters_table("ru", RUSSIAN_LETTERS),
    "system-details": system_details,
    "folding": folding_table,
}
_MARKER = re.compile(r"^<!-- kznames:([a-z-]+) -->$", re.MULTILINE)


def on_page_markdown(markdown: str, **_: object) -> str:
    """Replace each table marker with its generated table."""
    return _MARKER.sub(lambda m: TABLES[m.group(1)](), markdown)

"""The ``kznames`` command line.

Every command reads its argument, or standard input when the argument is
``-`` or missing and input is piped, one item a line. Names go out as
tab-separated input and result so the output joins back to the input; text
given to ``translit`` goes out as text. Usage errors exit with code 2 and
one line on standard error.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from kznames.fold import key
from kznames.identifier import normalize
from kznames.match import match
from kznames.mentions import Mention, find_entities
from kznames.names import parse_name
from kznames.registry import Lookup, Registry
from kznames.translit import get_system, systems, transliterate

# Positions shown per surface form in the table; --json and --csv give them all.
_SHOWN = 5


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _lines(value: str | None, stdin: TextIO) -> Iterator[str]:
    """The argument itself, or the lines of standard input for ``-`` or none."""
    if value is not None and value != "-":
        yield value
        return
    for line in stdin:
        yield line.rstrip("\r\n")


def _names(fn: Callable[[str], str], args: argparse.Namespace, out: TextIO) -> None:
    for line in _lines(args.name, sys.stdin):
        out.write(f"{line}\t{fn(line)}\n" if args.name in (None, "-") else f"{fn(line)}\n")


def _translit(args: argparse.Namespace, out: TextIO) -> None:
    for line in _lines(args.text, sys.stdin):
        out.write(transliterate(line, args.system) + "\n")


def _systems(args: argparse.Namespace, out: TextIO) -> None:
    table = systems()
    if args.json:
        out.write(json.dumps(table, ensure_ascii=False, indent=2) + "\n")
        return
    width = max(map(len, table))
    for sid, description in table.items():
        out.write(f"{sid:<{width}}  {description}\n")


def _parse(args: argparse.Namespace, out: TextIO) -> None:
    piped = args.name in (None, "-")
    fields = ("surname", "given", "patronymic", "initials", "gender")
    for line in _lines(args.name, sys.stdin):
        p = parse_name(line)
        values = {
            "surname": p.surname or "",
            "given": " ".join(p.given),
            "patronymic": p.patronymic or "",
            "initials": " ".join(p.initials),
            "gender": p.gender or "",
        }
        if args.json:
            out.write(json.dumps({"name": line, **values}, ensure_ascii=False) + "\n")
        elif piped:
            out.write("\t".join((line, *values.values())) + "\n")
        else:
            out.write("".join(f"{f + ':':<12}{values[f]}".rstrip() + "\n" for f in fields))


def _match(args: argparse.Namespace, out: TextIO) -> None:
    m = match(args.a, args.b)
    if args.json:
        record = {
            "a": args.a,
            "b": args.b,
            "score": m.score,
            "same": m.same,
            "parts": [vars(p) for p in m.parts],
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write(m.explain() + "\n")


def _describe(found: Lookup) -> str:
    if found.entity:
        e = found.entity
        return f"{e.id}\t{e.kind}\t{e.name}\t({found.how})"
    if found.candidates:
        ids = ", ".join(c.id for c in found.candidates)
        return f"-\t\t\t({found.how}: {ids})"
    return "-\t\t\t(not found)"


def _resolve(args: argparse.Namespace, out: TextIO) -> None:
    registry = Registry.from_file(args.registry) if args.registry else Registry.default()
    piped = args.name in (None, "-")
    for line in _lines(args.name, sys.stdin):
        found = registry.lookup(line, args.kind)
        if args.json:
            record = {
                "name": line,
                "id": found.entity.id if found.entity else None,
                "how": found.how,
                "candidates": [c.id for c in found.candidates],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write((f"{line}\t" if piped else "") + _describe(found) + "\n")


def _sources(paths: list[str]) -> Iterator[tuple[str, Path | None]]:
    """``(label, path)`` for every file to read: a directory means its ``.txt`` files,
    ``-`` standard input (path ``None``)."""
    for name in paths:
        if name == "-":
            yield "-", None
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.glob("*.txt")):
                yield str(child), child
        elif path.exists():
            yield name, path
        else:
            raise ValueError(f"{name}: no such file or directory")


def _read(label: str, path: Path | None) -> str:
    if path is None:
        return sys.stdin.read()
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise ValueError(
            f"{label}: not UTF-8 text (byte {err.start}: {err.reason}); convert it to UTF-8"
        ) from None


def _extract(args: argparse.Namespace, out: TextIO) -> None:
    sources = list(_sources(args.files or ["-"]))
    show_progress = sys.stderr.isatty() and len(sources) > 1
    found: list[tuple[str, Mention]] = []
    for n, (label, path) in enumerate(sources, 1):
        if show_progress:
            sys.stderr.write(f"\rkznames extract: {n}/{len(sources)} {label[-40:]:<40}")
        found.extend((label, m) for m in find_entities(_read(label, path)))
    if show_progress:
        sys.stderr.write("\r" + " " * 70 + "\r")
    if args.csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["file", "start", "end", "text", "entity_id", "kind", "name"])
        for label, m in found:
            name = m.entity.name if m.entity else ""
            writer.writerow([label, m.start, m.end, m.text, m.entity_id, m.kind, name])
        return
    entities: dict[str, dict[str, Any]] = {}
    for label, m in found:
        entry = entities.setdefault(
            m.entity_id,
            {
                "id": m.entity_id,
                "kind": m.kind,
                "name": m.entity.name if m.entity else m.text,
                "mentions": 0,
                "forms": {},
            },
        )
        entry["mentions"] += 1
        form = entry["forms"].setdefault(m.text, {"count": 0, "positions": []})
        form["count"] += 1
        form["positions"].append({"file": label, "start": m.start, "end": m.end})
    ranked = sorted(entities.values(), key=lambda e: (-e["mentions"], e["id"]))
    if args.json:
        out.write(json.dumps(ranked, ensure_ascii=False, indent=2) + "\n")
        return
    for e in ranked:
        count = f"{e['mentions']} mention" + ("s" if e["mentions"] != 1 else "")
        out.write(f"{e['id']}  ({e['kind']}, {e['name']}): {count}\n")
        for form, seen in e["forms"].items():
            where = ", ".join(
                f"{Path(p['file']).name}:{p['start']}" for p in seen["positions"][:_SHOWN]
            )
            more = f", … {seen['count'] - _SHOWN} more" if seen["count"] > _SHOWN else ""
            out.write(f"    {form} ×{seen['count']}  [{where}{more}]\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``kznames`` command."""
    parser = _Parser(
        prog="kznames",
        description="One identity for every spelling of a Kazakh name.",
        epilog="Run 'kznames COMMAND --help' for a command's options.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    translit = commands.add_parser(
        "translit",
        help="romanize Kazakh or Russian Cyrillic text",
        description="Romanize Cyrillic text with one system; Latin text passes through.",
        epilog="Example: kznames translit --system kk-bgn-pcgn 'Қасым-Жомарт Тоқаев'",
    )
    translit.add_argument("--system", "-s", required=True, help="system id (see 'kznames systems')")
    translit.add_argument("text", nargs="?", help="text to romanize, or - for standard input")
    translit.set_defaults(run=_translit)

    for name, fn, summary in (
        ("key", key, "print the variant key of a name, shared by all its spellings"),
        ("normalize", normalize, "print the canonical identifier of a name"),
    ):
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary[0].upper()
            + summary[1:]
            + ". From standard input: one name a line; out: input, tab, result.",
            epilog=f"Example: kznames {name} 'TOKAYEV Kassym-Jomart'",
        )
        sub.add_argument("name", nargs="?", help="a name, or - for standard input")
        sub.set_defaults(run=lambda args, out, fn=fn: _names(fn, args, out))

    parse = commands.add_parser(
        "parse",
        help="split a person's name into surname, given names, patronymic, initials",
        description="Split a person's name into its parts. From standard input: one name a "
        "line; out: input and the parts, tab-separated.",
        epilog="Example: kznames parse 'TOKAYEV Kassym-Jomart Kemelevich'",
    )
    parse.add_argument("name", nargs="?", help="a name, or - for standard input")
    parse.add_argument("--json", action="store_true", help="print one JSON object a name")
    parse.set_defaults(run=_parse)

    pair = commands.add_parser(
        "match",
        help="decide whether two names are the same person, and explain why",
        description="Compare two person names part by part; print the score, the decision "
        "and the rule behind each part.",
        epilog="Example: kznames match 'Tokayev Kassym-Jomart' 'ТОҚАЕВ Қасым-Жомарт Кемелұлы'",
    )
    pair.add_argument("a", help="the first name")
    pair.add_argument("b", help="the second name")
    pair.add_argument("--json", action="store_true", help="print a JSON object")
    pair.set_defaults(run=_match)

    find = commands.add_parser(
        "resolve",
        help="find the registry entity a name refers to",
        description="Print the entity's id, kind and name, or the candidates when the name "
        "is ambiguous. From standard input: one name a line, tab-separated out.",
        epilog="Example: kznames resolve Tselinograd",
    )
    find.add_argument("name", nargs="?", help="a name, or - for standard input")
    find.add_argument("--kind", choices=("person", "place", "org"), help="only this kind")
    find.add_argument("--registry", metavar="FILE", help="a registry file (.json, .jsonl, .csv)")
    find.add_argument("--json", action="store_true", help="print one JSON object a name")
    find.set_defaults(run=_resolve)

    extract = commands.add_parser(
        "extract",
        help="find the people, places and organisations named in text files",
        description="Find every mention of a person, place or organisation in the files "
        "(a directory means its .txt files; - or nothing means standard input) and "
        "print each entity with its surface forms, counts and positions.",
        epilog="Example: kznames extract seeds/   (or --csv / --json for pipelines)",
    )
    extract.add_argument("files", nargs="*", metavar="FILE", help="text files, directories, -")
    formats = extract.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true", help="one JSON list of entities")
    formats.add_argument("--csv", action="store_true", help="one CSV row a mention")
    extract.set_defaults(run=_extract)

    listing = commands.add_parser(
        "systems", help="list the romanization systems", description="List the system ids."
    )
    listing.add_argument("--json", action="store_true", help="print a JSON object")
    listing.set_defaults(run=_systems)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    for stream in (sys.stdin, sys.stdout):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    if getattr(args, "system", None) is not None:
        try:
            get_system(args.system)
        except ValueError as error:
            parser.error(str(error))
    if getattr(args, "name", "") is None and sys.stdin.isatty():
        parser.error("give a NAME or pipe names on standard input")
    if getattr(args, "text", "") is None and sys.stdin.isatty():
        parser.error("give TEXT or pipe text on standard input")
    if args.command == "extract" and not args.files and sys.stdin.isatty():
        parser.error("give FILE or a directory, or pipe text on standard input")
    try:
        args.run(args, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix filters do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError) as error:
        # A registry file that cannot be read or is malformed: one line, exit 2.
        parser.error(str(error))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The ``kznames`` command line.

Every command reads its argument, or standard input when the argument is
``-`` or missing and input is piped, one item a line. Names go out as
tab-separated input and result so the output joins back to the input; text
given to ``translit`` goes out as text. Usage errors exit with code 2 and
one line on standard error.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any, NoReturn, TextIO

from kznames._fields import allow_fields_of
from kznames.dedupe import Deduplication, dedupe_detail
from kznames.identifier import normalize
from kznames.match import match
from kznames.mentions import Mention, find_entities
from kznames.names import parse_name
from kznames.reader import key, readings
from kznames.registry import KINDS, Lookup, Registry
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


def _readings(args: argparse.Namespace, out: TextIO) -> None:
    piped = args.name in (None, "-")
    for line in _lines(args.name, sys.stdin):
        found = readings(line)
        if args.json:
            rows = [
                {"form": r.form, "key": r.key, "conventions": list(r.conventions), "cost": r.cost}
                | {"words": [dataclasses.asdict(w) for w in r.words]}
                for r in found
            ]
            record = {"text": line, "readings": rows} if piped else rows
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif piped:
            for r in found:
                out.write(f"{line}\t{r.form}\t{r.key}\t{r.cost:.2f}\t{','.join(r.conventions)}\n")
        else:
            for r in found:
                out.write(f"{r.cost:6.2f}  {r.describe()}\n")


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
    progress = _Progress("kznames extract")
    found: list[tuple[str, Mention]] = []
    for n, (label, path) in enumerate(sources):
        if len(sources) > 1:
            progress(label[-30:], n, len(sources))
        found.extend((label, m) for m in find_entities(_read(label, path)))
    progress.close()
    if args.csv:
        writerow = _csv_writer(out, ",")
        writerow(["file", "start", "end", "text", "entity_id", "kind", "name"])
        for label, m in found:
            name = m.entity.name if m.entity else ""
            writerow([label, m.start, m.end, m.text, m.entity_id, m.kind, name])
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


class _Progress:
    """A progress bar on standard error, redrawn at most ten times a second, and only
    when standard error is a terminal, so piped and redirected output stays clean.
    Called as ``progress(stage, done, total)``; a total of 0 shows a count."""

    WIDTH = 20

    def __init__(self, label: str) -> None:
        self.label = label
        self.on = sys.stderr.isatty()
        self.shown = 0.0
        self.length = 0

    def __call__(self, stage: str, done: int, total: int = 0) -> None:
        now = time.monotonic()
        if not self.on or (done != total and now - self.shown < 0.1):
            return
        self.shown = now
        if total:
            filled = self.WIDTH * done // total
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            line = f"{self.label}: {stage} [{bar}] {100 * done // total:3d}% {done:,}/{total:,}"
        else:
            line = f"{self.label}: {stage} {done:,}"
        sys.stderr.write("\r" + line.ljust(self.length))
        sys.stderr.flush()
        self.length = len(line)

    def close(self) -> None:
        """Clear the bar's line."""
        if self.on and self.length:
            sys.stderr.write("\r" + " " * self.length + "\r")
            sys.stderr.flush()
            self.length = 0


def _table_format(path: str, given: str | None) -> str:
    if given:
        return given
    suffix = Path(path).suffix.lower()
    return {".tsv": "tsv", ".tab": "tsv", ".parquet": "parquet"}.get(suffix, "csv")


# The start of every temporary file's name.
_TEMPORARY = ".kznames-"
# What a host name may hold that a temporary file's name does not.
_NOT_IN_FILE_NAME = re.compile(r"[^A-Za-z0-9.]")


def _decoded(stream: IO[bytes], label: str) -> Iterator[str]:
    """The stream's lines as text, from its start, split at line feeds only (a carriage
    return in a quoted field stays in the field); a line that is not UTF-8 is an error
    naming it."""
    stream.seek(0)
    for number, raw in enumerate(stream, 1):
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            raise ValueError(f"{label}, line {number}: not UTF-8 text ({err.reason})") from None


def _csv_rows(
    stream: IO[bytes], label: str, delimiter: str, column: str
) -> Iterator[tuple[int, list[str], int]]:
    """``(line, row, column index)`` for the header and each data row; errors name the
    file and line. In a one-column file a blank line is a row with an empty value."""
    reader = csv.reader(_decoded(stream, label), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise ValueError(f"{label}: the file is empty; expected a header row")
        if column not in header:
            raise ValueError(
                f"{label}, line 1: no column {column!r}; the columns are {', '.join(header)}"
            )
        index = header.index(column)
        yield 1, header, index
        for row in reader:
            if not row and len(header) == 1:
                row = [""]
            if len(row) != len(header):
                raise ValueError(
                    f"{label}, line {reader.line_num}: {len(row)} fields, "
                    f"the header has {len(header)}"
                )
            yield reader.line_num, row, index
    except csv.Error as err:
        raise ValueError(f"{label}, line {reader.line_num}: {err}") from None


def _csv_writer(stream: TextIO, delimiter: str) -> Callable[[Sequence[str | int]], object]:
    """The ``writerow`` of a CSV writer that quotes every field holding a line break.

    The csv module quotes the characters of its line terminator, a line feed here, and
    would write a lone carriage return bare, where every reader ends the row; a row
    holding a carriage return is written with all its fields quoted.
    """
    minimal = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
    quoted = csv.writer(stream, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(row: Sequence[str | int]) -> object:
        carriage = any(isinstance(field, str) and "\r" in field for field in row)
        return (quoted if carriage else minimal).writerow(row)

    return writerow


def _parquet() -> Any:
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:
        raise ValueError("reading Parquet needs pyarrow: pip install 'kznames[parquet]'") from None
    return pq


@contextlib.contextmanager
def _input(name: str) -> Iterator[IO[bytes]]:
    """The table to read twice, as bytes. Standard input is first copied to a
    temporary file that has no name in any directory, so a killed run leaves none."""
    if name != "-":
        with open(name, "rb") as stream:
            yield stream
        return
    with tempfile.TemporaryFile(prefix=_TEMPORARY) as spool:
        shutil.copyfileobj(sys.stdin.buffer, spool)
        yield spool


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _temporary_prefix() -> str:
    """``.kznames-<host>-``: the start of the name of this machine's temporary output
    files, ``<host>-<pid>-<random>.tmp``, so that a run tells its own machine's from
    those of another sharing the directory, whose processes it cannot see."""
    return f"{_TEMPORARY}{_NOT_IN_FILE_NAME.sub('_', socket.gethostname())}-"


def _remove_stale(directory: Path) -> None:
    """Remove the temporary files that runs on this machine killed before they could
    clean up (SIGKILL, a power cut) left in ``directory``: those whose process is no
    longer running."""
    if os.name != "posix":
        return  # os.kill(pid, 0) would end a process on Windows, not test it
    prefix = _temporary_prefix()
    for path in directory.glob(f"{prefix}*-*.tmp"):
        pid = path.name[len(prefix) :].split("-")[0]
        if pid.isdecimal() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                path.unlink()


@contextlib.contextmanager
def _output(name: str | None, out: TextIO) -> Iterator[IO[bytes]]:
    """Where the table goes: a temporary file that, when the block ends without an
    error, replaces the output file or is copied byte for byte to standard output.

    The output path is checked before any work: a missing directory or a directory is
    an error naming it. The temporary file sits beside the target (``os.replace`` is
    atomic within one file system), named ``.kznames-<host>-<pid>-<random>.tmp``, so
    nothing half-written ever bears the output's name. It is created like any new file
    (mode ``0666`` less the umask) and takes the mode of the file it replaces; a
    symlink is followed, and the file it points to is replaced.
    """
    if name is None:
        with tempfile.TemporaryFile(prefix=_TEMPORARY) as spool:
            yield spool
            spool.seek(0)
            out.flush()
            shutil.copyfileobj(spool, out.buffer)
        return
    target = Path(os.path.realpath(name))
    if target.is_dir():
        raise ValueError(f"{name}: is a directory; -o needs a file name")
    _remove_stale(target.parent)
    temporary = target.parent / f"{_temporary_prefix()}{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        sink = open(temporary, "xb")  # noqa: SIM115 (the with below closes it)
    except OSError as err:
        raise ValueError(f"{name}: cannot write the output there ({err.strerror})") from None
    try:
        with sink:
            yield sink
            sink.flush()
            os.fsync(sink.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _dedupe(args: argparse.Namespace, out: TextIO) -> None:
    fmt = _table_format(args.file, args.format)
    if args.file != "-" and not Path(args.file).is_file():
        raise ValueError(f"{args.file}: no such file")
    if fmt == "parquet" and not args.output:
        raise ValueError("Parquet output needs a file: give -o OUT.parquet")
    label = "standard input" if args.file == "-" else args.file
    progress = _Progress("kznames dedupe")
    with _output(args.output, out) as sink, _input(args.file) as source:
        # A field can be as long as the file (its size in bytes bounds its characters).
        allow_fields_of(os.fstat(source.fileno()).st_size)
        try:
            names = _read_column(source, label, fmt, args.column, progress)
            result = dedupe_detail(names, args.kind, progress=progress)
        finally:
            progress.close()
        canonical = {c.id: c.name for c in result.clusters}
        extra = [(cid or "", canonical[cid] if cid else "") for cid in result.labels]
        _write_table(source, label, fmt, args.column, extra, sink)
    _summary(names, result)


def _read_column(
    source: IO[bytes], label: str, fmt: str, column: str, progress: _Progress
) -> list[str | None]:
    names: list[str | None] = []
    stage = f"reading {Path(label).name}"
    if fmt == "parquet":
        pq = _parquet()
        table = pq.ParquetFile(source)
        if column not in table.schema_arrow.names:
            columns = ", ".join(table.schema_arrow.names)
            raise ValueError(f"{label}: no column {column!r}; the columns are {columns}")
        for batch in table.iter_batches(columns=[column]):
            names.extend(None if v is None else str(v) for v in batch.column(0).to_pylist())
            progress(stage, len(names))
    else:
        rows = _csv_rows(source, label, "\t" if fmt == "tsv" else ",", column)
        next(rows)
        for _, row, index in rows:
            names.append(row[index] or None)
            progress(stage, len(names))
    progress(stage, len(names), len(names))
    return names


def _write_table(
    source: IO[bytes],
    label: str,
    fmt: str,
    column: str,
    extra: list[tuple[str, str]],
    sink: IO[bytes],
) -> None:
    """The input again with the two columns added."""
    if fmt == "parquet":
        pq = _parquet()
        import pyarrow as pa

        writer = None
        done = 0
        for batch in pq.ParquetFile(source).iter_batches():
            part = extra[done : done + batch.num_rows]
            done += batch.num_rows
            batch = batch.append_column("kz_cluster", pa.array([p[0] or None for p in part]))
            batch = batch.append_column("kz_canonical", pa.array([p[1] or None for p in part]))
            if writer is None:
                writer = pq.ParquetWriter(sink, batch.schema)
            writer.write_batch(batch)
        if writer is not None:
            writer.close()
        return
    delimiter = "\t" if fmt == "tsv" else ","
    text = io.TextIOWrapper(sink, encoding="utf-8", newline="")
    writerow = _csv_writer(text, delimiter)
    for k, (_, row, _) in enumerate(_csv_rows(source, label, delimiter, column)):
        writerow(row + (["kz_cluster", "kz_canonical"] if k == 0 else list(extra[k - 1])))
    text.detach()  # flushed; the sink stays open for _output


def _summary(names: list[str | None], result: Deduplication) -> None:
    # A name is present where dedupe gave it a cluster: not missing, empty or letterless.
    present = [n for n, label in zip(names, result.labels, strict=True) if label is not None]
    sizes = sorted(((len(c.members), c.id) for c in result.clusters), key=lambda x: (-x[0], x[1]))
    biggest = ", ".join(f"{cid} ({n})" for n, cid in sizes[:5])
    sys.stderr.write(
        f"kznames dedupe: {len(names):,} rows, {len(present):,} with a name, "
        f"{len(set(present)):,} distinct names, {len(result.clusters):,} clusters; "
        f"biggest: {biggest or '-'}\n"
    )


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

    read = commands.add_parser(
        "readings",
        help="show the ways a spelling can be read, the most plausible first",
        description="Show each plausible reading of a spelling: the Cyrillic form, its key, "
        "the conventions that explain it and its cost (lower is more plausible). "
        "From standard input: one name a line; out: input, form, key, cost, conventions "
        "(tab-separated, one line per reading).",
        epilog="Example: kznames readings Tokajew",
    )
    read.add_argument("name", nargs="?", help="a spelling, or - for standard input")
    read.add_argument("--json", action="store_true", help="print JSON (one line per input)")
    read.set_defaults(run=_readings)

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
    find.add_argument("--kind", choices=KINDS, help="only this kind")
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

    dedupe = commands.add_parser(
        "dedupe",
        help="group the spellings of one entity in a column of a CSV, TSV or Parquet file",
        description="Add kz_cluster (one id per person, place or organisation) and "
        "kz_canonical (its name) to every row of FILE; counts go to standard error.",
        epilog="Example: kznames dedupe people.csv --column name -o people.dedup.csv",
    )
    dedupe.add_argument("file", metavar="FILE", help="a .csv, .tsv or .parquet file, or -")
    dedupe.add_argument("--column", "-c", required=True, help="the column of names")
    dedupe.add_argument("--kind", choices=KINDS, default="person")
    dedupe.add_argument("--format", choices=("csv", "tsv", "parquet"), help="default: by suffix")
    dedupe.add_argument("--output", "-o", metavar="OUT", help="output file (default: stdout)")
    dedupe.set_defaults(run=_dedupe)

    listing = commands.add_parser(
        "systems", help="list the romanization systems", description="List the system ids."
    )
    listing.add_argument("--json", action="store_true", help="print a JSON object")
    listing.set_defaults(run=_systems)
    return parser


class _Terminated(BaseException):
    """SIGTERM, raised where the program is, so that its cleanup runs as for Ctrl-C."""


def _raise_terminated(signum: int, frame: FrameType | None) -> NoReturn:
    raise _Terminated


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """SIGTERM raises ``_Terminated`` while the block runs (in the main thread, the only
    one that may handle signals); the previous handler is put back after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Ctrl-C (SIGINT) and SIGTERM stop the command after its cleanup, with one line on
    standard error and the shell's code for the signal, 130 or 143.

    >>> main(["key", "Tokajew"])
    tokaev
    0
    """
    try:
        with _sigterm_raises():
            return _main(argv)
    except KeyboardInterrupt:
        sys.stderr.write("kznames: interrupted\n")
        return 128 + signal.SIGINT
    except _Terminated:
        sys.stderr.write("kznames: terminated\n")
        return 128 + signal.SIGTERM


def _main(argv: Sequence[str] | None) -> int:
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

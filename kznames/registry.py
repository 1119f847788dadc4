"""The registry of known entities: people, places and organisations.

An :class:`Entity` has a stable, readable id (``person:tokayev-kassym-jomart``,
``place:almaty``), a kind, a display name, its names in Kazakh Cyrillic,
Russian Cyrillic and the Latin forms in use, its names in other languages
(exonyms, each with its languages and source), its acronyms and its former
names with their years. A :class:`Registry` holds entities, reads them from JSON,
JSON Lines or CSV files (errors name the file, the line and the field), and
finds the entity a name refers to (:meth:`Registry.lookup`). The built-in
registry is read from ``data/registry/`` on first use.

Reading a file takes time linear in its size: records are split as JSON and
CSV split them (a JSON string may hold U+2028, a quoted CSV value a line
break), a field may be as long as the file, and the years of a former name
are read from the right in a few bounded steps.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kznames._check import require_iterable, require_str
from kznames._fields import allow_fields_of

KINDS = ("person", "place", "org")
_ID = re.compile(r"^(person|place|org):[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = {
    *("id", "kind", "name", "kk", "ru", "latin", "exonyms", "acronyms", "former", "type"),
    "parent",
    *("gender", "roles", "source", "geonameid", "population"),
}
_FORMER_FIELDS = ("names", "from", "to")
_EXONYM_FIELDS = ("name", "languages", "source")
# The generated file that adds exonyms to the built-in registry's entities.
EXONYMS_FILE = "exonyms.jsonl"
# The years a former name may carry: from 500, before the first written record of
# a town of today's Kazakhstan (Taraz, in 568), to 2100, so that a renaming already
# decided for a coming year can be entered. The bounds are fixed, not the current
# year, so that a file is valid or not whatever the date it is read.
FIRST_YEAR, LAST_YEAR = 500, 2100
# The other numbers (population, GeoNames id) are whole numbers of at most 18
# digits, as a signed 64-bit integer holds. A JSON number of more digits is read
# as a _LongNumber: Python refuses to read one of more than 4,300 digits, with an
# error that names neither the file nor the field.
_MAX_DIGITS = 18
_MAX_NUMBER = 10**_MAX_DIGITS - 1


@dataclass(frozen=True)
class FormerName:
    """A name an entity had, in every script given, and the years it was in use."""

    names: tuple[str, ...]
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Exonym:
    """A name of an entity in another language, the languages that write it (locale
    codes such as ``de`` or ``pt_PT``; empty when the source does not say) and where
    it comes from."""

    name: str
    languages: tuple[str, ...] = ()
    source: str | None = None


@dataclass(frozen=True)
class Entity:
    """A person, place or organisation of the registry.

    >>> e = Entity("place:almaty", "place", "Almaty", kk=("Алматы",),
    ...            former=(FormerName(("Alma-Ata", "Алма-Ата"), 1921, 1993),))
    >>> e.names()
    ('Almaty', 'Алматы', 'Alma-Ata', 'Алма-Ата')
    """

    id: str
    kind: str
    name: str
    kk: tuple[str, ...] = ()
    ru: tuple[str, ...] = ()
    latin: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    former: tuple[FormerName, ...] = ()
    exonyms: tuple[Exonym, ...] = ()
    type: str | None = None
    parent: str | None = None
    gender: str | None = None
    roles: tuple[str, ...] = ()
    source: str | None = None
    geonameid: int | None = None
    population: int | None = field(default=None, compare=False)

    def current_names(self) -> tuple[str, ...]:
        """The display name, the Kazakh, Russian and Latin names, then the exonyms,
        without repeats."""
        exonyms = (e.name for e in self.exonyms)
        return tuple(dict.fromkeys((self.name, *self.kk, *self.ru, *self.latin, *exonyms)))

    def former_names(self) -> tuple[str, ...]:
        """Every former name, in every script, without repeats."""
        return tuple(dict.fromkeys(n for f in self.former for n in f.names))

    def names(self) -> tuple[str, ...]:
        """Every name: current names, acronyms, then former names, without repeats."""
        return tuple(dict.fromkeys((*self.current_names(), *self.acronyms, *self.former_names())))


def _problem(origin: str, line: int | None, message: str) -> ValueError:
    where = f"{origin}, line {line}" if line is not None else origin
    return ValueError(f"{where}: {message}")


class _LongNumber:
    """A JSON whole number of more than :data:`_MAX_DIGITS` digits, which no field takes."""


def _json_int(digits: str) -> int | _LongNumber:
    return int(digits) if len(digits.lstrip("-")) <= _MAX_DIGITS else _LongNumber()


def _shown(value: object) -> str:
    """A wrong value as an error message shows it: short, and never thousands of digits."""
    if isinstance(value, str):
        return repr(value) if len(value) <= 20 else f"a text of {len(value)} characters"
    if isinstance(value, (int, _LongNumber)) and not isinstance(value, bool):
        if isinstance(value, int) and abs(value) <= _MAX_NUMBER:
            return str(value)
        return f"a number of more than {_MAX_DIGITS} digits"
    return str(value) if isinstance(value, float) else f"a {type(value).__name__}"


def _number(value: Any, name: str, what: str, low: int, high: int) -> int | None:
    """``value`` if it is a whole number from ``low`` to ``high``; ``None`` for null or empty."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, _LongNumber)):
        raise TypeError(f"{name!r} must be {what} from {low} to {high}, got {_shown(value)}")
    if isinstance(value, _LongNumber) or not low <= value <= high:
        raise ValueError(f"{name!r} must be {what} from {low} to {high}, got {_shown(value)}")
    return value


def _each(values: object, name: str, kind: type, what: str) -> Iterator[Any]:
    """The items of ``values``; a ``TypeError`` naming ``name`` unless it is an iterable
    (not a text or a mapping) of ``kind``."""
    for position, item in enumerate(require_iterable(values, name, what)):
        if not isinstance(item, kind):
            raise TypeError(
                f"{name} must hold only {what}; item {position} is of type {type(item).__name__}"
            )
        yield item


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split("|") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise TypeError(f"{name!r} must be a list of strings or a '|'-separated string")


def _decimals_before(text: str, end: int) -> int:
    """Where the run of decimal digits that ends at ``end`` starts, looking back 5 at most
    (a year has 3 or 4: a longer run is none)."""
    start = end
    while start > max(end - 5, 0) and text[start - 1].isdecimal():
        start -= 1
    return start


def _years(text: str) -> tuple[str, int | None, int | None]:
    """The names and years of a former name written ``Alma-Ata|Алма-Ата 1921-1993``
    (or ``… -1921``, ``… 1921-``); a text that does not end so is all names.

    The ending is ``\\s+(\\d{3,4})?\\s*-\\s*(\\d{3,4})?``, taken as long as it can be
    (``\\s`` is ``str.isspace``, ``\\d`` ``str.isdecimal``, as in ``re``). It is read from
    the right in bounded steps and ``rstrip`` calls, so the time is linear: the regular
    expression it replaces (``^(.*?)`` and that ending) was cubic in a run of spaces.

    >>> _years("Verny|Верный -1921")
    ('Verny|Верный', None, 1921)
    """
    whole = (text, None, None)
    end_year = _decimals_before(text, len(text))
    if len(text) - end_year not in (0, 3, 4):
        return whole
    dash = len(text[:end_year].rstrip()) - 1
    if dash < 0 or text[dash] != "-":
        return whole
    before_dash = len(text[:dash].rstrip())
    start_year = _decimals_before(text, before_dash)
    names_end = len(text[:start_year].rstrip())
    if before_dash - start_year not in (3, 4) or names_end == start_year:
        # No start year: the ending is the spaces before the dash, which it needs.
        start_year = names_end = before_dash
        if before_dash == dash:
            return whole
    start, end = text[start_year:before_dash], text[end_year:]
    return text[:names_end], int(start) if start else None, int(end) if end else None


def _former_name(
    names: tuple[str, ...], start: Any, end: Any, fields: tuple[str, str]
) -> FormerName:
    """A former name whose years are in range and run forwards; errors name ``fields``."""
    first = _number(start, fields[0], "a year", FIRST_YEAR, LAST_YEAR)
    last = _number(end, fields[1], "a year", FIRST_YEAR, LAST_YEAR)
    if first is not None and last is not None and first > last:
        raise ValueError(f"'former' years run backwards: {first} to {last}")
    return FormerName(names, first, last)


def _former(value: Any) -> tuple[FormerName, ...]:
    """Former names from a list of objects, or from text: ``Alma-Ata|Алма-Ата 1921-1993; ...``."""
    if isinstance(value, str):
        out = []
        for item in filter(None, (v.strip() for v in value.split(";"))):
            written, start, end = _years(item)
            names = _strings(written, "former")
            out.append(_former_name(names, start, end, ("former", "former")))
        return tuple(out)
    if not isinstance(value, list):
        raise TypeError("'former' must be a list of {names, from, to} objects")
    former = []
    for item in value:
        if not isinstance(item, dict) or "names" not in item:
            raise TypeError("each 'former' entry must be an object with 'names'")
        unknown = sorted(set(item) - set(_FORMER_FIELDS))
        if unknown:
            raise ValueError(
                f"unknown field(s) of a 'former' entry: {', '.join(map(repr, unknown))}"
            )
        names = _strings(item["names"], "former names")
        former.append(_former_name(names, item.get("from"), item.get("to"), ("from", "to")))
    return tuple(former)


def _exonyms(value: Any) -> tuple[Exonym, ...]:
    """Exonyms from a list of names or of ``{name, languages, source}`` objects, or from
    text: ``Kasachstan|Kazajistán`` (names only)."""
    if isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    ):
        return tuple(Exonym(name) for name in _strings(value, "exonyms"))
    if not isinstance(value, list):
        raise TypeError("'exonyms' must be a list of names or of {name, languages, source} objects")
    out = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise TypeError("each 'exonyms' entry must be a name or an object with a 'name'")
        unknown = sorted(set(item) - set(_EXONYM_FIELDS))
        if unknown:
            raise ValueError(
                f"unknown field(s) of an 'exonyms' entry: {', '.join(map(repr, unknown))}"
            )
        source = item.get("source")
        if source is not None and not isinstance(source, str):
            raise TypeError("the 'source' of an 'exonyms' entry must be a string")
        languages = _strings(item.get("languages") or [], "exonym languages")
        if item["name"].strip():
            out.append(Exonym(item["name"].strip(), languages, source or None))
    return tuple(out)


def entity_from_record(record: Mapping[str, Any]) -> Entity:
    """Build an entity from one record (a parsed JSON object or CSV row).

    Lists may be JSON lists or ``|``-separated strings; ``former`` a list of
    ``{"names": [...], "from": year, "to": year}`` or the text
    ``Alma-Ata|Алма-Ата 1921-1993; Verny|Верный -1921``; ``exonyms`` a list of
    names or of ``{"name": ..., "languages": [...], "source": ...}`` objects.

    >>> entity_from_record({"id": "org:cec", "kind": "org", "name": "CEC",
    ...                     "acronyms": "ЦИК|ОСК"}).acronyms
    ('ЦИК', 'ОСК')

    Raises ``ValueError`` or ``TypeError`` naming the field that is wrong.
    """
    if not isinstance(record, Mapping):
        raise TypeError(f"record must be a mapping, got {type(record).__name__}")
    unknown = sorted(set(record) - _FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(map(repr, unknown))}")
    for required in ("id", "kind", "name"):
        if not isinstance(record.get(required), str) or not record[required].strip():
            raise ValueError(f"{required!r} is required and must be a non-empty string")
    entity_id, kind = record["id"].strip(), record["kind"].strip()
    if kind not in KINDS:
        raise ValueError(f"'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
    if not _ID.match(entity_id) or not entity_id.startswith(kind + ":"):
        raise ValueError(f"'id' must look like '{kind}:lowercase-ascii-words', got {entity_id!r}")

    def text(name: str) -> str | None:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name!r} must be a string")
        return value.strip() or None if value else None

    def number(name: str) -> int | None:
        value = record.get(name)
        if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
            value = _json_int(value.strip())  # CSV: text of digits, read as JSON reads them
        return _number(value, name, "a whole number", 0, _MAX_NUMBER)

    def strings(name: str) -> tuple[str, ...]:
        return _strings(record.get(name) or [], name)

    return Entity(
        id=entity_id,
        kind=kind,
        name=record["name"].strip(),
        kk=strings("kk"),
        ru=strings("ru"),
        latin=strings("latin"),
        acronyms=strings("acronyms"),
        former=_former(record.get("former") or []),
        exonyms=_exonyms(record.get("exonyms") or []),
        type=text("type"),
        parent=text("parent"),
        gender=text("gender"),
        roles=strings("roles"),
        source=text("source"),
        geonameid=number("geonameid"),
        population=number("population"),
    )


_DECODER = json.JSONDecoder(parse_int=_json_int)
_JSON_SPACE = " \t\r\n"
_BETWEEN_RECORDS = re.compile(r"[ \t\r\n,]*")


def _json_value(text: str, pos: int, line: int, origin: str) -> tuple[Any, int]:
    """The JSON value that starts at ``pos`` of ``text`` (on ``line``), and where it ends."""
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as err:
        line += text.count("\n", pos, err.pos)
        raise _problem(origin, line, f"invalid JSON: {err.msg}") from None
    except RecursionError:
        raise _problem(origin, line, "invalid JSON: nested too deeply to read") from None


def _json_records(text: str, origin: str) -> Iterator[tuple[int, Any]]:
    """``(line, record)`` for a JSON array of objects or for JSON Lines.

    JSON Lines are split at ``\\n`` only: a JSON string may hold U+2028 or U+0085,
    which ``str.splitlines`` would split at. Lines are counted in one pass.
    """
    stripped = text.lstrip(_JSON_SPACE)
    if not stripped.startswith("["):
        for line, row in enumerate(text.split("\n"), 1):
            start = len(row) - len(row.lstrip(_JSON_SPACE))
            if start < len(row):
                record, end = _json_value(row, start, line, origin)
                if row[end:].strip(_JSON_SPACE):
                    raise _problem(origin, line, "invalid JSON: extra data after the record")
                yield line, record
        return
    pos, line, counted = len(text) - len(stripped) + 1, 1, 0
    while True:
        pos = _BETWEEN_RECORDS.match(text, pos).end()  # type: ignore[union-attr]
        line += text.count("\n", counted, pos)
        counted = pos
        if pos == len(text):
            raise _problem(origin, line, "the JSON array is not closed")
        if text[pos] == "]":
            rest = text[pos + 1 :].lstrip(_JSON_SPACE)
            if rest:
                line += text.count("\n", pos, len(text) - len(rest))
                raise _problem(origin, line, "text after the end of the JSON array")
            return
        record, pos = _json_value(text, pos, line, origin)
        yield line, record


def _csv_records(text: str, delimiter: str, origin: str) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line, record)`` for each row of CSV or TSV text with a header row.

    The csv module reads the text whole, so a quoted value keeps its line breaks and
    the line of a record is where it starts. A row with more fields than the header,
    a header naming a field twice, and a quote that the csv module would drop or
    leave open are errors: each would lose or alter a value.
    """
    allow_fields_of(len(text))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    read = 0  # the lines read: the next record starts on the line after
    try:
        header = next(reader, [])
        read = reader.line_num
        twice = sorted(f for f, n in Counter(header).items() if n > 1)
        if twice:
            raise _problem(origin, 1, f"the header names {', '.join(map(repr, twice))} twice")
        for row in reader:
            if len(row) > len(header):
                message = f"{len(row)} fields, the header has {len(header)}"
                raise _problem(origin, read + 1, message)
            if row:  # not a blank line; a short row leaves the last fields empty
                yield read + 1, {k: v for k, v in zip(header, row, strict=False) if v}
            read = reader.line_num
    except csv.Error as err:
        raise _problem(origin, read + 1, str(err)) from None


class Registry:
    """A set of entities with unique ids, and the index that finds them by name.

    >>> reg = Registry([Entity("place:oral", "place", "Oral", ru=("Уральск",))])
    >>> reg.lookup("Уральск").entity.id
    'place:oral'
    >>> len(reg), "place:oral" in reg
    (1, True)

    Raises ``ValueError`` if two entities claim one id, and ``TypeError`` if
    ``entities`` is not an iterable of :class:`Entity` or ``origin`` (the name
    errors give the entities' source) not a ``str``.
    """

    def __init__(self, entities: Iterable[Entity] = (), origin: str = "code") -> None:
        require_str(origin, "origin")
        checked = _each(entities, "entities", Entity, "Entity objects")
        self._entities = _by_id(((None, entity) for entity in checked), origin)
        self._index: Any = None

    @classmethod
    def _read(cls, rows: Iterable[tuple[int | None, Any]], origin: str) -> Registry:
        """A registry of the records ``rows`` gives with their lines; errors name both."""
        registry = cls(origin=origin)
        registry._entities = _by_id(_entities(rows, origin), origin)
        return registry

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]], origin: str = "code") -> Registry:
        """A registry from records as :func:`entity_from_record` reads them.

        >>> Registry.from_records([{"id": "org:cec", "kind": "org", "name": "CEC"}])["org:cec"].name
        'CEC'

        A record that is wrong raises ``ValueError`` naming ``origin``; ``records``
        that is not an iterable of mappings raises ``TypeError``.
        """
        require_str(origin, "origin")
        checked = _each(records, "records", Mapping, "mappings")
        return cls._read(((None, record) for record in checked), origin)

    @classmethod
    def from_file(cls, path: str | Path) -> Registry:
        """A registry from a ``.json`` (array), ``.jsonl``, ``.csv`` or ``.tsv`` file.

        CSV and TSV files have a header row with the field names (``id``,
        ``kind``, ``name`` and any of ``kk``, ``ru``, ``latin``, ``acronyms``,
        ``former``, ``type``, ``parent``, ``gender``, ``roles``, ``source``);
        list fields are ``|``-separated; a value may hold line breaks (quoted)
        and be as long as the file (the csv module's process-wide field size
        limit is raised to the file's length, never lowered). A malformed file
        raises ``ValueError`` naming the file, the line and the problem; a file
        that cannot be read raises ``OSError`` (``FileNotFoundError`` for a
        missing one) naming it.
        """
        if not isinstance(path, (str, Path)):
            raise TypeError(f"path must be a str or Path, got {type(path).__name__}")
        path = Path(path)
        origin = str(path)
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".tsv", ".json", ".jsonl", ".ndjson"):
            raise ValueError(f"{path}: expected a .json, .jsonl, .csv or .tsv file")
        try:
            data = path.read_bytes()
        except OSError as err:
            reason = err.strerror or str(err)
            problem = type(err)(f"{path}: {reason[:1].lower()}{reason[1:]}")
            problem.errno = err.errno
            raise problem from None
        body = data.removeprefix(codecs.BOM_UTF8)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as err:
            line = body.count(b"\n", 0, err.start) + 1
            raise _problem(origin, line, f"not UTF-8 text ({err.reason})") from None
        if suffix in (".csv", ".tsv"):
            rows = _csv_records(text, "\t" if suffix == ".tsv" else ",", origin)
        else:
            rows = _json_records(text, origin)
        return cls._read(rows, origin)

    @classmethod
    def default(cls) -> Registry:
        """The built-in registry (read from ``data/registry/`` on first use)."""
        return _default()

    def extended(self, entities: Iterable[Entity]) -> Registry:
        """A new registry with these entities added; an id already here is an error.

        >>> len(Registry().extended([Entity("org:cec", "org", "CEC")]))
        1
        """
        return Registry(
            itertools.chain(self, _each(entities, "entities", Entity, "Entity objects"))
        )

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities.values())

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def __getitem__(self, entity_id: str) -> Entity:
        return self._entities[entity_id]

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or ``None``."""
        return self._entities.get(entity_id)

    def lookup(self, name: str, kind: str | None = None) -> Lookup:
        """Find the entity ``name`` refers to; see :func:`kznames.resolve`."""
        from kznames.resolve import lookup

        return lookup(self, name, kind)


def _entities(
    rows: Iterable[tuple[int | None, Any]], origin: str
) -> Iterator[tuple[int | None, Entity]]:
    """``(line, entity)`` for each ``(line, record)``; an error names the origin and line."""
    for line, record in rows:
        try:
            entity = entity_from_record(record)
        except (TypeError, ValueError) as err:
            raise _problem(origin, line, str(err)) from None
        yield line, entity


def _by_id(entities: Iterable[tuple[int | None, Entity]], origin: str) -> dict[str, Entity]:
    """The entities by id; an id claimed twice is an error naming both lines."""
    by_id: dict[str, Entity] = {}
    lines: dict[str, int | None] = {}
    for line, entity in entities:
        if entity.id in by_id:
            first = lines[entity.id]
            also = f" (first on line {first})" if first is not None else ""
            raise _problem(origin, line, f"entity id {entity.id!r} is claimed twice{also}")
        by_id[entity.id] = entity
        lines[entity.id] = line
    return by_id


@dataclass(frozen=True)
class Lookup:
    """What a name resolved to: the entity, or ``None`` with the candidates
    when several are equally close, and how it was found."""

    name: str
    entity: Entity | None
    candidates: tuple[Entity, ...]
    how: str


def _with_exonyms(
    entities: dict[str, Entity], rows: Iterable[tuple[int | None, Any]], origin: str
) -> None:
    """Add to ``entities`` the exonyms of records ``{"id": ..., "exonyms": [...]}``;
    an error names the origin and line of a record that is wrong or names no entity."""
    for line, record in rows:
        try:
            if not isinstance(record, dict) or set(record) != {"id", "exonyms"}:
                raise ValueError("a record must have the fields 'id' and 'exonyms' only")
            entity = entities.get(record["id"])
            if entity is None:
                raise ValueError(f"no entity has the id {_shown(record['id'])}")
            added = _exonyms(record["exonyms"])
        except (TypeError, ValueError) as err:
            raise _problem(origin, line, str(err)) from None
        entities[entity.id] = replace(entity, exonyms=entity.exonyms + added)


@cache
def _default() -> Registry:
    folder = resources.files("kznames") / "data" / "registry"
    entities: list[Entity] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".jsonl") and item.name != EXONYMS_FILE:
            text = item.read_text(encoding="utf-8")
            origin = f"kznames/data/registry/{item.name}"
            entities.extend(Registry._read(_json_records(text, origin), origin))
    registry = Registry(entities, "kznames/data/registry")
    origin = f"kznames/data/registry/{EXONYMS_FILE}"
    text = (folder / EXONYMS_FILE).read_text(encoding="utf-8")
    _with_exonyms(registry._entities, _json_records(text, origin), origin)
    return registry


def require_registry(registry: Registry | None) -> Registry:
    """``registry``, or the built-in one for ``None``; a clear error for anything else."""
    if registry is None:
        return Registry.default()
    if not isinstance(registry, Registry):
        raise TypeError(
            f"registry must be a kznames.Registry or None, got {type(registry).__name__}"
        )
    return registry


def require_kind(kind: str | None) -> str | None:
    """``kind`` if it is ``None`` or one of :data:`KINDS`, else a clear error."""
    if kind is not None:
        require_str(kind, "kind")
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)} or None, got {kind!r}")
    return kind

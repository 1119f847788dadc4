"""``resolve()``: the registry entity a name refers to, or ``None``.

A name is looked up in tiers, closest first; the first tier with a hit
decides:

0. a current name or acronym of an entity, compared on variant keys in any
   word order (``Tokayev Kassym-Jomart``, ``ЦИК``, ``Almaty``);
1. a former name (``Alma-Ata``, ``Tselinograd``);
2. a person's name by its parts, through :func:`kznames.match`
   (``K. Tokayev``, ``President Tokayev``, ``Қ.Тоқаев``);
3. to 5. the same three after removing a Russian or Kazakh case ending
   (``Токаевым``, ``Алматыда``, ``Тоқаевқа``, ``Астане``) or a German
   genitive ``-s`` (``Kasachstans``);
6. to 8. for a person, the other readings of the spelling (``Nasarbajew``);
9. to 11. for a person, the other form of the surname (``Нигматуллин`` for
   ``Нығматулин``, ``Султанбаев`` for ``Сұлтанбай``): the registry's surnames
   with the same skeleton (:func:`kznames.part_similarity.skeleton`), each
   person checked by :func:`kznames.match`, which compares the parts with
   :func:`kznames.similarity`. Persons scoring within ``resolve_margin``
   (``data/similarity.json``) of the best are as close: the name is then
   ambiguous, never a guess.

A French or Italian elided article or preposition before a capital
(``d'Aktau``, ``d’Astana``) is not part of the name: a name that finds
nothing as written is looked up without it.

A given name alone (``Darigha``) is not enough: it would be a guess.

Names are compared without the linking words ``of``, ``the``, ``and`` (and
their Russian ``и``, ``по``, ``в``), so ``Kazakhstan's Democratic Choice`` is
``Democratic Choice of Kazakhstan``.

Within the deciding tier, a place that is a country, region or city outranks
a town, and a town a village or an unclassified settlement; a current and a
former name count as equally close, so the city Taraz (``Dzhambul`` until
1993) outranks two villages called Dzhambul today, and between entities
equally prominent the current name wins. Prominence only ranks places among
themselves: the party Alga and the town Alga are equally close. If more than one
entity is left, the name is ambiguous: the lookup gives no entity and lists
the candidates. Endings are in ``data/inflection.json``.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from kznames._check import require_str
from kznames._text import has_cyrillic
from kznames.match import _Reading, best_reading, readings
from kznames.names import surname_ending, word_part_key
from kznames.part_similarity import policy as similarity_policy
from kznames.part_similarity import skeleton
from kznames.reader import key
from kznames.reader import readings as text_readings
from kznames.registry import Entity, Lookup, Registry, require_kind, require_registry

MAX_WORDS = 16
MAX_INFLECTED_WORDS = 3
_PROMINENCE = {"country": 0, "region": 0, "city": 0, "town": 1, "district": 1}
_TIERS = ("name", "former name", "person's name")
# The searches a tier belongs to: the name as written, its inflections
# removed, another reading of its spelling, the other form of a surname.
_GROUPS = ("", "inflected ", "another reading: ", "the other form of a surname: ")
# Words left out of the form keys, so word order and linking words do not
# matter: "Kazakhstan's Democratic Choice" = "Democratic Choice of Kazakhstan".
_LINKING_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "i", "po", "v"})


@cache
def _endings() -> Mapping[str, Any]:
    path = resources.files("kznames") / "data" / "inflection.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# The languages find_entities() and lookup() can be told, and the case
# endings each removes: None reads the script (Kazakh endings from any word,
# Russian ones from Cyrillic words, the German genitive from Latin words);
# German removes its genitive from a Latin word, the other Western languages
# no ending.
LANGUAGES = ("en", "ru", "kk", "de", "fr", "es", "nl")
_ENDING_GROUPS = ("kazakh", "russian", "german")


def _ending_groups(cyrillic: bool, lang: str | None) -> tuple[str, ...]:
    if lang == "kk":
        return ("kazakh",)
    if lang == "ru":
        return ("russian",) if cyrillic else ()
    if lang == "de" and not cyrillic:
        return ("german",)
    if lang is not None and not cyrillic:
        return ()
    return ("kazakh", "russian") if cyrillic else ("kazakh", "german")


@cache
def _elision() -> re.Pattern[str]:
    elided = "|".join(sorted(map(re.escape, _endings()["elision"]), key=len, reverse=True))
    return re.compile(rf"(?:{elided})['’ʼ](?=[^\W\d_])", re.IGNORECASE)


def elision_end(word: str) -> int:
    """Where the name starts in ``word`` after an elided French or Italian article or
    preposition (``d'``, ``l'``, ``dell'``; ``data/inflection.json``) that a capital
    follows; 0 when there is none. A small letter after the apostrophe is a soft sign
    romanized so (``D'yachenko``), not an elision.

    >>> elision_end("d’Astana"), elision_end("D'yachenko")
    (2, 0)
    """
    found = _elision().match(word)
    return found.end() if found and word[found.end()].isupper() else 0


def _without_elisions(name: str) -> str:
    """``name`` without the elided articles and prepositions before its words."""
    return re.sub(r"\S+", lambda m: m.group()[elision_end(m.group()) :], name)


def base_forms(
    word_key: str, cyrillic: bool, lang: str | None = None, genitive: bool = True
) -> list[str]:
    """The word's key without a case ending: ``tokaevym`` -> ``[tokaev]``.

    Kazakh endings are removed from any script (Kazakh is written in Latin
    too); Russian endings only from Cyrillic, since English does not inflect
    and a Latin ``Nazarbayeva`` is a woman, not a genitive; the German genitive
    ``-s`` (``Kasachstans``) only from Latin. A ``lang`` of :data:`LANGUAGES`
    narrows this: ``"ru"`` removes Russian endings only, ``"kk"`` Kazakh ones
    only, ``"de"`` the German genitive only, another Western language none
    from a Latin word. With ``genitive`` false the German genitive is not removed.

    Every reading is returned; the registry decides which one is a name:

    >>> base_forms("almatyda", cyrillic=True)
    ['almaty', 'almatyd']
    >>> base_forms("nazarbaeva", cyrillic=False)
    []
    >>> base_forms("almatys", cyrillic=False)
    ['almaty']
    """
    minimum, longest = _endings()["minimum_stem"], _longest_ending()
    out: list[str] = []
    for group in _ending_groups(cyrillic, lang):
        if group == "german" and not genitive:
            continue
        table = _endings()[group]
        for length in range(1, min(longest, len(word_key) - minimum) + 1):
            bases = table.get(word_key[-length:])
            if bases:
                stem = word_key[:-length]
                out.extend(stem + b for b in bases if stem + b not in out)
    return out


@cache
def _longest_ending() -> int:
    return max(len(e) for group in _ENDING_GROUPS for e in _endings()[group])


@dataclass
class _Index:
    forms: dict[str, set[tuple[int, str]]]
    # Every word of a name form, every surname, and the linking words, as keys.
    words: frozenset[str]
    surnames: dict[str, set[str]]
    person_forms: dict[str, tuple[list[_Reading], ...]]
    # Form keys of names written with a possessive ("Kazakhstan's Democratic Choice").
    possessive: frozenset[str]
    # One-word names of the most prominent places (country, regions, cities) -> ids,
    # for one-letter misspellings. Not their exonyms: a misspelt foreign name is rare,
    # and each name costs time for every capitalised word nothing else claims.
    prominent: dict[str, set[str]]
    # A person's first given name -> (id, the stem of their surname: nazarba for both
    # nazarbaev and nazarbaeva), for a given name used alone in a text about the family.
    given: dict[str, set[tuple[str, str]]]
    # The words of names and the surnames, without the linking words.
    name_words: frozenset[str]
    # The skeleton of each surname key (kznames.part_similarity.skeleton) ->
    # the surname keys: Нигматуллин finds Нығматулин, Султанбаев Сұлтанбай.
    skeletons: dict[str, set[str]]


def _form_key(name: str) -> str:
    return " ".join(sorted(w for w in key(name).split() if w not in _LINKING_WORDS))


def _person_forms(entity: Entity) -> tuple[str, ...]:
    """The entity's names written ``Surname, Given Patronymic``, so parsing is certain."""
    out = []
    for name in (*entity.kk, *entity.ru):
        words = name.split()
        out.append(f"{words[0]}, {' '.join(words[1:])}" if len(words) > 1 else name)
    for name in (entity.name, *entity.latin):
        words = name.split()
        out.append(f"{words[-1]}, {' '.join(words[:-1])}" if len(words) > 1 else name)
    return tuple(dict.fromkeys(out))


def _build(registry: Registry) -> _Index:
    forms: dict[str, set[tuple[int, str]]] = defaultdict(set)
    surnames: dict[str, set[str]] = defaultdict(set)
    person_forms: dict[str, tuple[list[_Reading], ...]] = {}
    for entity in registry:
        for name in (*entity.current_names(), *entity.acronyms):
            forms[_form_key(name)].add((0, entity.id))
        for name in entity.former_names():
            forms[_form_key(name)].add((1, entity.id))
        if entity.kind == "person":
            forms_written = _person_forms(entity)
            person_forms[entity.id] = tuple(readings(form) for form in forms_written)
            for form in forms_written:
                surnames[key(form.split(",")[0]).replace(" ", "")].add(entity.id)
    forms.pop("", None)
    words = frozenset(w for form in forms for w in form.split()) | _LINKING_WORDS | set(surnames)
    possessive = frozenset(
        _form_key(name)
        for entity in registry
        for name in entity.names()
        if _POSSESSIVE_WORD.search(name)
    )
    prominent: dict[str, set[str]] = defaultdict(set)
    for entity in registry:
        if entity.kind == "place" and _prominence(entity) == 0:
            exonyms = {e.name for e in entity.exonyms}
            for name in (n for n in entity.names() if n not in exonyms):
                if len(name_key := key(name).split()) == 1:
                    prominent[name_key[0]].add(entity.id)
    skeletons: dict[str, set[str]] = defaultdict(set)
    for surname in surnames:
        skeletons[skeleton(surname)].add(surname)
    given: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for entity_id, readings_of_forms in person_forms.items():
        for reading in (r for rs in readings_of_forms for r in rs[:1]):
            if reading.given and reading.surname:
                stem = surname_ending(reading.surname)[0]
                given["".join(reading.given[0])].add((entity_id, stem))
    return _Index(
        dict(forms),
        words,
        dict(surnames),
        person_forms,
        possessive,
        dict(prominent),
        dict(given),
        words - _LINKING_WORDS,
        skeletons,
    )


def _index(registry: Registry) -> _Index:
    if registry._index is None:
        registry._index = _build(registry)
    index: _Index = registry._index
    return index


_WORD_SPLIT = re.compile(r"[\s,.;:/()\[\]]+")
# A word with an English possessive: "Kazakhstan's Democratic Choice".
_POSSESSIVE_WORD = re.compile(r"\w['’ʼ]s\b")


def has_registry_word(registry: Registry, text: str) -> bool:
    """Whether a word of ``text``, keyed alone, is a word of a name in ``registry``
    (the linking words aside). :func:`kznames.dedupe` looks a name up only when
    this holds: a name none of whose words the registry knows cannot resolve,
    and most names of a large list are of this kind."""
    words = _index(registry).name_words
    for token in _WORD_SPLIT.split(text):
        token_key = word_part_key(token) if token else ""
        if token_key.replace(" ", "") in words or not words.isdisjoint(token_key.split()):
            return True
    return False


def _person_hits(index: _Index, query: str, surname_keys: list[str]) -> dict[str, float]:
    """Persons whose surname key is one of ``surname_keys`` and whom ``match`` accepts:
    the best score over their forms."""
    hits: dict[str, float] = {}
    query_readings = readings(query)
    for surname in surname_keys:
        for entity_id in sorted(index.surnames.get(surname, ())):
            for form in index.person_forms[entity_id]:
                (score, same), _, _ = best_reading(query_readings, form)
                if same:
                    hits[entity_id] = max(hits.get(entity_id, 0.0), score)
    return hits


def closest(scores: Mapping[str, float]) -> tuple[float, list[str]]:
    """The best of ``scores`` (ids of people found through the other form of a name)
    and, sorted, the ids that score within the similarity policy's ``resolve_margin``
    (``data/similarity.json``) of it: as close as the best, so that more than one
    means the name is ambiguous between them. :func:`lookup` and
    :func:`kznames.find_entities` decide so.

    >>> closest({"a": 0.9, "b": 0.88, "c": 0.7})
    (0.9, ['a', 'b'])
    """
    best = max(scores.values(), default=0.0)
    margin = similarity_policy().resolve_margin
    return best, sorted(i for i, score in scores.items() if best - score < margin)


def _prominence(place: Entity) -> int:
    return _PROMINENCE.get(place.type or "", 2)


def _decide(registry: Registry, name: str, ranked: list[tuple[int, float, str]]) -> Lookup:
    """The entity of the closest tier, or the candidates when several are as close.

    A current and a former name are equally close. Among places, only the
    most prominent stay (the city Taraz, once Dzhambul, over two villages
    called Dzhambul today); then the current name wins over a former one and
    a higher score over a lower. People and organisations have no prominence:
    a party and a village of one name are equally close.
    """
    best_tier = min(t for t, _, _ in ranked)
    group, tier = divmod(best_tier, len(_TIERS))
    tiers = {best_tier} if tier == 2 else {group * len(_TIERS), group * len(_TIERS) + 1}
    closeness: dict[str, tuple[int, float]] = {}
    for t, score, entity_id in ranked:
        if t in tiers:
            closeness[entity_id] = min(closeness.get(entity_id, (t, -score)), (t, -score))
    places = [i for i in closeness if registry[i].kind == "place"]
    if places:
        top = min(_prominence(registry[i]) for i in places)
        for i in places:
            if _prominence(registry[i]) > top:
                del closeness[i]
    nearest = min(closeness.values())
    entities = tuple(registry[i] for i in sorted(closeness) if closeness[i] == nearest)
    how = _GROUPS[group] + _TIERS[nearest[0] % len(_TIERS)]
    if len(entities) == 1:
        return Lookup(name, entities[0], entities, how)
    return Lookup(name, None, entities, f"ambiguous: {len(entities)} entities by {how}")


def lookup(
    registry: Registry,
    name: str,
    kind: str | None = None,
    name_key: str | None = None,
    lang: str | None = None,
    inflected: bool = True,
) -> Lookup:
    """Find the entity ``name`` refers to in ``registry`` (see the module docs).

    ``name_key`` is ``key(name)`` when the caller has it already; ``lang``
    chooses the case endings removed (see :func:`base_forms`); with
    ``inflected`` false no ending is removed, as for a column of names in
    the nominative, where ``Ахметова`` is a woman, not the genitive of
    ``Ахметов``.
    """
    require_str(name, "name")
    kind = require_kind(kind)
    word_keys = (key(name) if name_key is None else name_key).split()
    if not word_keys or len(word_keys) > MAX_WORDS:
        return Lookup(name, None, (), "not found")
    index = _index(registry)
    ranked: list[tuple[int, float, str]] = []

    def add(tier: int, score: float, entity_id: str) -> None:
        if kind is None or registry[entity_id].kind == kind:
            ranked.append((tier, score, entity_id))

    def search(
        combos: Iterable[tuple[str, ...]], offset: int, query: str | None, people: bool = False
    ) -> None:
        for combo in combos:
            form = " ".join(sorted(w for w in combo if w not in _LINKING_WORDS))
            for tier, entity_id in () if people else index.forms.get(form, ()):
                add(offset + tier, 1.0, entity_id)
            surnames = [w for w in combo if w in index.surnames]
            if surnames and kind in (None, "person"):
                hits = _person_hits(index, query or " ".join(combo), surnames)
                for entity_id, score in hits.items():
                    add(offset + 2, score, entity_id)

    search([tuple(word_keys)], 0, name)
    if not ranked and (bare := _without_elisions(name)) != name:
        return lookup(registry, bare, kind, None, lang, inflected)
    if not ranked and inflected and len(word_keys) <= MAX_INFLECTED_WORDS:
        # Only when the name as written finds nothing: every inflected tier
        # comes after every tier of the name as written.
        cyrillic = has_cyrillic(name)
        variants = [[k, *base_forms(k, cyrillic, lang)] for k in word_keys]
        useful = [[v for v in vs if v in index.words] for vs in variants]
        combos = set(itertools.product(*useful)) if all(useful) else set()
        if any(v in index.surnames for vs in variants for v in vs[1:]):
            combos.update(itertools.product(*variants))
        combos.discard(tuple(word_keys))
        search(sorted(combos), len(_TIERS), None)
    if not ranked:
        # The other readings of the spelling (Nasarbajew: Насарбаев, then
        # Назарбаев), after every tier of the best one, for people only: a
        # person's name is checked surname and given names together, while
        # a place's or organisation's short name read otherwise would meet
        # some village's (OUT read as УТ).
        for other in text_readings(name)[1:]:
            if len(other.key.split()) <= MAX_WORDS:
                search([tuple(other.key.split())], 2 * len(_TIERS), other.text, people=True)
    if not ranked and kind in (None, "person"):
        # A surname in its other form (Нигматуллин for Нығматулин, Султанбаев
        # for Сұлтанбай): the surnames of the registry with the skeleton of a
        # word, each person then checked by match(), which compares the parts
        # with similarity(). Persons whose scores are within the margin of the
        # best are as close, so the name is ambiguous between them.
        similar = {s for w in word_keys for s in index.skeletons.get(skeleton(w), ()) if s != w}
        hits = _person_hits(index, name, sorted(similar)) if similar else {}
        best, near = closest(hits)
        for entity_id in near:
            add(3 * len(_TIERS) + 2, best, entity_id)
    if not ranked:
        return Lookup(name, None, (), "not found")
    return _decide(registry, name, ranked)


def resolve(name: str, kind: str | None = None, registry: Registry | None = None) -> Entity | None:
    """The registry entity ``name`` refers to, or ``None``.

    Reads any spelling, script, word order, title, initials, possessive,
    Russian or Kazakh case ending and former name. Gives ``None`` when nothing
    is close enough and when several entities are equally close (never a
    guess): ``Registry.lookup`` then lists the candidates. ``kind`` limits the
    search to ``"person"``, ``"place"`` or ``"org"``; ``registry`` replaces the
    built-in one.

    >>> resolve("Alma-Ata").id
    'place:almaty'
    >>> resolve("Тоқаевқа").id
    'person:tokayev-kassym-jomart'
    >>> resolve("Tokarev") is None
    True

    Raises ``TypeError`` for a non-``str`` name and ``ValueError`` for an
    unknown kind.
    """
    return require_registry(registry).lookup(name, kind).entity

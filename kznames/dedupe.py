"""``dedupe()``: one cluster label for every spelling of one entity in a list of names.

The work is done on the distinct names. A name the registry resolves joins
its entity's cluster. The other people are blocked by the key of their
surname (both readings when the word order is not certain), compared within
each block with :func:`kznames.match_many`'s engine, and clustered so that
ambiguous links do not chain different people together: two clusters merge
only when every pair across them is the same person (``Nazarbayev`` and
``N. Nazarbayev`` join, ``Nazarbayeva`` stays apart from both). Places and
organisations the registry does not know cluster by their identifier
(:func:`kznames.normalize`). Blocks larger than ``MAX_BLOCK`` are split by
the first letter of the given name, so a common surname does not become
quadratic work.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from kznames.fold import key
from kznames.identifier import normalize
from kznames.match import _Batch
from kznames.mentions import _person_id
from kznames.registry import KINDS, Entity, Registry, require_kind, require_registry
from kznames.resolve import lookup

MAX_BLOCK = 2_000


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


def _distinct(names: Iterable[str | None]) -> tuple[list[str | None], dict[str, int]]:
    values: list[str | None] = []
    first: dict[str, int] = {}
    for i, name in enumerate(names):
        if name is not None and not isinstance(name, str):
            raise TypeError(f"names must hold str or None, got {type(name).__name__} at {i}")
        values.append(name)
        if name is not None and name.strip() and name not in first:
            first[name] = i
    return values, first


class _Clusters:
    """Complete-linkage merging over the ``same`` decisions of one batch. Names the
    registry resolved start together, and two registry entities never merge."""

    def __init__(self, batch: _Batch, entity_of: dict[str, str]) -> None:
        self.batch = batch
        self.entity_of = entity_of
        self.of: dict[str, list[str]] = {}
        by_entity: dict[str, list[str]] = defaultdict(list)
        for name, entity_id in entity_of.items():
            by_entity[entity_id].append(name)
            self.of[name] = by_entity[entity_id]

    def _entity(self, group: list[str]) -> str | None:
        return next((self.entity_of[n] for n in group if n in self.entity_of), None)

    def merge_block(self, names: list[str]) -> None:
        scored = []
        for a, b in combinations(names, 2):
            score, same = self.batch.pair(a, b)
            if same:
                scored.append((-score, a, b))
        for name in names:
            self.of.setdefault(name, [name])
        for _, a, b in sorted(scored):
            left, right = self.of[a], self.of[b]
            if left is right:
                continue
            entities = {self._entity(left), self._entity(right)} - {None}
            if len(entities) > 1:
                continue
            if all(self.batch.pair(x, y)[1] for x in left for y in right):
                left.extend(right)
                for name in right:
                    self.of[name] = left


def _person_blocks(batch: _Batch, names: list[str]) -> list[list[str]]:
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in names:
        surnames = {batch.values[r[0]] for r in batch.readings(name)}
        for surname in sorted(surnames):
            blocks[(surname, "")].append(name)
    out = []
    for _, members in sorted(blocks.items()):
        if len(members) <= MAX_BLOCK:
            out.append(members)
            continue
        by_initial: dict[str, list[str]] = defaultdict(list)
        for name in members:
            given, initials, _ = batch.values[batch.readings(name)[0][5]]
            first_name = given or initials
            by_initial[first_name[0][0][:1] if first_name else ""].append(name)
        out.extend(group for _, group in sorted(by_initial.items()))
    return out


def _canonical(names: list[str], counts: Counter[str]) -> str:
    """The most frequent spelling; on a tie the longest, then the first in order."""
    order = {name: k for k, name in enumerate(names)}
    return max(names, key=lambda n: (counts[n], len(n), -order[n]))


def dedupe_detail(
    names: Iterable[str | None], kind: str = "person", registry: Registry | None = None
) -> Deduplication:
    """Cluster ``names`` and say why each joined its cluster.

    >>> result = dedupe_detail(["Nazarbayev", "N. Nazarbayev", "Nazarbayeva", None])
    >>> [c.members for c in result.clusters]
    [(0, 1), (2,)]
    >>> result.members[3].why
    'missing'

    Raises ``TypeError`` for a name that is neither ``str`` nor ``None``, and
    ``ValueError`` for an unknown kind.
    """
    if require_kind(kind) is None:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got None")
    reg = require_registry(registry)
    values, first = _distinct(names)
    counts = Counter(v for v in values if v is not None and v.strip())
    distinct = list(first)
    label: dict[str, str] = {}
    why: dict[str, str] = {}
    entities: dict[str, Entity] = {}
    entity_of: dict[str, str] = {}
    for name in distinct:
        found = lookup(reg, name, kind)
        if found.entity is not None:
            entity_of[name] = found.entity.id
            entities[found.entity.id] = found.entity
            why[name] = f"registry: {found.how}"
    groups: list[list[str]] = []
    if kind == "person":
        batch = _Batch()
        clusters = _Clusters(batch, entity_of)
        for block in _person_blocks(batch, distinct):
            clusters.merge_block(block)
        seen: set[int] = set()
        for name in distinct:
            group = clusters.of.get(name, [name])
            if id(group) not in seen:
                seen.add(id(group))
                groups.append(sorted(group, key=first.__getitem__))
    else:
        by_id: dict[str, list[str]] = defaultdict(list)
        for name in distinct:
            by_id[entity_of.get(name) or normalize(name, kind, Registry())].append(name)
        groups = list(by_id.values())
    for group in groups:
        anchor = next((n for n in group if n in entity_of), None)
        if anchor is not None:
            for name in group:
                label[name] = entity_of[anchor]
                why.setdefault(name, f"same person as {anchor!r}")
    groups = [g for g in groups if g[0] not in label]
    taken: Counter[str] = Counter(label.values())
    for group in groups:
        canonical = _canonical(group, counts)
        base = (
            _person_id(canonical)
            if kind == "person"
            else f"{kind}:" + "-".join(key(canonical).split())
        )
        cluster_id = base if taken[base] == 0 else f"{base}-{taken[base] + 1}"
        taken[base] += 1
        for name in group:
            label[name] = cluster_id
            why[name] = "the cluster's name" if name == canonical else f"same as {canonical!r}"
    return _result(values, first, label, why, entities, counts)


def _result(
    values: list[str | None],
    first: dict[str, int],
    label: dict[str, str],
    why: dict[str, str],
    entities: dict[str, Entity],
    counts: Counter[str],
) -> Deduplication:
    members = []
    by_cluster: dict[str, list[int]] = defaultdict(list)
    for i, value in enumerate(values):
        if value is None or not value.strip():
            members.append(Member(i, value, None, "missing"))
            continue
        cluster = label[value]
        by_cluster[cluster].append(i)
        reason = why[value] if first[value] == i else f"same text as row {first[value]}"
        members.append(Member(i, value, cluster, reason))
    clusters = []
    for cluster_id, indexes in by_cluster.items():
        entity = entities.get(cluster_id)
        spellings = list(dict.fromkeys(values[i] for i in indexes if values[i] is not None))
        name = entity.name if entity else _canonical([s for s in spellings if s], counts)
        clusters.append(Cluster(cluster_id, name, entity, tuple(indexes)))
    return Deduplication(tuple(clusters), tuple(members))


def dedupe(
    names: Iterable[str | None], kind: str = "person", registry: Registry | None = None
) -> list[str | None]:
    """One cluster label for each name, in input order; ``None`` for a missing one.

    Every spelling of one person, place or organisation gets one label: the
    registry's id when it knows the entity, else an id made from the
    cluster's most frequent spelling. Different people stay apart, even when
    ambiguous names link them (``N. Nazarbayev`` is like both Nazarbayev and
    Nazarbayeva, who are not one person). ``kind`` is ``"person"``,
    ``"place"`` or ``"org"``; :func:`dedupe_detail` gives the clusters and
    the reason each name joined.

    >>> dedupe(["TOKAYEV Kassym-Jomart", "Тоқаев Қасым-Жомарт", "", "Rinat Zaitov"])
    ['person:tokayev-kassym-jomart', 'person:tokayev-kassym-jomart', None, 'person:zaitov-rinat']
    >>> dedupe(["Ivan Petrov", "I. Petrov", "Petrova Olga", "Петров Иван"], registry=Registry())
    ['person:petrov-ivan', 'person:petrov-ivan', 'person:petrova-olga', 'person:petrov-ivan']

    Raises ``TypeError`` for a name that is neither ``str`` nor ``None``, and
    ``ValueError`` for an unknown kind.
    """
    return dedupe_detail(names, kind, registry).labels

"""``similarity()``: how alike two parts of a name are, and why.

One name is written in Kazakh and in Russian in ways no key folds:
``Нығматулин`` and ``Нигматуллин``, ``Сұлтанбай`` and ``Султанбаев``,
``Жақыпов`` and ``Джакупов``. The similarity is a weighted edit distance between
the variant keys of two name parts (each read as :func:`kznames.key` reads
it, so every script and romanization compares), in which those alternations
(``data/similarity.json``, each with its source and real examples) and the
typos of real data cost little, and other edits a full edit. It returns the
cost of the cheapest explanation, a score and the steps of that explanation.

The work is bounded: keys longer than ``max_length`` letters are similar only
when equal, so a comparison takes at most ``max_length`` squared steps times
the number of alternations, whatever the length of the text.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz.distance import OSA

from kznames._check import require_str
from kznames.reader import key
from kznames.registry import KINDS

# The kinds of name the similarity compares: the parts of a person's name and
# the words of a place's name (``kinds`` of an alternation, default all).
SIMILAR_KINDS = ("person", "place")


@dataclass(frozen=True)
class Alternation:
    """One way renderings of a name differ: any of its ``forms`` in one key is
    any other in the other (``^`` the start, ``$`` the end of the part), for
    names of the ``kinds`` it applies to."""

    id: str
    forms: tuple[str, ...]
    cost: float
    label: str
    why: str
    examples: tuple[tuple[str, str], ...]
    kinds: frozenset[str]
    gloss: str


@dataclass(frozen=True)
class SimilarityPolicy:
    """The costs of ``data/similarity.json``: edits of unrelated letters, the
    alternations, the threshold under which two parts of a person's name are
    similar and the one for places' names (per letter of the shorter key),
    the longest key compared letter by letter, and the margin by which
    :func:`kznames.resolve` must prefer one person found this way."""

    substitute: float
    insert: float
    transpose: float
    double: float
    threshold: float
    place_threshold: float
    max_length: int
    resolve_margin: float
    alternations: tuple[Alternation, ...]

    def limit(self, kind: str, ka: str, kb: str) -> float:
        """The threshold for the keys ``ka`` and ``kb`` of names of ``kind``: for a
        person's parts one, for places' names in proportion to the shorter."""
        if kind == "place":
            return self.place_threshold * min(len(ka), len(kb))
        return self.threshold


def _require_kind(kind: object) -> str:
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str, got {type(kind).__name__}")
    if kind not in SIMILAR_KINDS:
        raise ValueError(f"kind must be one of {', '.join(SIMILAR_KINDS)}, got {kind!r}")
    return kind


@cache
def policy() -> SimilarityPolicy:
    """The similarity policy, read once from ``data/similarity.json``."""
    path = resources.files("kznames") / "data" / "similarity.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    costs = data["costs"]
    return SimilarityPolicy(
        substitute=costs["substitute"],
        insert=costs["insert"],
        transpose=costs["transpose"],
        double=costs["double"],
        threshold=data["threshold"],
        place_threshold=data["place_threshold"],
        max_length=data["max_length"],
        resolve_margin=data["resolve_margin"],
        alternations=tuple(
            Alternation(
                a["id"],
                tuple(a["forms"]),
                a["cost"],
                a["label"],
                a["why"],
                tuple((x, y) for x, y in a["examples"]),
                frozenset(a.get("kinds", KINDS)),
                a.get("gloss", data["gloss"]),
            )
            for a in data["alternations"]
        ),
    )


@dataclass(frozen=True)
class Step:
    """One step of an explanation: ``left`` in the first key is ``right`` in
    the second, at ``cost``, because of ``why``: an alternation (its label is
    ``alternation``), a doubled letter, or a typo (``typo``)."""

    left: str
    right: str
    cost: float
    why: str
    typo: bool
    alternation: str = ""

    def __str__(self) -> str:
        return f"{self.left or '∅'}~{self.right or '∅'}: {self.why}"


@dataclass(frozen=True)
class Similarity:
    """The similarity of two name parts: their keys, the cost of the cheapest
    explanation of their differences, a score in [0, 1] (``1 / (1 + cost)``),
    whether the cost is within the policy's threshold, and the steps."""

    left: str
    right: str
    cost: float
    score: float
    similar: bool
    steps: tuple[Step, ...]

    @property
    def typos(self) -> int:
        """The steps that are typos (a letter changed, added, dropped or two
        swapped), not alternations or doubled letters."""
        return sum(step.typo for step in self.steps)

    def explain(self) -> str:
        """The steps, one a line, or that the keys are the same.

        >>> print(similarity("Нығматулин", "Нигматуллин").explain())
        y~i: ы~и (Kazakh and Russian form)
        ∅~l: a letter doubled or written once
        """
        if self.steps or self.left == self.right:
            return "\n".join(map(str, self.steps)) or "same key"
        if max(len(self.left), len(self.right)) > policy().max_length:
            return "keys too long to compare"
        return "more than the threshold apart"


_TYPOS = frozenset({"substitute", "insert", "transpose"})
_TYPO_WHY = {
    "substitute": "a letter changed",
    "insert": "a letter added or dropped",
    "transpose": "two letters swapped",
    "double": "a letter doubled or written once",
}


def _part_key(text: str) -> str:
    return key(text).replace(" ", "")


# A rule of the edit distance: the letters it takes from the left key and
# from the right, whether it must end both keys, whether it must start them,
# its cost and its label and reason.
_Rule = tuple[str, str, bool, bool, float, str]


@cache
def _glosses() -> dict[str, str]:
    """What kind of variation each alternation's label names."""
    return {alt.label: alt.gloss for alt in policy().alternations}


def _alternations(kind: str) -> tuple[Alternation, ...]:
    """The alternations that apply to names of ``kind``."""
    return tuple(alt for alt in policy().alternations if kind in alt.kinds)


@cache
def _rules(kind: str) -> tuple[_Rule, ...]:
    """The alternations of ``kind``, each form against each other, both ways."""
    found: list[_Rule] = []
    for alt in _alternations(kind):
        for left, right in itertools.permutations(alt.forms, 2):
            x, y = left.strip("^$"), right.strip("^$")
            found.append((x, y, left.endswith("$"), left.startswith("^"), alt.cost, alt.label))
    return tuple(found)


@cache
def _sides(column: int, kind: str) -> tuple[tuple[int, dict[str, tuple[int, ...]]], ...]:
    """The rules of ``kind`` by the letters of their side ``column`` (0 left,
    1 right), for each length of side: ``(length, {side: rules})``."""
    by_length: dict[int, dict[str, list[int]]] = {}
    for r, rule in enumerate(_rules(kind)):
        side = rule[1] if column else rule[0]
        by_length.setdefault(len(side), {}).setdefault(side, []).append(r)
    return tuple(
        (length, {side: tuple(rules) for side, rules in sides.items()})
        for length, sides in sorted(by_length.items())
    )


@cache
def _shared(rules: tuple[int, ...]) -> tuple[int, ...]:
    """One copy of each set of rules ending a prefix: there are few of them,
    and a key's table then costs little more than its outer tuple."""
    return rules


@lru_cache(maxsize=1 << 14)
def _ending(text: str, column: int, kind: str) -> tuple[tuple[int, ...], ...]:
    """For each prefix length of ``text``, the rules of ``kind`` whose side
    ``column`` ends it, in the order of the rules. A key is compared with many
    others of its block, so this is kept for the 16,384 most recent keys
    (about 300 bytes each)."""
    sides = _sides(column, kind)
    return tuple(
        _shared(
            tuple(
                sorted(
                    r
                    for length, found in sides
                    if length <= i
                    for r in found.get(text[i - length : i], ())
                )
            )
        )
        for i in range(len(text) + 1)
    )


# What the alternations change inside a key, gone from its skeleton: doubled
# letters (before and after the rest: ngg is ng doubled), vowels, the c of ch
# made the s of sh, the g of ng, the h of kh, the d of dzh, m before b.
_SKELETON = (
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"[aeiouy]+"), ""),
    (re.compile(r"c(?=h)"), "s"),
    (re.compile(r"(?<=n)g"), ""),
    (re.compile(r"(?<=k)h"), ""),
    (re.compile(r"d(?=zh)"), ""),
    (re.compile(r"m(?=b)"), "n"),
    (re.compile(r"(.)\1+"), r"\1"),
)


@lru_cache(maxsize=1 << 16)
def skeleton(key_text: str) -> str:
    """The letters of a key that no alternation changes inside a word: two
    parts one typo and the anchored alternations (``уә~ва`` at the start, an
    ending) apart have skeletons at most that many edits apart, so a cheap
    comparison of skeletons rules most unlike pairs out before the edit
    distance runs.

    >>> skeleton("nygmatulin"), skeleton("nigmatullin"), skeleton("dzhakupov")
    ('nmtln', 'nmtln', 'zhkpv')
    """
    for pattern, replacement in _SKELETON:
        key_text = pattern.sub(replacement, key_text)
    return key_text


@cache
def _anchored_letters(kind: str) -> tuple[frozenset[str], frozenset[str], int]:
    """The skeleton letters the alternations of ``kind`` at the start and at the
    end of a part write, and the most letters one of them writes."""
    sides = [side for alt in _alternations(kind) for side in alt.forms]
    start = [skeleton(side[1:]) for side in sides if side.startswith("^")]
    end = [skeleton(side[:-1]) for side in sides if side.endswith("$")]
    most = max(map(len, start + end), default=0)
    return frozenset("".join(start)), frozenset("".join(end)), most


@lru_cache(maxsize=1 << 16)
def core(key_text: str, kind: str = "person") -> str:
    """The skeleton of a key without what the alternations (of names of
    ``kind``) at its start and end can write: two parts that alternations
    alone explain (no typo) share it, so it can gather the candidates of a
    comparison.

    >>> core("sultanbai") == core("sultanbaev"), core("valikhan") == core("ualikhan")
    (True, True)
    >>> core("ozernoe", "place") == core("ozerny", "place")
    True
    """
    text = skeleton(key_text)
    start, end, most = _anchored_letters(kind)
    for _ in range(most):
        if text[:1] in start:
            text = text[1:]
        if text[-1:] in end:
            text = text[:-1]
    return text


@lru_cache(maxsize=64)
def _skeleton_edits(threshold: float, kind: str) -> int:
    """The most edits between the skeletons of two parts within ``threshold``:
    one per typo and one per anchored alternation (at most one at the start
    and one at the end), as many as the threshold affords."""
    p = policy()
    typo = min(p.substitute, p.insert, p.transpose)
    anchored = [
        a.cost
        for a in _alternations(kind)
        if any(form[:1] == "^" or form[-1:] == "$" for form in a.forms)
    ]
    cheapest = min(anchored, default=float("inf"))
    return max(
        typos + min(2, int((threshold - typos * typo) // cheapest) if cheapest > 0 else 2)
        for typos in range(int(threshold // typo) + 1)
    )


_Back = tuple[int, int, float, str] | None


@lru_cache(maxsize=1 << 16)
def _distance(a: str, b: str, cutoff: float, kind: str) -> tuple[float, tuple[Step, ...]]:
    """The cheapest explanation of ``a`` as ``b`` by the alternations of ``kind``:
    its cost and steps, or an infinite cost as soon as every explanation
    costs more than ``cutoff``."""
    p = policy()
    rules = _rules(kind)
    longest = max((len(rule[0]) for rule in rules), default=1) or 1
    n, m = len(a), len(b)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[_Back]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    ends_a = _ending(a, 0, kind)
    ends_b = _ending(b, 1, kind)
    substitute, transpose = p.substitute, p.transpose
    # What depends on one column alone, worked out once: the cost of taking
    # its letter of b alone (less when it doubles the one before) and the
    # rules whose right side ends there.
    b_steps = [
        (p.double, "double") if j > 1 and b[j - 1] == b[j - 2] else (p.insert, "insert")
        for j in range(m + 1)
    ]
    right_sets = [set(found) for found in ends_b]
    lowest: list[float] = []
    for i in range(n + 1):
        row, above = cost[i], cost[i - 1] if i else None
        two_up = cost[i - 2] if i > 1 else None
        here = back[i]
        rules_a = ends_a[i]
        letter = a[i - 1] if i else ""
        a_step, a_why = (
            (p.double, "double") if i > 1 and letter == a[i - 2] else (p.insert, "insert")
        )
        for j in range(m + 1):
            best, how = row[j], here[j]
            if above is not None and j:
                same = letter == b[j - 1]
                c = above[j - 1] + (0.0 if same else substitute)
                if c < best:
                    best, how = c, (i - 1, j - 1, c - above[j - 1], "" if same else "substitute")
            if above is not None and above[j] + a_step < best:
                best, how = above[j] + a_step, (i - 1, j, a_step, a_why)
            if j:
                step, why = b_steps[j]
                if row[j - 1] + step < best:
                    best, how = row[j - 1] + step, (i, j - 1, step, why)
            if (
                two_up is not None
                and j > 1
                and letter == b[j - 2]
                and a[i - 2] == b[j - 1]
                and two_up[j - 2] + transpose < best
            ):
                best, how = two_up[j - 2] + transpose, (i - 2, j - 2, transpose, "transpose")
            if rules_a and ends_b[j]:
                right = right_sets[j]
                for r in rules_a:
                    if r not in right:
                        continue
                    x, y, end, start, step, why = rules[r]
                    pi, pj = i - len(x), j - len(y)
                    if (not x and not y) or (end and (i != n or j != m)) or (start and (pi or pj)):
                        continue
                    if cost[pi][pj] + step < best - 1e-12:
                        best, how = cost[pi][pj] + step, (pi, pj, step, why)
            row[j], here[j] = best, how
        lowest.append(min(row))
        # Every explanation passes through one of the last rows a rule spans.
        if i >= longest and min(lowest[i - longest + 1 :]) > cutoff:
            return inf, ()
    steps: list[Step] = []
    i, j = n, m
    while (i or j) and back[i][j] is not None:
        pi, pj, step, why = back[i][j]  # type: ignore[misc]
        if why in _TYPO_WHY:
            steps.append(Step(a[pi:i], b[pj:j], step, _TYPO_WHY[why], why in _TYPOS))
        elif why:
            text = f"{why} ({_glosses()[why]})"
            steps.append(Step(a[pi:i], b[pj:j], step, text, False, why))
        i, j = pi, pj
    if cost[n][m] > cutoff:
        return inf, ()
    return cost[n][m], tuple(reversed(steps))


def similarity(a: str, b: str, kind: str = "person") -> Similarity:
    """How alike two parts of a name are (two surnames, two given names or two
    fathers' names; with ``kind="place"``, two places' names, each read as one
    word), with the steps that explain the difference.

    Both parts are keyed as :func:`kznames.key` keys them, so any script and
    romanization compares. The Kazakh and Russian forms of one name differ by
    alternations that cost little (``ы~и``, ``ң~н``, ``дж~ж``, ``-ай~-аев``);
    a typo costs a full edit, a doubled letter less. Places' names have
    alternations of their own (``Озёрное``, ``Озёрный``: a Russian adjective
    in two genders) and a threshold in proportion to their length: two
    villages' short names are often one letter apart (``Aral``, ``Ural``).

    >>> s = similarity("Сұлтанбай", "Султанбаев")
    >>> s.similar, s.cost, [str(x) for x in s.steps]
    (True, 0.2, ['ai~aev: -ай~-аев (Kazakh and Russian form)'])
    >>> s = similarity("Tokayev", "Tokarev")
    >>> s.cost, s.typos
    (1.0, 1)
    >>> similarity("Karaganda", "Qarağandı", kind="place").similar
    True

    Raises ``TypeError`` if ``a``, ``b`` or ``kind`` is not a ``str``, and
    ``ValueError`` for a ``kind`` other than ``"person"`` or ``"place"``.
    """
    require_str(a, "a")
    require_str(b, "b")
    return compare_keys(_part_key(a), _part_key(b), float("inf"), _require_kind(kind))


def compare_keys(ka: str, kb: str, cutoff: float | None = None, kind: str = "person") -> Similarity:
    """:func:`similarity` of two parts already keyed (``word_key``), as
    :func:`kznames.match` holds them. With a ``cutoff`` (the threshold of
    ``kind`` by default) a cost above it is reported as infinite, which
    spares the rest of the work for parts that are not alike.

    >>> compare_keys("nygmatulin", "nigmatulin").steps[0].why
    'ы~и (Kazakh and Russian form)'
    """
    p = policy()
    steps: tuple[Step, ...] = ()
    if ka == kb:
        cost = 0.0
    elif max(len(ka), len(kb)) > p.max_length:
        cost = float("inf")
    else:
        limit = p.limit(kind, ka, kb) if cutoff is None else cutoff
        edits = _skeleton_edits(limit, kind) if limit != float("inf") else None
        if (
            edits is not None
            and OSA.distance(skeleton(ka), skeleton(kb), score_cutoff=edits) > edits
        ):
            cost = float("inf")
        else:
            cost, steps = _distance(ka, kb, limit, kind)
    cost = round(cost, 6)
    return Similarity(ka, kb, cost, round(1 / (1 + cost), 6), cost <= p.limit(kind, ka, kb), steps)

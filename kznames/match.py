"""``match()``: are two person names the same person?

Both names are parsed (``parse_name``) and compared part by part on variant
keys: surname, given names, patronymic (through the father's name, so the
Russian ``Кемелевич`` and the Kazakh ``Кемелұлы`` agree) and gender. Each part
earns a credit from the policy in ``data/match.json`` (full agreement, an
initial against a full name, a part missing on one side, a one-letter typo
where everything else agrees); the score is the weighted mean. A hard
conflict (a different given name, father or gender, or a surname that is not
a spelling of the other) makes the pair different whatever the score. When a
name's word order is not certain, both readings are tried and the better one
kept, so the result is the same in either argument order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import resources
from typing import Any

from kznames._check import require_bool, require_iterable, require_str
from kznames.given_names import equivalent, father_groups
from kznames.names import (
    PersonName,
    father_name,
    parse_name,
    patronymic_gender,
    surname_ending,
    surname_gender,
    word_key,
    word_part_key,
)
from kznames.part_similarity import Similarity, compare_keys
from kznames.reader import key, reading_texts


@dataclass(frozen=True)
class PartMatch:
    """How one part of the two names compared: the credit it earned and the rule."""

    part: str
    left: str
    right: str
    credit: float
    rule: str
    conflict: bool = False


@dataclass(frozen=True)
class Match:
    """The verdict of :func:`match`: a score in [0, 1], a decision, and its reasons."""

    score: float
    same: bool
    parts: tuple[PartMatch, ...]
    names: tuple[str, str] = field(compare=False)

    def explain(self) -> str:
        """The parts that agreed or conflicted, one line each, and the verdict."""
        verdict = "same person" if self.same else "different people"
        lines = [f"{self.names[0]!r} vs {self.names[1]!r}: {verdict} (score {self.score:.3f})"]
        for p in self.parts:
            mark = "conflict" if p.conflict else f"{p.credit:.2f}"
            lines.append(
                f"  {p.part:<10} {p.left or '-'!s:>20} ~ {p.right or '-'!s:<20} {mark:>8}  {p.rule}"
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class _Reading:
    """One reading of a parsed name, as keys: what the comparison works on."""

    surname: str
    given: tuple[tuple[str, ...], ...]
    initials: tuple[tuple[str, ...], ...]
    father: str
    gender: str | None
    shown: tuple[str, str, str]


@cache
def policy() -> Mapping[str, Any]:
    """The weights, credits and threshold of ``data/match.json``."""
    path = resources.files("kznames") / "data" / "match.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


_PART_BREAK = re.compile(r"[-.\s]+")


def _parts(name: str) -> tuple[str, ...]:
    """The keys of the parts of one given name or initial: ``K.-J.`` -> ``(k, zh)``."""
    return tuple(k for part in _PART_BREAK.split(name) if (k := word_part_key(part)))


def _reading(surname: str | None, given: tuple[str, ...], name: PersonName) -> _Reading:
    gender = patronymic_gender(name.patronymic) if name.patronymic else None
    if gender is None and surname:
        gender = surname_gender(surname)
    shown = (
        surname or "",
        " ".join((*given, *name.initials)),
        name.patronymic or "",
    )
    return _Reading(
        surname=word_key(surname or ""),
        given=tuple(p for p in map(_parts, given) if p),
        initials=tuple(p for p in map(_parts, name.initials) if p),
        father=father_name(name.patronymic) if name.patronymic else "",
        gender=gender,
        shown=shown,
    )


def _readings(name: PersonName) -> list[_Reading]:
    """The parsed reading, and the other word order when the parse was not certain."""
    readings = [_reading(name.surname, name.given, name)]
    if not name.certain:
        words = (*name.given, *([name.surname] if name.surname else []))
        if len(words) == 1:
            readings.append(_reading(words[0], (), name))
        elif len(words) > 1:
            readings.append(_reading(words[0], words[1:], name))
    return readings


def person_id(surname: str, given: tuple[tuple[str, ...], ...], text: str) -> str:
    """The id of a person outside the registry, from a reading's keys:
    ``person:<surname>-<given names>``, or from the key of ``text`` when the
    reading has neither (``person:zaitov-rinat``)."""
    slug = "-".join(p for p in (surname, *("".join(parts) for parts in given)) if p)
    return "person:" + (slug or key(text).replace(" ", "-"))


def _similar(a: str, b: str) -> Similarity | None:
    """The similarity of two part keys when it explains them within its
    threshold (``data/similarity.json``): by Kazakh and Russian alternations
    alone, or with one typo between keys of ``typo.min_length`` letters or
    more (``data/match.json``). Keys longer than any real name are compared
    only for equality, so a comparison costs bounded time."""
    found = compare_keys(a, b)
    if not found.similar or found.typos > 1:
        return None
    if found.typos and min(len(a), len(b)) < policy()["typo"]["min_length"]:
        return None
    return found


def _similar_verdict(found: Similarity, credit: Mapping[str, float]) -> Verdict:
    """A typo, or the alternations that make one name of two forms."""
    if found.typos:
        return credit["typo"], _TYPO, False
    labels = ", ".join(step.alternation or step.why for step in found.steps)
    return credit["alternation"], f"{_ALTERNATION}: {labels}", False


def _gendered_pair(a: str, b: str) -> bool:
    """The masculine and feminine forms of one surname: ``nazarbaev``/``nazarbaeva``,
    ``akhmetbekuly``/``akhmetbekkyzy``: one stem, endings of both genders."""
    (stem_a, gender_a), (stem_b, gender_b) = surname_ending(a), surname_ending(b)
    return bool(gender_a and gender_b and gender_a != gender_b and stem_a == stem_b)


Verdict = tuple[float, str, bool]
_PARTS = ("surname", "given", "patronymic")
_TYPO = "one letter apart: a typo only if the rest agrees"
_ALTERNATION = "Kazakh and Russian forms of one name"
_MISSING = "missing on one side"


def _surname(a: str, b: str, credit: Mapping[str, float]) -> Verdict:
    if not a or not b:
        return credit["missing"], _MISSING, False
    if a == b:
        return credit["same_key"], "same variant key", False
    if _gendered_pair(a, b):
        return 0.0, "masculine and feminine forms", True
    if found := _similar(a, b):
        return _similar_verdict(found, credit)
    return 0.0, "different surnames", True


def _initial_of(letter: str, part: str) -> bool:
    """Whether the initial's key begins the part's key; a Latin ``Y.`` stands for
    the ``e``/``i`` its name starts with in the key (``Yerlan`` -> ``erlan``)."""
    return part.startswith(letter) or (letter == "y" and part[:1] in ("e", "i"))


def _initials_fit(
    initials: tuple[tuple[str, ...], ...], given: tuple[tuple[str, ...], ...], father: str
) -> bool:
    """Initials against full names: one group of initials (``K.-J.``) per given
    name, letter by letter over its parts; a group past the given names stands
    for the patronymic (``Токаев К. К.``) and is checked when there is one."""
    targets = [*given, (father,)] if father else list(given)
    return all(
        all(_initial_of(letter, part) for letter, part in zip(group, name, strict=False))
        for group, name in zip(initials, targets, strict=False)
    )


def _flat(groups: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    return tuple(part for group in groups for part in group)


Given = tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], str]


def _given(
    a: Given, b: Given, credit: Mapping[str, float], *, diminutives: bool = False
) -> Verdict:
    """Given names and initials; each side is ``(given, initials, father)``."""
    (given_a, initials_a, _), (given_b, initials_b, _) = a, b
    if not (given_a or initials_a) or not (given_b or initials_b):
        return credit["missing"], _MISSING, False
    if given_a and given_b:
        flat_a, flat_b = _flat(given_a), _flat(given_b)
        if "".join(flat_a) == "".join(flat_b):
            return credit["same_key"], "same variant key", False
        names_short, names_long = sorted((given_a, given_b), key=len)
        if names_long[: len(names_short)] == names_short:
            return credit["extra_given"], "one name has more given names", False
        short, long = sorted((flat_a, flat_b), key=len)
        if long[: len(short)] == short:
            return credit["compound_part"], "part of a compound given name", False
        if len(given_a) == len(given_b) and all(
            equivalent("".join(x), "".join(y), diminutives)
            for x, y in zip(given_a, given_b, strict=True)
        ):
            return credit["same_key"], "one given name in two languages", False
        if found := _similar("".join(flat_a), "".join(flat_b)):
            return _similar_verdict(found, credit)
        return 0.0, "different given names", True
    if given_a or given_b:
        full, abbreviated = (a, b) if given_a else (b, a)
        if _initials_fit(abbreviated[1], full[0], full[2]):
            return credit["initial"], "initial of the given name", False
        return 0.0, "initial of another name", True
    short_i, long_i = sorted((_flat(initials_a), _flat(initials_b)), key=len)
    if long_i[: len(short_i)] == short_i:
        return credit["initials_only"], "same initials", False
    return 0.0, "different initials", True


def _patronymic(a: str, b: str, credit: Mapping[str, float]) -> Verdict:
    """Patronymics, compared through the father's name."""
    if not a or not b:
        return credit["missing"], _MISSING, False
    short, long = sorted((a, b), key=len)
    if short == long or (
        long.startswith(short) and len(long) - len(short) == 1 and long[-1] in "iy"
    ):
        return credit["same_father"], "same father's name", False
    if father_groups(a) & father_groups(b):
        return credit["same_father"], "one father's name in two languages", False
    if found := _similar(a, b):
        return _similar_verdict(found, credit)
    return 0.0, "different fathers", True


def _combine(
    verdicts: tuple[Verdict, Verdict, Verdict], genders_differ: bool
) -> tuple[float, bool]:
    """The score and decision from the three parts' verdicts and the genders."""
    p = policy()
    weights = p["weights"]
    score = sum(w * v[0] for w, v in zip(weights.values(), verdicts, strict=True))
    score = round(score / sum(weights.values()), 6)
    typos = sum(v[1] == _TYPO for v in verdicts)
    full = sum(
        v[1] in ("same variant key", "same father's name") or v[1].startswith(_ALTERNATION)
        for v in verdicts
    )
    same = (
        score >= p["threshold"]
        and not genders_differ
        and not any(v[2] for v in verdicts)
        and (typos == 0 or (typos == 1 and full == 2))
    )
    return score, same


def _verdicts(
    a: _Reading, b: _Reading, diminutives: bool = False
) -> tuple[Verdict, Verdict, Verdict]:
    credit = policy()["credit"]
    given_a, given_b = (a.given, a.initials, a.father), (b.given, b.initials, b.father)
    return (
        _surname(a.surname, b.surname, credit),
        _given(given_a, given_b, credit, diminutives=diminutives),
        _patronymic(a.father, b.father, credit),
    )


def _differ(a: _Reading, b: _Reading) -> bool:
    return bool(a.gender and b.gender and a.gender != b.gender)


def readings(name: str) -> list[_Reading]:
    """The readings of a name that :func:`match` compares: for the name as
    written and for each other reading of its spelling
    (:func:`kznames.readings`), one, or two when the word order is not
    certain. A reading that changes the surname is compared only within
    ``surname_reading_margin`` of the best (``data/match.json``): the surname
    is what tells namesakes apart, so ``Ishakov`` (Ишаков; Исхаков only as
    the 2021 Kazakh Latin would write it) is not taken for ``Iskhakov``.
    Another reading must read the same parts (see :func:`_shape`)."""
    out = _readings(parse_name(name))
    texts = reading_texts(name)
    surnames = {r.surname for r in out}
    shapes = {_shape(r) for r in out}
    margin = policy()["surname_reading_margin"]
    for cost, text in texts[1:]:
        for reading in _readings(parse_name(text)):
            if _shape(reading) not in shapes:
                continue
            if reading.surname in surnames or cost - texts[0][0] <= margin:
                out.append(reading)
    return out


def _shape(reading: _Reading) -> tuple[bool, int, int, bool, str | None]:
    """What a reading holds, whatever its spelling: another reading of a
    spelling reads the same parts (a patronymic read as a given name would
    make it a candidate of every name of its surname)."""
    return (
        bool(reading.surname),
        len(reading.given),
        len(reading.initials),
        bool(reading.father),
        reading.gender,
    )


def best_reading(
    left: list[_Reading], right: list[_Reading], diminutives: bool = False
) -> tuple[tuple[float, bool], _Reading, _Reading]:
    """The best ``(score, same)`` over the pairs of readings (a decision of
    "same" first, then the higher score; the first such pair on a tie)."""
    best: tuple[tuple[float, bool], _Reading, _Reading] | None = None
    for ra in left:
        for rb in right:
            result = _combine(_verdicts(ra, rb, diminutives), _differ(ra, rb))
            if best is None or result[::-1] > best[0][::-1]:
                best = (result, ra, rb)
    assert best is not None
    return best


def match(a: str, b: str, *, diminutives: bool = False) -> Match:
    """Decide whether two person names are the same person.

    Spelling variants of every part agree, in any script or order; a missing
    patronymic, an initial against the full given name and a Russian
    patronymic against the Kazakh one of the same father agree, and so do the
    forms of one given name in other languages (``Alexander``, ``Aleksandr``,
    ``Александр``; see :func:`kznames.given_names.same_given_name`), in given
    names and fathers' names. Masculine and feminine surnames, different given
    names or fathers, and surnames a letter apart disagree. A familiar form
    (``Sasha``) agrees with its full given name only with ``diminutives=True``.
    ``match(a, b)`` and ``match(b, a)`` give the same score and decision;
    each shows the two names, and each part, in the order given.

    >>> m = match("Tokayev Kassym-Jomart", "ТОҚАЕВ Қасым-Жомарт Кемелұлы")
    >>> m.same, m.score
    (True, 0.9)
    >>> match("Токаев Касым-Жомарт Кемелевич", "Тоқаев Қасым-Жомарт Кемелұлы").same
    True
    >>> match("Nursultan Nazarbayev", "Dariga Nazarbayeva").same
    False
    >>> match("Tokayev", "Tokarev").same
    False
    >>> match("Michael Ivanov", "Михаил Иванов").same
    True
    >>> match("Sasha Ivanov", "Alexander Ivanov", diminutives=True).same
    True

    Raises ``TypeError`` if ``a`` or ``b`` is not a ``str`` or ``diminutives``
    is not a ``bool``.
    """
    require_str(a, "a")
    require_str(b, "b")
    require_bool(diminutives, "diminutives")
    # The names are compared in sorted order, so the decision cannot depend
    # on the order of the arguments; the result shows them in the caller's.
    left, right = sorted((a, b))
    (score, same), ra, rb = best_reading(readings(left), readings(right), diminutives)
    verdicts = _verdicts(ra, rb, diminutives)
    first, second = (rb, ra) if left != a else (ra, rb)
    parts = [
        PartMatch(part, first.shown[i], second.shown[i], *verdict)
        for i, (part, verdict) in enumerate(zip(_PARTS, verdicts, strict=True))
    ]
    if _differ(ra, rb):
        genders = (first.gender or "", second.gender or "")
        parts.append(PartMatch("gender", *genders, 0.0, "different genders", True))
    return Match(score=score, same=same, parts=tuple(parts), names=(a, b))


# Genders as numbers whose product is 2 exactly when they differ.
_GENDER_CODES = {None: 0, "male": 1, "female": 2}
# A reading for match_many: surname, given, father ids, gender code, whether
# there are given names, and the given id that includes initials and father.
Compiled = tuple[int, int, int, int, bool, int]


class _Batch:
    """Memory for :func:`match_many`: each name parsed once, each comparison of
    two part values made once, each combination of verdicts scored once.

    A reading becomes ``(surname id, given id, father id, gender, ...)``. The given
    id stands for the given names alone when there are any, since two full
    given names compare without the father; for initials it stands for
    ``(given, initials, father)``, and a full name met by initials is compared
    through its own ``(given, initials, father)`` value (``full``).
    """

    def __init__(self, diminutives: bool = False) -> None:
        self.given = partial(_given, diminutives=diminutives)
        self.names: dict[str, tuple[Compiled, ...]] = {}
        self.ids: dict[tuple[str, Any], int] = {}
        self.values: list[Any] = []
        self.memo: dict[tuple[int, int], Verdict] = {}
        self.results: dict[tuple[Verdict, Verdict, Verdict, bool], tuple[float, bool]] = {}

    def _id(self, kind: str, value: Any) -> int:
        found = self.ids.get((kind, value))
        if found is None:
            found = self.ids[(kind, value)] = len(self.values)
            self.values.append(value)
        return found

    def readings(self, name: str) -> tuple[Compiled, ...]:
        found = self.names.get(name)
        if found is None:
            out: list[Compiled] = []
            for r in readings(name):
                full = self._id("given", (r.given, r.initials, r.father))
                simple = self._id("given", (r.given, (), "")) if r.given else full
                surname, father = self._id("surname", r.surname), self._id("father", r.father)
                gender = _GENDER_CODES[r.gender]
                out.append((surname, simple, father, gender, bool(r.given), full))
            found = self.names[name] = tuple(out)
        return found

    def _verdict(self, a: int, b: int, compare: Any) -> Verdict:
        verdict: Verdict = compare(self.values[a], self.values[b], policy()["credit"])
        self.memo[(a, b)] = verdict
        return verdict

    def pair(self, a: str, b: str) -> tuple[float, bool]:
        left, right = (a, b) if a <= b else (b, a)
        memo, results = self.memo, self.results
        best: tuple[float, bool] | None = None
        for ra in self.names.get(left) or self.readings(left):
            for rb in self.names.get(right) or self.readings(right):
                surname = memo.get((ra[0], rb[0])) or self._verdict(ra[0], rb[0], _surname)
                ga, gb = (ra[1], rb[1]) if ra[4] == rb[4] else (ra[5], rb[5])
                given = memo.get((ga, gb)) or self._verdict(ga, gb, self.given)
                father = memo.get((ra[2], rb[2])) or self._verdict(ra[2], rb[2], _patronymic)
                differ = ra[3] * rb[3] == 2
                result = results.get((surname, given, father, differ))
                if result is None:
                    result = _combine((surname, given, father), differ)
                    results[(surname, given, father, differ)] = result
                if best is None or result[::-1] > best[::-1]:
                    best = result
        assert best is not None
        return best


def match_many(
    pairs: Iterable[tuple[str, str]], *, diminutives: bool = False
) -> list[tuple[float, bool]]:
    """Score many pairs: ``[(score, same), ...]``, the same as :func:`match` gives
    (with the same ``diminutives`` option).

    Each distinct name is parsed once and each distinct comparison of two
    name parts is made once, so comparing a list against a list (screening,
    a block of a dataset) costs a few dictionary look-ups per pair. The
    memory lasts for the call only.

    >>> match_many([("Tokayev", "Токаев"), ("Nazarbayev", "Nazarbayeva")])
    [(0.725, True), (0.275, False)]

    Raises ``TypeError`` if ``pairs`` is not an iterable (a ``str`` is not
    one here) or an item is not a pair of ``str``, or if ``diminutives`` is
    not a ``bool``.
    """
    require_iterable(pairs, "pairs", "(str, str) tuples")
    batch = _Batch(require_bool(diminutives, "diminutives"))
    pair = batch.pair
    out = []
    for item in pairs:
        if not (
            type(item) is tuple
            and len(item) == 2
            and isinstance(item[0], str)
            and isinstance(item[1], str)
        ):
            raise TypeError(f"pairs must hold (str, str) tuples, got {item!r:.60}")
        out.append(pair(*item))
    return out

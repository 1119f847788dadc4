"""The development set of real spellings, its pairs, their kinds and their scoring.

Shared by ``dev_pairs.py`` (kznames) and ``nomenklatura_baseline.py --dev``
(nomenklatura, in a virtualenv without kznames): this module imports nothing
from kznames, so both score the very same pairs in the very same way.

Data: ``data/persons_dev.tsv`` (Wikidata labels via EveryPolitician, CC0; see
``benchmarks/README.md``): one row per distinct spelling of one person, with
its ``script`` and the ``languages`` whose labels carry it.

Pairs: every pair of two rows, in file order (the earlier row first: the
*query* for an asymmetric scorer such as nomenklatura). Truth: the same
``entity_id``.

Kinds of spelling, from ``script`` and ``languages``:

* ``cyrillic``: ``script`` is ``Cyrl`` (Kazakh, Russian, and the Ukrainian,
  Bulgarian, Kyrgyz, Tajik and Chuvash labels that copy them);
* ``english``: Latin with an English label (``en``, ``en_gb``, ...): the
  spellings of the English press and of official documents, which other
  languages' labels often copy (``Bulat Abilov`` is ``en``, ``nl``, ``es``,
  ``tr`` and ``hu``);
* ``kazakh-latin``: Latin with a label of Kazakh in Latin letters
  (``kk_latn``, ``kk_tr``) and no English one: Kazakh's own Latin;
* ``other-latin``: Latin carrying only labels of other languages (``de``,
  ``fr``, ``nl``, ``pl``, ``tr``, ``uz``, ``nb``, ``fi``, ...).

Kinds of pair (each pair has exactly one):

* ``cyr-cyr``: two Cyrillic spellings;
* ``other-any``: an ``other-latin`` spelling against anything;
* ``eng-cyr``: an ``english`` or ``kazakh-latin`` spelling against a Cyrillic one;
* ``eng-eng``: two Latin spellings, each ``english`` or ``kazakh-latin``.

Scoring: given the decisions ``same`` of a matcher on every pair, the raw
figures count a pair predicted same when its own decision is same; the
clustered figures put the spellings into the connected components of the
"same" decisions and count a pair predicted same when both are in one
component. Pairwise precision, recall and F1, overall and by kind.
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

PERSONS = Path(__file__).resolve().parent / "data" / "persons_dev.tsv"

PAIR_KINDS = {
    "cyr-cyr": "two Cyrillic forms",
    "other-any": "Latin of another language against anything",
    "eng-cyr": "English or Kazakh Latin against Cyrillic",
    "eng-eng": "English or Kazakh Latin against the same",
}
_KAZAKH_LATIN = ("kk_latn", "kk_tr")


@dataclass(frozen=True)
class Spelling:
    """One row of the development set."""

    entity: str
    name: str
    script: str
    languages: tuple[str, ...]

    @property
    def kind(self) -> str:
        """``cyrillic``, ``english``, ``kazakh-latin`` or ``other-latin``."""
        if self.script == "Cyrl":
            return "cyrillic"
        if any(lang == "en" or lang.startswith("en_") for lang in self.languages):
            return "english"
        if any(lang in _KAZAKH_LATIN for lang in self.languages):
            return "kazakh-latin"
        return "other-latin"


def read_spellings(path: Path = PERSONS) -> list[Spelling]:
    """The rows of ``persons_dev.tsv``, in file order."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Spelling(r["entity_id"], r["name"], r["script"], tuple(r["languages"].split(",")))
        for r in rows
    ]


HALVES = ("calibrate", "report")


def half(spellings: Sequence[Spelling], which: str | None) -> list[Spelling]:
    """The spellings of one half of the people (``"calibrate"`` or ``"report"``),
    or all of them for ``None``. A person falls in the half given by the first
    byte of the SHA-256 of their id (even: calibrate), so the split is the same
    on every machine and keeps each person's spellings together: what is tuned
    on one half is reported on people it never saw."""
    return [s for s in spellings if in_half(s.entity, which)]


def in_half(label: str, which: str | None) -> bool:
    """Whether the entity ``label`` is in the half ``which`` (see :func:`half`);
    every label is in ``None``, the whole."""
    if which is None:
        return True
    if which not in HALVES:
        raise ValueError(f"which must be one of {HALVES} or None, got {which!r}")
    return hashlib.sha256(label.encode()).digest()[0] % 2 == HALVES.index(which)


def pair_kind(a: Spelling, b: Spelling) -> str:
    """The kind of a pair of spellings (see the module's docstring)."""
    kinds = {a.kind, b.kind}
    if "other-latin" in kinds:
        return "other-any"
    if kinds == {"cyrillic"}:
        return "cyr-cyr"
    if "cyrillic" in kinds:
        return "eng-cyr"
    return "eng-eng"


def index_pairs(n: int) -> list[tuple[int, int]]:
    """Every pair ``(i, j)``, ``i < j``, of ``n`` rows, in file order."""
    return list(combinations(range(n), 2))


def name_pairs(spellings: Sequence[Spelling]) -> list[tuple[str, str]]:
    """The names of every pair, in the order of :func:`index_pairs`."""
    return [(spellings[i].name, spellings[j].name) for i, j in index_pairs(len(spellings))]


def components(n: int, edges: Sequence[tuple[int, int]]) -> list[int]:
    """The connected component of each of ``n`` nodes, as the smallest node in it."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [root(x) for x in range(n)]


@dataclass
class Counts:
    """Pairwise counts: pairs, true (same person), predicted same, and both."""

    pairs: int = 0
    true: int = 0
    predicted: int = 0
    hits: int = 0

    def add(self, truth: bool, predicted: bool) -> None:
        self.pairs += 1
        self.true += truth
        self.predicted += predicted
        self.hits += truth and predicted

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.true if self.true else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> str:
        return (
            f"{self.precision:5.3f} ({self.hits:>4}/{self.predicted:<5}) "
            f"{self.recall:5.3f} ({self.hits:>4}/{self.true:<4}) {self.f1:5.3f}"
        )


@dataclass
class Scored:
    """Counts by kind and overall, raw and clustered, and the clustered errors."""

    raw: dict[str, Counts]
    clustered: dict[str, Counts]
    misses: list[tuple[int, int]]
    merges: list[tuple[int, int]]
    cluster: list[int]


def score(spellings: Sequence[Spelling], same: Sequence[bool]) -> Scored:
    """Score the decisions ``same``, one per pair of :func:`index_pairs`."""
    pairs = index_pairs(len(spellings))
    if len(same) != len(pairs):
        raise ValueError(f"same: expected {len(pairs)} decisions, got {len(same)}")
    cluster = components(len(spellings), [p for p, s in zip(pairs, same, strict=True) if s])
    keys = ("all", *PAIR_KINDS)
    raw = {k: Counts() for k in keys}
    clustered = {k: Counts() for k in keys}
    misses, merges = [], []
    for (i, j), decided in zip(pairs, same, strict=True):
        a, b = spellings[i], spellings[j]
        truth = a.entity == b.entity
        joined = cluster[i] == cluster[j]
        for k in ("all", pair_kind(a, b)):
            raw[k].add(truth, decided)
            clustered[k].add(truth, joined)
        if truth and not joined:
            misses.append((i, j))
        elif joined and not truth:
            merges.append((i, j))
    return Scored(raw, clustered, misses, merges, cluster)


def _by_language(spellings: Sequence[Spelling], cluster: Sequence[int]) -> None:
    """Clustered recall of the pairs of one person's ``other-latin`` spelling and
    another spelling, by each label language of the ``other-latin`` one."""
    counts: dict[str, Counts] = {}
    for i, j in index_pairs(len(spellings)):
        a, b = spellings[i], spellings[j]
        if a.entity != b.entity:
            continue
        for s in {a, b}:
            if s.kind == "other-latin":
                for lang in s.languages:
                    counts.setdefault(lang, Counts()).add(True, cluster[i] == cluster[j])
    print("\n  clustered recall of other-any pairs, by a label language of the other-latin side:")
    cells = [
        f"{lang} {c.recall:.2f} ({c.hits}/{c.true})"
        for lang, c in sorted(counts.items(), key=lambda item: -item[1].true)
    ]
    for start in range(0, len(cells), 6):
        print("    " + ", ".join(cells[start : start + 6]))


def _errors(
    title: str,
    errors: list[tuple[int, int]],
    spellings: Sequence[Spelling],
    note: dict[tuple[int, int], str],
    sample: int,
    rng: random.Random,
) -> None:
    by_kind = Counter(pair_kind(spellings[i], spellings[j]) for i, j in errors)
    counts = ", ".join(f"{k} {by_kind[k]}" for k in PAIR_KINDS)
    print(f"\n  {title}: {len(errors)} ({counts}); {min(sample, len(errors))} at random:")
    for i, j in sorted(rng.sample(errors, min(sample, len(errors)))):
        a, b = spellings[i], spellings[j]
        where = lambda s: f"{s.name!r} [{s.kind}: {','.join(s.languages)}]"  # noqa: E731
        print(f"    {pair_kind(a, b):<9} {where(a)}  vs  {where(b)}  {note.get((i, j), '')}")


def report(
    title: str,
    spellings: Sequence[Spelling],
    same: Sequence[bool],
    scores: Sequence[float],
    sample: int = 25,
    seed: int = 2026,
) -> Scored:
    """Print the raw and clustered figures by kind, and samples of the clustered errors."""
    result = score(spellings, same)
    people = len({s.entity for s in spellings})
    spelling_kinds = Counter(s.kind for s in spellings)
    print(f"{title}: {people} people, {len(spellings)} spellings, {len(same)} pairs")
    print("  spellings: " + ", ".join(f"{k} {n}" for k, n in sorted(spelling_kinds.items())))
    sizes = Counter(result.cluster).values()
    print(
        f"  clusters: {len(sizes)} (true: {people}), largest {max(sizes)} spellings"
        f" (true: {max(Counter(s.entity for s in spellings).values())})"
    )
    header = f"{'precision':>18} {'recall':>16} {'F1':>5}"
    print(f"\n  {'kind':<10} {'pairs':>6} {'same':>5}   raw: {header}   clustered: {header}")
    for k in ("all", *PAIR_KINDS):
        raw, clustered = result.raw[k], result.clustered[k]
        print(
            f"  {k:<10} {raw.pairs:>6} {raw.true:>5}        {raw.figures()}"
            f"              {clustered.figures()}"
        )
    for k, text in PAIR_KINDS.items():
        print(f"    {k}: {text}")
    _by_language(spellings, result.cluster)
    pairs = index_pairs(len(spellings))
    position = {p: n for n, p in enumerate(pairs)}
    note = {}
    for p in (*result.misses, *result.merges):
        n = position[p]
        how = "same" if same[n] else "different"
        note[p] = f"(score {scores[n]:.3f}, own decision {how})"
    rng = random.Random(seed)
    _errors("Clustered misses (same person, apart)", result.misses, spellings, note, sample, rng)
    _errors(
        "Clustered false merges (different people, joined)",
        result.merges,
        spellings,
        note,
        sample,
        rng,
    )
    direct = sum(same[position[p]] for p in result.merges)
    print(
        f"  of the false merges, {direct} are the pair's own decision and"
        f" {len(result.merges) - direct} come through a chain of other pairs"
    )
    return result


def write_pairs(path: Path, spellings: Sequence[Spelling]) -> None:
    """Write every pair in the format of ``data/match_pairs.tsv``:
    ``name_a<TAB>name_b<TAB>label<TAB>why`` (``why``: the pair's kind and ids)."""
    lines = [
        "# Every pair of the spellings of benchmarks/data/persons_dev.tsv (Wikidata labels",
        "# via EveryPolitician, CC0), written by benchmarks/dev_pairs.py. Columns: name_a,",
        "# name_b, label (1 = same person), why (the kind of pair and the Wikidata items).",
    ]
    for i, j in index_pairs(len(spellings)):
        a, b = spellings[i], spellings[j]
        ids = a.entity.removeprefix("wikidata:")
        if b.entity != a.entity:
            ids += "/" + b.entity.removeprefix("wikidata:")
        label = int(a.entity == b.entity)
        lines.append(f"{a.name}\t{b.name}\t{label}\t{pair_kind(a, b)} {ids}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

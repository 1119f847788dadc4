"""``kznames.spark.dedupe`` in Spark's local mode against ``kznames.dedupe`` in one
process, on the same generated names, and whether the two partitions are identical.

Data: ``dedupe_data.generate(n)`` (seeded), written to a Parquet file that
Spark reads, as a user's job would. Spark runs as ``local[2]`` (both cores)
with 8 shuffle partitions; its time is that of writing the result to Parquet
(the whole job, no collect on the driver), the in-process time that of one
``kznames.dedupe`` call. The partitions are compared row by row: two rows
share a Spark cluster exactly when they share an in-process one, and the
ids are compared too.

Run from the repository root: ``python benchmarks/spark_scale.py [N ...]``
(default 100,000 and 1,000,000). Needs ``pip install '.[spark,bench]'`` and
Java 17.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from dedupe_data import generate, pairwise

import kznames
from kznames import spark as kz_spark

SIZES = (100_000, 1_000_000)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    session = kz_spark.local_session(2, 8, "kznames-spark-scale", memory="6g")
    print(f"Spark {session.version} local[2]; Python {sys.version.split()[0]}\n")
    header = f"{'rows':>11}{'in-process s':>14}{'spark s':>10}{'ratio':>7}"
    print(header + "  identical  precision  recall")
    for n in sizes:
        rows = generate(n)
        names = [name for name, _ in rows]
        start = time.perf_counter()
        local = kznames.dedupe(names)
        in_process = time.perf_counter() - start
        with tempfile.TemporaryDirectory() as folder:
            source, target = Path(folder) / "names.parquet", Path(folder) / "out.parquet"
            pd.DataFrame({"row": range(n), "name": names}).to_parquet(source)
            start = time.perf_counter()
            frame = session.read.parquet(str(source))
            kz_spark.dedupe(frame, "name").write.parquet(str(target))
            on_spark = time.perf_counter() - start
            out = pd.read_parquet(target).sort_values("row")
        labels = [v if isinstance(v, str) else None for v in out["kz_cluster"]]
        identical = "yes" if labels == local else "NO"
        scores = pairwise(labels, [person for _, person in rows])
        print(
            f"{n:>11,}{in_process:>14.1f}{on_spark:>10.1f}{on_spark / in_process:>7.1f}"
            f"  {identical:>9}  {scores.precision:>9.3f}  {scores.recall:>6.3f}",
            flush=True,
        )
    session.stop()


if __name__ == "__main__":
    main()

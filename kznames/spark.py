"""``kznames.spark.dedupe``: :func:`kznames.dedupe` on an Apache Spark DataFrame.

The same clustering as in one process, spread over a cluster; nothing is
collected on the driver:

1. The distinct names of the column are read with ``mapInPandas``: those
   without a letter dropped as in one process, the others parsed, looked up
   in the registry, and given their element (the readings and entity that
   make names interchangeable) and their blocks.
2. Each block is clustered with ``applyInPandas``, by the very function
   :func:`kznames.dedupe` uses, so the groups are the same.
3. Groups that share an element are joined by connected components, computed
   by label propagation: each element takes the smallest label among the
   groups it is in, until no label changes.
4. A component holding two registry entities is split as in one process, and
   each cluster is named by its fullest, most frequent spelling. Clusters
   whose names make one id each get a suffix from the hash of their own
   name, by the functions of one process: no id depends on the row order.

Requires ``pip install 'kznames[spark]'`` and Java 17 or newer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from kznames._check import require_str
from kznames.dedupe import (
    _block_groups,
    _block_keys,
    _canonical,
    _cluster_id,
    _digest,
    _Element,
    _fullness,
    _has_letter,
    _place_block,
    _place_keys,
    _resolved,
    _split,
    _suffix,
)
from kznames.match import _Batch
from kznames.registry import KINDS, Registry, require_kind, require_registry

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped]
    from pyspark.sql import DataFrame, SparkSession

_ROW = "__kz_row"
_NAMES = (
    "name string, count long, entity string, shown string, element string, "
    "blocks array<string>, own string, full int, base string, tie string"
)


def _read(kind: str, registry: Registry | None) -> Any:
    """The ``mapInPandas`` function of step 1."""

    def read(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        reg = require_registry(registry)
        batch = _Batch()
        for frame in frames:
            rows = []
            for name, count in zip(frame["name"], frame["count"], strict=True):
                place = None if kind == "person" else _place_keys(kind, name)
                base = _cluster_id(batch, kind, name) if place is None else place.id
                if not _has_letter(base):
                    continue
                found = _resolved(reg, name, kind)
                entity = found.entity if found is not None else None
                if place is None:
                    readings = batch.readings(name)
                    values = batch.values
                    element = repr(
                        (
                            tuple(
                                (values[r[0]], values[r[1]], values[r[2]], r[3], r[4], values[r[5]])
                                for r in readings
                            ),
                            entity.id if entity else None,
                        )
                    )
                    blocks = _block_keys(batch, readings)
                elif kind == "place":
                    element = repr((place.solid, entity.id if entity else None))
                    blocks = [_place_block(place.solid)]
                else:
                    element = entity.id if entity else place.group
                    blocks = []
                rows.append(
                    {
                        "name": name,
                        "count": count,
                        "entity": entity.id if entity else None,
                        "shown": entity.name if entity else None,
                        "element": element,
                        "blocks": blocks,
                        "own": blocks[0] if blocks else None,
                        "full": _fullness(batch, kind, name),
                        "base": base,
                        "tie": place.tie if kind == "place" and place else None,
                    }
                )
            yield _frame(rows, _NAMES)

    return read


def _frame(rows: list[dict[str, Any]], schema: str) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=[field.split()[0] for field in schema.split(", ")])


def _text(value: object) -> str | None:
    """A string cell, or ``None`` for a missing one (pandas gives NaN or None)."""
    return value if isinstance(value, str) else None


_GROUPS = "block string, rep string, grp string, home boolean"


def _cluster_block(frame: pd.DataFrame) -> pd.DataFrame:
    """The ``applyInPandas`` function of step 2: one block's groups of two or more."""
    batch = _Batch()
    block = frame["block"].iloc[0]
    members = [
        _Element(rep, (), _text(entity), _place_keys("place", rep).solid)
        if block.startswith("p:")
        else _Element(rep, batch.readings(rep), _text(entity))
        for rep, entity in zip(frame["rep"], frame["entity"], strict=True)
    ]
    own = list(frame["own"])
    rows = []
    for group in _block_groups(batch, block, members):
        if len(group) > 1:
            grp = min(members[i].name for i in group)
            for i in group:
                rows.append(
                    {"block": block, "rep": members[i].name, "grp": grp, "home": own[i] == block}
                )
    return _frame(rows, _GROUPS)


_SPLIT = "rep string, cluster string"


def _split_component(frame: pd.DataFrame) -> pd.DataFrame:
    """The ``applyInPandas`` function of step 4 for a component holding two registry
    entities: split by :func:`kznames.dedupe`'s own rule."""
    reps = list(frame["rep"])
    entities = [_text(e) for e in frame["entity"]]
    members: dict[str, list[int]] = {}
    for i, hubs in enumerate(frame["hubs"]):
        for name in hubs if hubs is not None else ():
            members.setdefault(name, []).append(i)
    home = {i: tuple(members[h]) for i, h in enumerate(frame["home"]) if _text(h)}
    label = frame["label"].iloc[0]
    rows = [
        {"rep": reps[i], "cluster": f"{label}|{min(reps[k] for k in cluster)}"}
        for cluster in _split(list(range(len(reps))), entities.__getitem__, home)
        for i in cluster
    ]
    return _frame(rows, _SPLIT)


_LABELS = "cluster string, base string, shown string, digest string, registered boolean"


def _name_cluster(frame: pd.DataFrame) -> pd.DataFrame:
    """The ``applyInPandas`` function of step 4: a cluster's base id and display
    name, and the digest of its name for a suffix."""
    cluster = frame["cluster"].iloc[0]
    entities = [(e, s) for e, s in zip(frame["entity"], frame["shown"], strict=True) if _text(e)]
    if entities:
        row = {"base": entities[0][0], "shown": entities[0][1], "digest": None, "registered": True}
    else:
        names = list(frame["name"])
        counts = Counter(dict(zip(names, map(int, frame["count"]), strict=True)))
        full = dict(zip(names, map(int, frame["full"]), strict=True))
        canonical = _canonical(names, counts, full.__getitem__)
        base = dict(zip(names, frame["base"], strict=True))[canonical]
        row = {"base": base, "shown": canonical, "digest": _digest(canonical), "registered": False}
    return _frame([{"cluster": cluster, **row}], _LABELS)


def _components(edges: DataFrame, labels: DataFrame) -> DataFrame:
    """Connected components by label propagation: ``labels`` (rep, label) start as
    each element's own name; each round, every hub of ``edges`` (rep, hub)
    takes the smallest label of its elements, and each element the smallest
    label of its hubs, until no label changes."""
    from pyspark.sql import functions as F

    while True:
        hubs = edges.join(labels, "rep").groupBy("hub").agg(F.min("label").alias("hub_label"))
        reached = edges.join(hubs, "hub").groupBy("rep").agg(F.min("hub_label").alias("reached"))
        updated = (
            labels.join(reached, "rep", "left")
            .select("rep", F.least("label", F.coalesce("reached", "label")).alias("label"))
            .localCheckpoint()
        )
        changed = (
            updated.alias("new")
            .join(labels.alias("old"), "rep")
            .where(F.col("new.label") != F.col("old.label"))
            .count()
        )
        labels = updated
        if changed == 0:
            return labels


def local_session(
    cores: int = 2, partitions: int = 8, app: str = "kznames", memory: str = "2g"
) -> SparkSession:
    """A Spark session in local mode whose Python workers run this interpreter, with
    ``memory`` for the JVM (``"6g"``: in local mode the driver does all the work).

    PySpark starts ``python3`` from the ``PATH`` for its workers unless
    ``PYSPARK_PYTHON`` names another, and in a virtualenv that Python lacks
    kznames; this sets it (when it is not set) before the session starts.
    The web UI is off and the log shows errors only.

    >>> spark = local_session(cores=2)  # doctest: +SKIP
    >>> spark.sparkContext.master  # doctest: +SKIP
    'local[2]'

    Raises ``ValueError`` for fewer than one core or partition.
    """
    import os
    import sys

    from pyspark.sql import SparkSession

    if cores < 1 or partitions < 1:
        raise ValueError(f"cores and partitions must be at least 1, got {cores} and {partitions}")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.driver.memory", memory)
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def dedupe(
    df: DataFrame,
    column: str,
    kind: str = "person",
    registry: Registry | None = None,
    cluster: str = "kz_cluster",
    canonical: str = "kz_canonical",
) -> DataFrame:
    """:func:`kznames.dedupe` on a Spark DataFrame: ``df`` with every row, in order,
    and two columns added, the cluster id and the cluster's display name.
    Missing and empty names, and names without a letter, get ``null`` in both.
    The partition of the rows and the ids are the ones :func:`kznames.dedupe`
    gives on the same names.

    >>> from pyspark.sql import SparkSession  # doctest: +SKIP
    >>> spark = SparkSession.builder.master("local[2]").getOrCreate()  # doctest: +SKIP
    >>> rows = [("Tokayev",), ("Тоқаев",), (None,)]
    >>> df = spark.createDataFrame(rows, "name string")  # doctest: +SKIP
    >>> dedupe(df, "name").collect()[0].kz_cluster  # doctest: +SKIP
    'person:tokayev-kassym-jomart'

    Raises ``TypeError`` for a ``df`` that is not a Spark DataFrame, a column
    name that is not a ``str`` or a column that does not hold strings, or a
    ``registry`` that is not a :class:`kznames.Registry`; ``ValueError`` for
    a column ``df`` lacks or has twice, an added column it already has, or
    an unknown kind.
    """
    from pyspark.sql import DataFrame as SparkFrame
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql.types import CharType, StringType, VarcharType

    if not isinstance(df, SparkFrame):
        raise TypeError(f"df must be a pyspark.sql.DataFrame, not {type(df).__name__}")
    require_str(column, "column")
    if column not in df.columns:
        raise ValueError(f"column {column!r} is not in df; its columns are {', '.join(df.columns)}")
    if df.columns.count(column) > 1:
        raise ValueError(f"column {column!r} is twice in df; name it once")
    held = df.schema[column].dataType
    if not isinstance(held, StringType | VarcharType | CharType):
        raise TypeError(f"column {column!r} must hold strings, not {held.simpleString()}")
    if require_kind(kind) is None:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got None")
    require_registry(registry)
    for name, argument in ((cluster, "cluster"), (canonical, "canonical")):
        require_str(name, argument)
        if name in df.columns:
            raise ValueError(f"{argument} column {name!r} is already in df")
    rows = df.withColumn(_ROW, F.monotonically_increasing_id())
    names = (
        rows.where(F.col(column).isNotNull())
        .groupBy(F.col(column).cast("string").alias("name"))
        .agg(F.count("*").alias("count"))
        .mapInPandas(_read(kind, registry), _NAMES)
        .localCheckpoint()
    )
    elements = names.groupBy("element").agg(
        F.min("name").alias("rep"), F.first("entity", ignorenulls=True).alias("entity")
    )
    if kind != "org":
        members = (
            names.join(elements.select("element", "rep"), "element")
            .select("rep", "entity", "own", F.explode("blocks").alias("block"))
            .distinct()
        )
        groups = members.groupBy("block").applyInPandas(_cluster_block, _GROUPS).localCheckpoint()
        edges = (
            groups.select("rep", F.concat_ws("|", "block", "grp").alias("hub"))
            .union(
                elements.where(F.col("entity").isNotNull()).select(
                    "rep", F.concat(F.lit("entity|"), "entity").alias("hub")
                )
            )
            .union(
                names.where(F.col("tie").isNotNull())
                .join(elements.select("element", "rep"), "element")
                .select("rep", F.col("tie").alias("hub"))
            )
        )
        labels = _components(edges, elements.select("rep", F.col("rep").alias("label")))
        hub = F.concat_ws("|", "block", "grp")
        hubs = groups.groupBy("rep").agg(
            F.collect_list(hub).alias("hubs"), F.max(F.when(F.col("home"), hub)).alias("home")
        )
        placed = elements.join(labels, "rep")
        registered = placed.groupBy("label").agg(F.countDistinct("entity").alias("entities"))
        placed = placed.join(registered, "label")
        split = (
            placed.where(F.col("entities") > 1)
            .join(hubs, "rep", "left")
            .groupBy("label")
            .applyInPandas(_split_component, _SPLIT)
        )
        placed = (
            placed.where(F.col("entities") <= 1)
            .select("rep", F.col("label").alias("cluster"))
            .union(split)
        )
        named = names.join(elements.select("element", "rep"), "element").join(placed, "rep")
    else:
        named = names.withColumn("cluster", F.col("element"))
    by_base = Window.partitionBy("base")
    in_order = by_base.orderBy("digest")
    clusters = (
        named.groupBy("cluster")
        .applyInPandas(_name_cluster, _LABELS)
        .withColumn("alone", F.col("registered") | (F.count("*").over(by_base) == 1))
        .withColumn("before", F.lag("digest").over(in_order))
        .withColumn("after", F.lead("digest").over(in_order))
    )
    suffix = F.udf(_suffix, StringType())
    labelled = (
        clusters.where("alone")
        .select("cluster", F.col("base").alias(cluster), F.col("shown").alias(canonical))
        .union(
            clusters.where(~F.col("alone")).select(
                "cluster",
                F.concat_ws("-", "base", suffix("digest", "before", "after")).alias(cluster),
                F.col("shown").alias(canonical),
            )
        )
    )
    by_name = named.select(F.col("name").alias("__kz_name"), "cluster").join(labelled, "cluster")
    return (
        rows.join(
            by_name.drop("cluster"), F.col(column).cast("string") == F.col("__kz_name"), "left"
        )
        .orderBy(_ROW)
        .drop(_ROW, "__kz_name")
    )

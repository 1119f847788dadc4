"""``dedupe_frame()``: :func:`kznames.dedupe` on a pandas or polars column.

Neither library is needed to use kznames: the frame's own library is
imported only when a frame of that library is passed.
"""

from __future__ import annotations

from typing import Any

from kznames._check import require_str
from kznames.dedupe import dedupe_detail
from kznames.registry import Registry

CLUSTER = "kz_cluster"
CANONICAL = "kz_canonical"


def _library(frame: Any) -> str:
    module = type(frame).__module__.split(".")[0]
    if module in ("pandas", "polars") and type(frame).__name__ == "DataFrame":
        return module
    raise TypeError(f"frame must be a pandas or polars DataFrame, got {type(frame).__name__}")


def dedupe_frame(
    frame: Any,
    column: str,
    kind: str = "person",
    registry: Registry | None = None,
    cluster: str = CLUSTER,
    canonical: str = CANONICAL,
) -> Any:
    """The frame with a cluster id and a canonical name beside every value of ``column``.

    Every row is kept, in order, with its original values; missing and empty
    names get no cluster (``None``). Works on a pandas or a polars
    ``DataFrame`` and returns a new frame of the same library; the added
    columns are named ``kz_cluster`` and ``kz_canonical`` unless ``cluster``
    and ``canonical`` say otherwise.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"name": ["TOKAYEV Kassym-Jomart", None, "Тоқаев Қасым-Жомарт"]})
    >>> out = dedupe_frame(df, "name")
    >>> out["kz_cluster"].iloc[0] == out["kz_cluster"].iloc[2], out["kz_cluster"].isna().tolist()
    (True, [False, True, False])
    >>> out["kz_canonical"].iloc[0]
    'Kassym-Jomart Tokayev'


    Raises ``TypeError`` for a frame of another kind or a column of values
    that are not text, and ``ValueError`` for a column the frame lacks or an
    added column it already has.
    """
    library = _library(frame)
    require_str(column, "column")
    columns = [str(c) for c in frame.columns]
    if column not in columns:
        raise ValueError(f"column {column!r} is not in the frame; it has {', '.join(columns)}")
    for name, argument in ((cluster, "cluster"), (canonical, "canonical")):
        require_str(name, argument)
        if name in columns:
            raise ValueError(f"{argument} column {name!r} is already in the frame")
    if library == "pandas":
        import pandas as pd  # type: ignore[import-untyped]

        values = [None if pd.isna(v) else v for v in frame[column].tolist()]
    else:
        values = frame.get_column(column).to_list()
    result = dedupe_detail(values, kind, registry)
    names = {c.id: c.name for c in result.clusters}
    labels = result.labels
    canonicals = [names[label] if label is not None else None for label in labels]
    if library == "pandas":
        return frame.assign(**{cluster: labels, canonical: canonicals})
    import polars as pl

    return frame.with_columns(
        pl.Series(cluster, labels, dtype=pl.String),
        pl.Series(canonical, canonicals, dtype=pl.String),
    )

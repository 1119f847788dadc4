"""``dedupe_frame()``: :func:`kznames.dedupe` on a pandas or polars column.

Neither library is needed to use kznames: the frame's own library is
imported only when a frame of that library is passed.
"""

from __future__ import annotations

import sys
from typing import Any

from kznames._check import require_str
from kznames.dedupe import _run
from kznames.registry import Registry

CLUSTER = "kz_cluster"
CANONICAL = "kz_canonical"


def _library(frame: Any) -> str:
    """``"pandas"`` or ``"polars"``: the library whose ``DataFrame`` ``frame`` is."""
    for library in ("pandas", "polars"):
        module = sys.modules.get(library)
        if module is not None and isinstance(frame, module.DataFrame):
            return library
    raise TypeError(f"frame must be a pandas or polars DataFrame, not {type(frame).__name__}")


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
    names, and values without a letter, get no cluster (``None``). Works on a
    pandas or a polars ``DataFrame`` and returns a new frame of the same
    library; the added columns are named ``kz_cluster`` and ``kz_canonical``
    unless ``cluster`` and ``canonical`` say otherwise. In pandas they have
    the dtype of ``column`` when it is a string dtype and ``object``
    otherwise, so they hold whatever the column holds.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"name": ["TOKAYEV Kassym-Jomart", None, "Тоқаев Қасым-Жомарт"]})
    >>> out = dedupe_frame(df, "name")
    >>> out["kz_cluster"].iloc[0] == out["kz_cluster"].iloc[2], out["kz_cluster"].isna().tolist()
    (True, [False, True, False])
    >>> out["kz_canonical"].iloc[0]
    'Kassym-Jomart Tokayev'


    Raises ``TypeError`` for a frame of another kind or a column of values
    that are not text, and ``ValueError`` for a column the frame lacks (or
    has twice) or an added column it already has.
    """
    library = _library(frame)
    require_str(column, "column")
    columns = list(frame.columns)
    if column not in columns:
        shown = ", ".join(map(str, columns))
        raise ValueError(f"column {column!r} is not in the frame; it has {shown}")
    if columns.count(column) > 1:
        raise ValueError(f"column {column!r} is twice in the frame; name it once")
    for name, argument in ((cluster, "cluster"), (canonical, "canonical")):
        require_str(name, argument)
        if name in columns:
            raise ValueError(f"{argument} column {name!r} is already in the frame")
    if library == "pandas":
        import pandas as pd  # type: ignore[import-untyped]

        is_scalar, isna = pd.api.types.is_scalar, pd.isna
        values = [None if is_scalar(v) and isna(v) else v for v in frame[column].tolist()]
    else:
        values = frame.get_column(column).to_list()
    run = _run(values, kind, registry, None, f"column {column!r}")
    labels = run.labels()
    canonicals = [None if label is None else run.shown[label] for label in labels]
    if library == "pandas":
        dtype = frame[column].dtype
        if not isinstance(dtype, pd.StringDtype):
            dtype = object
        added = {
            name: pd.Series(data, index=frame.index, dtype=dtype)
            for name, data in ((cluster, labels), (canonical, canonicals))
        }
        return frame.assign(**added)
    import polars as pl

    return frame.with_columns(
        pl.Series(cluster, labels, dtype=pl.String),
        pl.Series(canonical, canonicals, dtype=pl.String),
    )

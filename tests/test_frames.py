"""dedupe_frame(): pandas and polars columns, every row and value kept."""

import pandas as pd
import polars as pl
import pytest

from kznames import Registry, dedupe, dedupe_frame

NAMES = ["TOKAYEV Kassym-Jomart", None, "", "Тоқаев Қасым-Жомарт", "Rinat Zaitov", "Zaitov R."]


def test_pandas_keeps_every_row_its_index_and_values():
    df = pd.DataFrame({"name": NAMES, "n": range(6)}, index=list("abcdef"))
    out = dedupe_frame(df, "name")
    assert list(out.index) == list("abcdef") and out["n"].tolist() == list(range(6))
    assert out["name"].tolist()[3:] == NAMES[3:]
    expected = dedupe(NAMES)
    assert [None if pd.isna(v) else v for v in out["kz_cluster"]] == expected
    assert out["kz_canonical"].iloc[0] == "Kassym-Jomart Tokayev"
    assert pd.isna(out["kz_canonical"].iloc[1])
    assert list(df.columns) == ["name", "n"]  # the input frame is not changed


def test_pandas_missing_values_pass_through():
    df = pd.DataFrame({"name": ["Almaty", float("nan"), pd.NA, "Alma-Ata"]})
    out = dedupe_frame(df, "name", kind="place")
    assert [None if pd.isna(v) else v for v in out["kz_cluster"]] == [
        "place:almaty",
        None,
        None,
        "place:almaty",
    ]


def test_polars():
    df = pl.DataFrame({"name": NAMES, "n": list(range(6))})
    out = dedupe_frame(df, "name", registry=Registry(), cluster="id", canonical="who")
    assert out.columns == ["name", "n", "id", "who"]
    assert out.get_column("id").to_list() == dedupe(NAMES, registry=Registry())
    assert out.get_column("name").to_list() == NAMES


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (({"name": ["x"]}, "name"), TypeError, "frame must be a pandas or polars DataFrame"),
        ((pd.DataFrame({"name": ["x"]}), "who"), ValueError, "column 'who' is not in the frame"),
        ((pd.DataFrame({"name": ["x"], "kz_cluster": [1]}), "name"), ValueError, "already"),
        ((pd.DataFrame({"name": [1, 2]}), "name"), TypeError, "names must hold str or None"),
    ],
)
def test_bad_input(args, error, message):
    with pytest.raises(error, match=message):
        dedupe_frame(*args)

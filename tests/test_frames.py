"""dedupe_frame(): pandas and polars columns, every row and value kept."""

import pandas as pd
import polars as pl
import pytest
from hostile import hostile_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from kznames import Registry, dedupe, dedupe_detail, dedupe_frame

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


def test_a_value_pandas_cannot_store_as_utf8_is_kept():
    names = ["Zaitov Rinat \ud800", None, "Rinat Zaitov", "\udcff", "", "Ахметов \udfff Нурлан"]
    df = pd.DataFrame({"name": pd.Series(names, dtype=object)})
    out = dedupe_frame(df, "name", registry=Registry())
    expected = dedupe_detail(names, registry=Registry())
    shown = {c.id: c.name for c in expected.clusters}
    assert out["name"].tolist() == names
    assert [None if pd.isna(v) else v for v in out["kz_cluster"]] == expected.labels
    assert [None if pd.isna(v) else v for v in out["kz_canonical"]] == [
        shown.get(label) for label in expected.labels
    ]
    assert out["kz_canonical"].iloc[5] == "Ахметов \udfff Нурлан"


@pytest.mark.parametrize("dtype", ["str", "string", object])
def test_the_added_columns_have_the_dtype_of_the_column(dtype):
    df = pd.DataFrame({"name": pd.Series(["Almaty", None, "Alma-Ata"], dtype=dtype)})
    out = dedupe_frame(df, "name", kind="place")
    assert out["kz_cluster"].dtype == out["kz_canonical"].dtype == df["name"].dtype
    assert pd.isna(out["kz_cluster"].iloc[1]) and out["kz_canonical"].iloc[2] == "Almaty"


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (({"name": ["x"]}, "name"), TypeError, "must be a pandas or polars DataFrame, not dict"),
        ((None, "name"), TypeError, "frame must be a pandas or polars DataFrame, not NoneType"),
        ((pd.Series(["x"]), "name"), TypeError, "frame must be a pandas or polars DataFrame"),
        ((pl.DataFrame({"name": ["x"]}).lazy(), "name"), TypeError, "not LazyFrame"),
        ((pd.DataFrame({"name": ["x"]}), None), TypeError, "column must be a str, not NoneType"),
        ((pd.DataFrame({"name": ["x"]}), "who"), ValueError, "column 'who' is not in the frame"),
        ((pd.DataFrame({0: ["x"]}), "0"), ValueError, "column '0' is not in the frame"),
        ((pd.DataFrame([["x", "y"]], columns=["n", "n"]), "n"), ValueError, "column 'n' is twice"),
        ((pd.DataFrame({"name": ["x"], "kz_cluster": [1]}), "name"), ValueError, "already"),
        ((pd.DataFrame({"name": [1, 2]}), "name"), TypeError, "column 'name' must hold str or"),
        ((pd.DataFrame({"name": [["x", "y"]]}), "name"), TypeError, "got list at 0"),
        ((pl.DataFrame({"name": [1]}), "name"), TypeError, "column 'name' must hold str or None"),
    ],
)
def test_bad_input(args, error, message):
    with pytest.raises(error, match=message):
        dedupe_frame(*args)


@settings(max_examples=100)
@given(st.lists(st.one_of(st.none(), hostile_texts(surrogates=False)), min_size=1, max_size=10))
def test_hostile_values_in_both_libraries(names):
    expected = dedupe(names, registry=Registry())
    frame = pd.DataFrame({"name": pd.Series(names, dtype=object)})
    out = dedupe_frame(frame, "name", registry=Registry())
    assert [None if pd.isna(v) else v for v in out["kz_cluster"]] == expected
    frame = pl.DataFrame({"name": names}, schema={"name": pl.String})
    out = dedupe_frame(frame, "name", registry=Registry())
    assert out.get_column("kz_cluster").to_list() == expected

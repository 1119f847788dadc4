"""kznames.spark.dedupe: the in-process clustering on Spark, in local mode."""

import os
import random
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest
from hostile import hostile_sample

import kznames
from kznames import spark as kz_spark

pyspark = pytest.importorskip("pyspark")
F = pytest.importorskip("pyspark.sql.functions")


@pytest.fixture(scope="module")
def spark():
    session = kz_spark.local_session(cores=2, partitions=4, app="kznames-tests")
    yield session
    session.stop()


def _generated(n, seed):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from dedupe_data import generate

    return [name for name, _ in generate(n, seed=seed)]


def _partition(labels):
    groups = defaultdict(set)
    for i, label in enumerate(labels):
        if label is not None:
            groups[label].add(i)
    return sorted(map(sorted, groups.values()))


def _labels(frame, column="kz_cluster"):
    return [v if isinstance(v, str) else None for v in frame[column]]


def test_the_partition_and_ids_are_the_ones_dedupe_gives(spark):
    names = [*_generated(3000, seed=21), None, "", "  ", "Tokayev", "Тоқаев", "K. Tokayev"]
    df = spark.createDataFrame(pd.DataFrame({"name": names, "row": range(len(names))}))
    out = kz_spark.dedupe(df, "name").toPandas()
    expected = kznames.dedupe(names)
    assert list(out["row"]) == list(range(len(names)))  # every row, in order
    assert _labels(out, "name") == names
    assert _partition(_labels(out)) == _partition(expected)
    assert _labels(out) == expected
    canonical = {c.id: c.name for c in kznames.dedupe_detail(names).clusters}
    assert _labels(out, "kz_canonical") == [canonical.get(label) for label in expected]


def test_the_ids_do_not_depend_on_the_order_of_the_rows(spark):
    names = [
        *_generated(1500, seed=13),
        *["Петров Иван Сергеевич", "Петров Иван Иванович", "Petrov Ivan Olegovich"],
        *["Иванова А.", "Ivanova A.", "Ivanova Aida", "Ivanova Aiza", "ИВАНОВА Аида"],
    ]
    expected = dict(zip(names, kznames.dedupe(names), strict=True))
    shuffled = random.Random(3).sample(names, len(names))
    out = kz_spark.dedupe(spark.createDataFrame(pd.DataFrame({"name": shuffled})), "name")
    got = out.toPandas()
    assert dict(zip(got["name"], _labels(got), strict=True)) == expected
    suffixed = {label for label in expected.values() if re.search("-[0-9a-f]{6,}$", label)}
    assert len(suffixed) > 10


def test_hostile_strings_get_the_labels_of_dedupe_on_every_row(spark):
    names = [None, *hostile_sample(600)]
    rows = [(name, row) for row, name in enumerate(names)]
    out = kz_spark.dedupe(spark.createDataFrame(rows, "name string, row long"), "name").toPandas()
    held = _labels(out, "name")  # Spark holds a lone surrogate as U+FFFD
    labels = _labels(out)
    assert list(out["row"]) == list(range(len(names)))
    assert labels == kznames.dedupe(held)
    assert sum(label is None for label in labels) > 100 and len(set(labels)) > 50


def test_places_and_organisations(spark):
    places = ["Alma-Ata", "Almaty", "Алматы", None, "Tselinograd", "Ülken Naryn", "!!!", "\t", "1"]
    df = spark.createDataFrame(pd.DataFrame({"city": places}))
    out = kz_spark.dedupe(df, "city", kind="place").toPandas()
    assert _labels(out) == kznames.dedupe(places, kind="place")
    orgs = ["ЦИК", "Central Election Commission", "Nur Otan"]
    df = spark.createDataFrame(pd.DataFrame({"org": orgs}))
    assert _labels(kz_spark.dedupe(df, "org", kind="org").toPandas()) == kznames.dedupe(
        orgs, kind="org"
    )


def test_places_grouped_by_similarity_as_in_one_process(spark):
    """Real names of settlements (GeoNames, CC BY 4.0): the first 700 rows of the
    benchmark's file, with and without the registry."""
    tsv = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "dedupe_real_places.tsv"
    lines = [line for line in tsv.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    places = [line.split("\t")[1] for line in lines[1:701]]
    df = spark.createDataFrame(pd.DataFrame({"city": places}))
    for registry in (kznames.Registry(), None):
        out = kz_spark.dedupe(df, "city", kind="place", registry=registry).toPandas()
        expected = kznames.dedupe(places, kind="place", registry=registry)
        assert len(set(expected)) < len(set(places)) - 100
        assert _labels(out) == expected


def test_a_component_of_two_registry_entities_is_split_by_the_in_process_rule():
    frame = pd.DataFrame(
        {
            "label": ["a"] * 4,
            "rep": ["a", "b", "c", "d"],
            "entity": ["person:x", "person:y", None, None],
            "hubs": [["s:1|a"], ["s:2|b", "t:9|b"], ["s:1|a", "t:9|b"], None],
            "home": ["s:1|a", "s:2|b", "s:1|a", None],
        }
    )
    out = kz_spark._split_component(frame)
    clusters = defaultdict(set)
    for rep, cluster in zip(out["rep"], out["cluster"], strict=True):
        clusters[cluster].add(rep)
    assert sorted(map(sorted, clusters.values())) == [["a", "c"], ["b"], ["d"]]


def test_local_session_runs_workers_in_this_python(spark):
    assert spark.sparkContext.master == "local[2]"
    assert os.environ["PYSPARK_PYTHON"]
    ran = spark.sparkContext.parallelize([0]).map(lambda _: __import__("sys").executable)
    assert ran.collect() == [os.environ["PYSPARK_PYTHON"]]
    with pytest.raises(ValueError, match="at least 1"):
        kz_spark.local_session(cores=0)


def test_bad_input(spark):
    df = spark.createDataFrame(pd.DataFrame({"name": ["Tokayev"], "n": [1]}))
    bad = [
        ((pd.DataFrame({"name": ["Tokayev"]}), "name"), {}, TypeError, r"df must be a pyspark"),
        ((None, "name"), {}, TypeError, "df must be a pyspark.sql.DataFrame, not NoneType"),
        ((df, None), {}, TypeError, "column must be a str, not NoneType"),
        ((df, "nom"), {}, ValueError, "column 'nom' is not in df"),
        ((df, "n"), {}, TypeError, "column 'n' must hold strings, not bigint"),
        ((df, "name"), {"kind": "city"}, ValueError, "kind must be one of"),
        ((df, "name"), {"registry": "x.csv"}, TypeError, "registry must be a kznames.Registry"),
        ((df, "name"), {"cluster": 3}, TypeError, "cluster must be a str, not int"),
        ((df, "name"), {"canonical": "n"}, ValueError, "canonical column 'n' is already in df"),
        ((df.select("name", F.col("n").alias("name")), "name"), {}, ValueError, "is twice in df"),
    ]
    for args, kwargs, error, message in bad:
        with pytest.raises(error, match=message):
            kz_spark.dedupe(*args, **kwargs)


def test_kznames_and_its_spark_module_import_without_pyspark():
    code = "import sys, kznames, kznames.spark; print('pyspark' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"

"""Baseline: splink on its DuckDB engine, deduplicating a column of person names alone.

This is what a data engineer would reach for instead of kznames: a general
probabilistic record-linkage library (the Fellegi-Sunter model, trained
without labels) given one free-text name column in mixed scripts (Kazakh and
Russian Cyrillic, Latin in many romanizations) and formats (``TOKAYEV
Kassym-Jomart Kemelevich``, ``Tokayev, K.``, ``K. K. Tokayev``).

Written against splink 5.0.0 with duckdb 2.0.0 (Python 3.11). splink 5.0.0
still writes DuckDB lambdas as ``x -> ...``, which duckdb 2.0 rejects unless
``lambda_syntax`` is set back to ``ENABLE_SINGLE_ARROW``: the connection made
here does so (the array comparison below needs it).

Preprocessing (plain Python, before splink)
-------------------------------------------
splink compares columns; it does not read names. So each name becomes:

* ``unidecode`` to ASCII, lower case: Cyrillic and the romanizations meet in
  one alphabet (``Тоқаев`` -> ``tok'aev``).
* Word separators (space, hyphen, comma, full stop, ``;``, ``/``) become
  spaces and every other non-alphanumeric character is dropped (unidecode's
  apostrophes and ``@`` for Kazakh letters), then split into tokens. A name
  with no token left counts as missing.
* ``surname``: the longest token, a proxy for the surname, the one long word
  that every format keeps. Tokens ending like a Russian patronymic (``-vich``,
  ``-vna`` and romanized variants) are passed over unless nothing else is
  left, as patronymics are often longer than surnames. Kazakh ``-uly`` and
  ``-kyzy`` stay candidates: they end surnames too.
* ``given``: the other tokens of two letters or more (given name, patronymic),
  sorted; ``initials``: the sorted first letters of all the other tokens, so
  that ``K. K. Tokayev`` and ``Kassym Kemelevich Tokayev`` both give
  ``[k, k]``; ``given_initial``: the first letter of the first other token
  (the given name, or its initial, in every common format). Empty arrays and
  a missing initial are NULL, which splink scores as no evidence.

Model
-----
Three comparisons from splink's comparison library, one per part of a name,
so that the model's assumption of independent comparisons is not grossly
broken (comparing the whole name as well would count the surname twice):

* ``surname``: exact match with term-frequency adjustment (a rare surname
  weighs more than ``ivanov``), else Damerau-Levenshtein distance <= 1, <= 2.
  Edit distance rather than splink's ``NameComparison`` (Jaro-Winkler): the
  surnames here are long compounds sharing a prefix (``sultan-``, ``nur-``),
  whose Jaro-Winkler similarity is high for different names; on the
  generated data ``NameComparison`` merged them into large mixed clusters
  (pairwise precision 0.69 against 0.87 at 10,000 rows, recall equal).
* ``given``: ``PairwiseStringDistanceFunctionAtThresholds`` with Jaro-Winkler
  (a word in common; best pair >= 0.9; >= 0.8), so given names and
  patronymics in two romanizations or with a typo still count.
* ``initials``: exact match, else one set inside the other (``K.`` and
  ``K. K.``), else different.

Blocking for prediction, OR-ed: the surname proxy's first 4 letters with the
given initial; its first letter and last 4 letters with the given initial
(the middle of a surname is where romanizations differ: ``darkhan``,
``darhan``, ``darxan``); the whole surname proxy. Each rule pairs a surname
key with a given key, which keeps blocks small, but none is linear: a common
surname is a fixed share of the rows, so its block grows with their square
(about 8 million pairs at 100,000 rows, 100 times that at 1,000,000).

Training is splink's usual sequence. u by random sampling of 10 million pairs,
seeded. m by expectation maximisation in two sessions, one blocked on the
surname (training ``given`` and ``initials``) and one on the given names and
initials (training ``surname``), each capped at 10 million pairs by splink's
sampling. ``probability_two_random_records_match`` is taken from these EM
sessions: the other way, counting the pairs that a strict deterministic rule
links and dividing by a guessed recall of that rule, needs a guess that
nothing in a bare name column tells. Pairs with ``match_probability >=
threshold`` are joined by splink's connected components.

DuckDB runs in memory, in a new connection per call that spills to a
temporary directory if it must; its progress bar and splink's log messages
below ``ERROR`` are off.

``dedupe_scale.py`` runs it beside kznames on the same generated names
(``python benchmarks/dedupe_scale.py --engines splink``).
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Sequence
from typing import Any

import duckdb
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
from unidecode import unidecode

SEPARATORS = re.compile(r"[\s\-,.;/]+")
NOT_ALNUM = re.compile(r"[^a-z0-9 ]")
PATRONYMIC_ENDINGS = ("vich", "vic", "vitch", "vits", "vych", "vna")
SEED = 2022


def _columns(names: Sequence[str | None]) -> dict[str, list[Any]]:
    """The derived columns, one entry per name with a token; ``unique_id`` is its row."""
    table: dict[str, list[Any]] = {
        key: [] for key in ("unique_id", "surname", "given", "initials", "given_initial")
    }
    for row, name in enumerate(names):
        tokens = NOT_ALNUM.sub("", SEPARATORS.sub(" ", unidecode(name or "").lower())).split()
        if not tokens:
            continue
        candidates = [t for t in tokens if not t.endswith(PATRONYMIC_ENDINGS)] or tokens
        surname = max(candidates, key=len)
        others = tokens.copy()
        others.remove(surname)
        table["unique_id"].append(row)
        table["surname"].append(surname)
        table["given"].append(sorted(t for t in others if len(t) > 1) or None)
        table["initials"].append(sorted(t[0] for t in others) or None)
        table["given_initial"].append(others[0][0] if others else None)
    return table


def _settings() -> SettingsCreator:
    initials = cl.CustomComparison(
        [
            cll.NullLevel("initials"),
            cll.ExactMatchLevel("initials"),
            cll.ArraySubsetLevel("initials"),
            cll.ElseLevel(),
        ],
        output_column_name="initials",
    )
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.DamerauLevenshteinAtThresholds("surname", [1, 2]).configure(
                term_frequency_adjustments=True
            ),
            cl.PairwiseStringDistanceFunctionAtThresholds("given", "jaro_winkler", [0.9, 0.8]),
            initials,
        ],
        blocking_rules_to_generate_predictions=[
            block_on("substr(surname, 1, 4)", "given_initial"),
            block_on("substr(surname, 1, 1)", "right(surname, 4)", "given_initial"),
            block_on("surname"),
        ],
        retain_matching_columns=False,
    )


def splink_dedupe(names: list[str | None], threshold: float = 0.9) -> list[str | None]:
    """One cluster label per row of ``names``, in order; ``None`` for a missing name.

    Rows with one label are one person in splink's judgement: linked, directly
    or through other rows, by pairs whose match probability is >= ``threshold``.
    """
    table = _columns(names)
    labels: list[str | None] = [None] * len(names)
    if not table["unique_id"]:
        return labels
    with tempfile.TemporaryDirectory() as spill:
        connection = duckdb.connect(config={"temp_directory": spill})
        try:
            connection.execute("SET enable_progress_bar = false")
            connection.execute("SET lambda_syntax = 'ENABLE_SINGLE_ARROW'")
            db_api = DuckDBAPI(connection)
            linker = Linker(db_api.register(table), _settings(), log_level=logging.ERROR)
            training = linker.training
            training.estimate_u_using_random_sampling(max_pairs=1e7, seed=SEED)
            for rule in (block_on("surname"), block_on("given", "initials")):
                training.estimate_parameters_using_expectation_maximisation(
                    rule,
                    populate_probability_two_random_records_match_from_trained_values=True,
                    max_pairs=1e7,
                )
            pairs = linker.inference.predict(threshold_match_probability=threshold)
            clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
                pairs, threshold_match_probability=threshold
            )
            for row, cluster in (
                clusters.as_duckdbpyrelation().select("unique_id, cluster_id").fetchall()
            ):
                labels[row] = str(cluster)
        finally:
            connection.close()
    return labels

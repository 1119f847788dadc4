"""``kznames.match`` on every pair of the development set's real spellings.

Data: ``benchmarks/data/persons_dev.tsv`` (Wikidata labels via EveryPolitician,
CC0; see ``benchmarks/README.md``): 373 spellings of 159 people, Kazakh and
Russian Cyrillic and the Latin forms of many languages.

Every pair of two spellings (69,378) is scored with ``match_many`` (the same
decisions as ``match``, each name parsed once). The spellings are clustered
by the connected components of the "same" decisions, and ``devset.report``
prints pairwise precision, recall and F1, raw (each pair's own decision) and
clustered (both spellings in one component), overall and by kind of pair;
then a sample of the clustered misses and false merges, with their counts by
kind. The kinds (rule in ``benchmarks/devset.py``):

* ``cyr-cyr``: two Cyrillic forms;
* ``other-any``: a Latin spelling carrying only labels of languages other
  than English and Kazakh (de, fr, nl, pl, tr, uz, nb, fi, ...) against
  anything;
* ``eng-cyr``: a Latin spelling with an English label (or Kazakh Latin,
  ``kk_latn``) against a Cyrillic one;
* ``eng-eng``: two such English or Kazakh Latin spellings.

It writes the pairs with their labels, in the format of
``data/match_pairs.tsv``, to ``kznames_dev_pairs.tsv`` in the temporary directory
(``--out`` to choose): at 8 MB the file is too big to keep in the repository,
and it is written again in under a second. ``nomenklatura_baseline.py`` scores
such a file; with ``--dev`` it prints nomenklatura's raw and clustered figures
by kind on the same pairs.

``--half calibrate`` or ``--half report`` scores one half of the people only
(``devset.half``): the similarity's costs are tuned on the first
(``calibrate_similarity.py``) and reported on the second.

``--dedupe`` scores ``kznames.dedupe`` instead, with an empty registry (the
built-in one holds some of these people): two spellings are predicted the
same person when they get one cluster label, so raw and clustered agree.

Run from the repo root:
``python benchmarks/dev_pairs.py [--sample N] [--out PATH] [--half H] [--dedupe]``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from devset import HALVES, half, index_pairs, name_pairs, read_spellings, report, write_pairs

from kznames import Registry, dedupe, match_many

OUT = Path(tempfile.gettempdir()) / "kznames_dev_pairs.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description="kznames.match on the development set.")
    parser.add_argument("--sample", type=int, default=25, help="errors shown per list")
    parser.add_argument("--out", type=Path, default=OUT, help=f"pairs file (default {OUT})")
    parser.add_argument("--half", choices=HALVES, help="only one half of the people (devset.half)")
    parser.add_argument(
        "--dedupe", action="store_true", help="score dedupe() (empty registry), not match()"
    )
    args = parser.parse_args()
    spellings = half(read_spellings(), args.half)
    if args.dedupe:
        labels = dedupe([s.name for s in spellings], registry=Registry())
        same = [labels[i] == labels[j] for i, j in index_pairs(len(spellings))]
        scores = [float(s) for s in same]
    else:
        results = match_many(name_pairs(spellings))
        same, scores = [s for _, s in results], [score for score, _ in results]
    engine = "dedupe() with an empty registry" if args.dedupe else "match()"
    where = f" ({args.half} half)" if args.half else ""
    report(f"kznames {engine} on persons_dev.tsv{where}", spellings, same, scores, args.sample)
    write_pairs(args.out, spellings)
    print(f"\nPairs with labels written to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()

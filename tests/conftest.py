"""Test configuration: hypothesis explores new examples locally, a fixed set in CI.

No hypothesis test has a deadline: a time limit per example depends on the
machine and its load (the first example also loads the data files), and a
test that can fail on a slow or busy machine would block a landing. Linear
work is proved by counting instructions (``tests/test_linear_work.py``), and
speed is measured in ``benchmarks/``.
"""

import os

from hypothesis import settings

settings.register_profile("default", deadline=None)
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")

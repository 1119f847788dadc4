"""Count the machine instructions a Python call executes, with valgrind's callgrind.

Seconds depend on the machine and its load; instructions do not: the same
call on the same input executes the same instructions however busy the
machine is. Tests use this to show that work grows linearly with the input.

All calls are measured in one process under callgrind. Collection is off
except inside ``functools.reduce``, which the measuring script calls once
per measurement and nowhere else, and callgrind writes a profile each time
that call returns; the profiles' totals are the counts, in order.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

_SCRIPT = """
import functools
{setup}
_MEASURED = [{calls}]

def _call(_, f):
    return f()

for _f in _MEASURED:
    functools.reduce(_call, [_f], None)
"""


def require_valgrind() -> str:
    """valgrind's path; the test is skipped without it, except in CI, where it fails."""
    path = shutil.which("valgrind")
    if path is None:
        message = "valgrind is not installed (Debian: apt-get install valgrind)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def instructions(setup: str, calls: list[str]) -> list[int]:
    """The instructions each expression in ``calls`` executes, after ``setup`` ran.

    ``setup`` is Python code run first and not counted (imports, inputs,
    warming lazy data); each call is an expression evaluated in its scope.
    """
    valgrind = require_valgrind()
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp, "measure.py")
        lambdas = ", ".join(f"lambda: ({call})" for call in calls)
        script.write_text(_SCRIPT.format(setup=setup, calls=lambdas), encoding="utf-8")
        out = Path(tmp, "callgrind.out")
        subprocess.run(
            [
                valgrind,
                "--tool=callgrind",
                "--collect-atstart=no",
                "--toggle-collect=functools_reduce",
                "--dump-after=functools_reduce",
                f"--callgrind-out-file={out}",
                sys.executable,
                str(script),
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        dumps = sorted(Path(tmp).glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:]))
        counts = []
        for dump in dumps:
            found = re.search(r"^totals: (\d+)", dump.read_text(encoding="utf-8"), re.M)
            assert found, f"no totals in {dump.name}"
            counts.append(int(found.group(1)))
    if not counts and calls:
        # A Python whose functools.reduce is inlined or renamed has no such symbol.
        message = "callgrind found no functools_reduce in this Python to count within"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    assert len(counts) == len(calls), f"{len(counts)} profiles for {len(calls)} calls"
    return counts

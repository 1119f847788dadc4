"""The csv module's limit on the length of a field, raised for long fields.

The csv module refuses a field longer than a process-wide limit (131,072
characters by default), which would refuse a value the file holds. A reader
that knows how long its text can be raises the limit to that length first.
"""

from __future__ import annotations

import csv
import threading

_LOCK = threading.Lock()
# The largest limit the csv module takes on every platform (a C long).
_LARGEST = 2**31 - 1


def allow_fields_of(length: int) -> None:
    """Let the csv module read fields of up to ``length`` characters.

    The limit is the module's global state: it is raised under a lock and never
    lowered, since lowering it could cut short another thread's read.
    """
    with _LOCK:
        if csv.field_size_limit() < length:
            csv.field_size_limit(min(length, _LARGEST))

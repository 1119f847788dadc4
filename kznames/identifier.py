"""``normalize()``: the canonical identifier of a name."""

from __future__ import annotations

from kznames._check import require_str
from kznames.fold import key


def normalize(name: str) -> str:
    """Return the canonical identifier of ``name``: lowercase ASCII, readable.

    Every spelling of a name in any script or romanization system gives the
    same identifier, and so does any order of its words, so a person written
    surname first (``TOQAEV Qasym-Zhomart``) and given name first
    (``Qasym-Zhomart Toqaev``) is one identifier. It is the variant key of
    each word, the words sorted. Empty or punctuation-only input gives ``""``.

    >>> normalize("Kassym-Jomart")
    'kasymzhomart'
    >>> normalize("TOQAEV Qasym-Zhomart") == normalize("Касым-Жомарт Токаев")
    True
    >>> normalize("Qasym-Zhomart Toqaev")
    'kasymzhomart tokaev'

    Raises ``TypeError`` if ``name`` is not a ``str``.
    """
    require_str(name, "name")
    return " ".join(sorted(key(name).split()))

"""``normalize()``: the canonical identifier of a name."""

from __future__ import annotations

from kznames._check import require_str
from kznames.reader import key
from kznames.registry import Registry, require_registry
from kznames.resolve import lookup


def normalize(name: str, kind: str | None = None, registry: Registry | None = None) -> str:
    """Return the canonical identifier of ``name``: lowercase ASCII, readable.

    Every spelling of a name in any script or romanization system gives the
    same identifier, and so does any order of its words, so a person written
    surname first (``TOQAEV Qasym-Zhomart``) and given name first
    (``Qasym-Zhomart Toqaev``) is one identifier.

    When the registry resolves the name (see :func:`kznames.resolve`; ``kind``
    and ``registry`` are passed on), the identifier is the entity's id, so a
    former name, a case ending or initials give it too. Otherwise it is the
    variant key of each word, the words sorted. Empty or punctuation-only
    input gives ``""``. Pass an empty ``Registry()`` for the registry-free
    identifier alone.

    >>> normalize("Kassym-Jomart")
    'kasymzhomart'
    >>> normalize("TOQAEV Qasym-Zhomart") == normalize("Касым-Жомарт Токаев")
    True
    >>> normalize("Qasym-Zhomart Toqaev")
    'person:tokayev-kassym-jomart'
    >>> normalize("Qasym-Zhomart Toqaev", registry=Registry())
    'kasymzhomart tokaev'
    >>> normalize("Tselinograd")
    'place:astana'

    Raises ``TypeError`` if ``name`` is not a ``str`` or ``registry`` not a
    ``Registry``, ``ValueError`` for an unknown ``kind``.
    """
    require_str(name, "name")
    name_key = key(name)
    entity = lookup(require_registry(registry), name, kind, name_key).entity
    return entity.id if entity else " ".join(sorted(name_key.split()))

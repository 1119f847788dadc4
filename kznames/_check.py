"""Argument checks shared by the public functions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast


def require_str(value: object, name: str) -> str:
    """Return ``value`` if it is a ``str``; raise a ``TypeError`` naming ``name`` otherwise."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value


def require_bool(value: object, name: str) -> bool:
    """Return ``value`` if it is a ``bool``; raise a ``TypeError`` naming ``name`` otherwise."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
    return value


def require_iterable(value: object, name: str, items: str) -> Iterable[Any]:
    """Return ``value`` if it is an iterable (of ``items``, said in the message)
    other than a ``str`` or ``bytes``, whose items would be its characters, or a
    mapping, whose items would be its keys; raise a ``TypeError`` naming ``name``
    otherwise."""
    if isinstance(value, str | bytes | bytearray | Mapping):
        what = "a str" if isinstance(value, str) else type(value).__name__
        parts = "keys" if isinstance(value, Mapping) else "characters"
        raise TypeError(
            f"{name} must be an iterable of {items}, not {what} (its items would be its {parts})"
        )
    try:
        iter(value)  # type: ignore[call-overload]
    except TypeError:
        what = type(value).__name__
        raise TypeError(f"{name} must be an iterable of {items}, not {what}") from None
    return cast("Iterable[Any]", value)

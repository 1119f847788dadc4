"""Argument checks shared by the public functions."""

from __future__ import annotations


def require_str(value: object, name: str) -> str:
    """Return ``value`` if it is a ``str``; raise a ``TypeError`` naming ``name`` otherwise."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value

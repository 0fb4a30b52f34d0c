"""Type and grammar checks on parsed upstream JSON, each failure located by a Where."""

from __future__ import annotations

import json

from ..model import grammar
from .errors import Where, quoted

_MISSING = object()
_NAMES = {dict: "an object", list: "an array", str: "a string", bool: "true/false", int: "a number"}
_NAMES |= {float: "a number", type(None): "null"}


def _expected(types: tuple[type, ...]) -> str:
    names = list(dict.fromkeys(_NAMES[t] for t in types))
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _got(value) -> str:
    """What an upstream value is, for a message: scalars shown (cut short), containers named."""
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, bool | int | float):
        return json.dumps(value)[:80]
    return _NAMES.get(type(value), type(value).__name__)


def _types(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def expect(value, types: type | tuple[type, ...], where: Where):
    """`value` when it has one of the JSON `types` (true/false is not a number), else a located error."""
    types = _types(types)
    if (isinstance(value, bool) and bool not in types) or not isinstance(value, types):
        shown = _got(value) if isinstance(value, bool) or value is None else _NAMES.get(type(value), "?")
        raise where.error(f"got {shown}, expected {_expected(types)}")
    return value


def field(node: dict, name: str, types: type | tuple[type, ...], where: Where, default=_MISSING):
    """The member `name` of an object, checked by `expect`; `default` when absent (else an error)."""
    if name in node:
        return expect(node[name], types, where.key(name))
    if default is _MISSING:
        raise where.key(name).error(f"missing (expected {_expected(_types(types))})")
    return default


def items(node: dict, name: str, where: Where, default=_MISSING) -> list[tuple[Where, object]]:
    """(Where, item) for each item of the array `name`."""
    values = field(node, name, list, where, default)
    return [(where.key(name).item(i), value) for i, value in enumerate(values)]


def check(kind: str, value, where: Where, raw: str | None = None) -> str:
    """`value` when it is a valid grammar `kind` (tag, version, path, ...), else a located error."""
    problem = grammar.problem(kind, value)
    if problem:
        raise where.error(problem + (f" (expanded from {quoted(raw)})" if raw is not None and raw != value else ""))
    return value


def size(value, where: Where) -> int:
    """A size in bytes: a non-negative integer."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise where.error(f"got {_got(value)}, expected a size in bytes (a non-negative integer)")
    return value

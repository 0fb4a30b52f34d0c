"""Turn located YAML into frozen dataclasses: the model classes are the schema.

A field's type says what YAML must hold there; a field with a default is optional;
fields marked `derived` are computed by the loader and may not appear in YAML.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from functools import cache

from .errors import Problems
from .yamlio import LocatedDict, LocatedList


def derived(default=None):
    """A field the loader computes; writing it in YAML is an error."""
    return dataclasses.field(default=default, metadata={"derived": True}, compare=False)


class Where:
    """The file, line and path of a value, for messages (a plain slotted class: made thousands of times)."""

    __slots__ = ("file", "line", "path")

    def __init__(self, file: str, line: int, path: str):
        self.file, self.line, self.path = file, line, path

    def at(self, part: str, line: int) -> Where:
        joined = f"{self.path}.{part}" if self.path and not part.startswith("[") else f"{self.path}{part}"
        return Where(self.file, line or self.line, joined)


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"number {value!r}"
    if isinstance(value, datetime.date):
        return f"date {value.isoformat()}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"'{shown}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


@cache
def fields_of(cls) -> tuple[tuple[str, object, bool, bool], ...]:
    """(name, type, required, derived) for each field of a model class."""
    hints = typing.get_type_hints(cls)
    result = []
    for f in dataclasses.fields(cls):
        is_derived = bool(f.metadata.get("derived"))
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        result.append((f.name, hints[f.name], required, is_derived))
    return tuple(result)


@cache
def _origin(tp):
    return typing.get_origin(tp)


def expected(tp) -> str:
    """How a type reads in an error message."""
    origin = typing.get_origin(tp)
    if tp is str:
        return 'a string (quote versions: "8.0")'
    if tp is int:
        return "a whole number"
    if tp is bool:
        return "true or false"
    if tp is datetime.date:
        return "a date like 2026-11-10"
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(v) for v in typing.get_args(tp))
    if origin in (typing.Union, types.UnionType):
        return " or ".join(expected(a) if a is not type(None) else "nothing" for a in typing.get_args(tp))
    if origin is tuple and not _homogeneous(tp):
        return "a list of " + ", then ".join(expected(a).split(" (")[0] for a in typing.get_args(tp))
    if origin is tuple:
        return f"a list of {expected(typing.get_args(tp)[0]).split(' (')[0]}"
    if dataclasses.is_dataclass(tp):
        return f"a mapping ({tp.__name__})"
    return str(tp)


_STRING_LIST = tuple[str, ...]


def _homogeneous(tp) -> bool:
    """tuple[X, ...] (any number of X) rather than a fixed shape like tuple[str, int]."""
    args = typing.get_args(tp)
    return len(args) == 2 and args[1] is Ellipsis


def convert(tp, value, where: Where, problems: Problems):
    """Check `value` against `tp`; return the converted value or None after recording a problem."""
    # Fast paths for the shapes the catalog is made of; anything unusual takes the full route.
    if tp is str and type(value) is str and value.strip():
        return value
    if (
        tp == _STRING_LIST
        and type(value) is not str
        and isinstance(value, list)
        and all(type(v) is str and v for v in value)
    ):
        return tuple(value)
    origin = _origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return convert(inner[0], value, where, problems)
    if origin is typing.Literal:
        if value in typing.get_args(tp) and isinstance(value, str):
            return value
    elif origin is tuple and not _homogeneous(tp):  # a fixed shape such as tuple[str, int]: [digest, size]
        kinds = typing.get_args(tp)
        if isinstance(value, list) and len(value) == len(kinds):
            line = where.line
            return tuple(
                convert(kind, item, where.at(f"[{n}]", line), problems)
                for n, (kind, item) in enumerate(zip(kinds, value, strict=True))
            )
    elif origin is tuple:
        if isinstance(value, list):
            item_type = typing.get_args(tp)[0]
            items = []
            for index, item in enumerate(value):
                line = value.line_of(index) if isinstance(value, LocatedList) else where.line
                items.append(convert(item_type, item, where.at(f"[{index}]", line), problems))
            return tuple(items)
    elif dataclasses.is_dataclass(tp):
        if isinstance(value, dict):
            return build(tp, value, where, problems)
    elif tp is datetime.date:
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
    elif tp is bool:
        if isinstance(value, bool):
            return value
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif tp is str:
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, str):
            problems.add(where.file, where.line, where.path, "expected a non-empty string, got an empty one")
            return None
    problems.add(where.file, where.line, where.path, f"expected {expected(tp)}, got {_describe(value)}")
    return None


_SLOW = object()  # "the fast check could not accept this value": take convert()'s full route


def _fast(tp):
    """A quick acceptor for the common, valid shape of `tp`: value -> converted value or _SLOW.

    The catalog holds tens of thousands of values; checking the usual ones without building a
    Where or walking typing objects keeps load + validate fast. Anything else goes to convert(),
    which has the complete rules and the messages.
    """
    origin = typing.get_origin(tp)
    if tp is str:
        return lambda v: v if type(v) is str and v.strip() else _SLOW
    if tp is int:
        return lambda v: v if type(v) is int else _SLOW
    if tp is datetime.date:
        return lambda v: v if type(v) is datetime.date else _SLOW
    if origin is typing.Literal:
        allowed = frozenset(a for a in typing.get_args(tp) if isinstance(a, str))
        return lambda v: v if type(v) is str and v in allowed else _SLOW
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1 and type(None) in args:
            accept = _fast(inner[0])
            return lambda v: None if v is None else accept(v)
    if origin is tuple and not _homogeneous(tp):
        accepts = [_fast(kind) for kind in typing.get_args(tp)]

        def accept_shape(v):
            if type(v) is str or not isinstance(v, list) or len(v) != len(accepts):
                return _SLOW
            items = tuple(accept(item) for accept, item in zip(accepts, v, strict=True))
            return _SLOW if _SLOW in items else items

        return accept_shape
    if origin is tuple:
        accept = _fast(typing.get_args(tp)[0])

        def accept_all(v):
            if type(v) is str or not isinstance(v, list):
                return _SLOW
            items = tuple(accept(item) for item in v)
            return _SLOW if _SLOW in items else items

        return accept_all
    return lambda _: _SLOW


@cache
def _plan(cls):
    """Per model class: ({field: (type, required, derived)}, [(field, type, required, fast acceptor)])."""
    known = {name: (tp, required, is_derived) for name, tp, required, is_derived in fields_of(cls)}
    fields = [(name, tp, required, _fast(tp)) for name, tp, required, is_derived in fields_of(cls) if not is_derived]
    return known, fields


def build(cls, mapping, where: Where, problems: Problems):
    """Build one model object from a mapping, recording every missing, unknown or mistyped field."""
    if not isinstance(mapping, dict):
        problems.add(where.file, where.line, where.path, f"expected {expected(cls)}, got {_describe(mapping)}")
        return None
    located = isinstance(mapping, LocatedDict)
    for key, line in getattr(mapping, "duplicates", []):
        problems.add(where.file, line, where.at(str(key), line).path, "key given twice")
    known, fields = _plan(cls)
    values = {}
    failed = False
    for key in mapping:
        spec = known.get(key)
        if spec is None or spec[2]:
            line = mapping.line_of(key) if located else where.line
            allowed = ", ".join(n for n, (_, _, d) in known.items() if not d)
            problems.add(where.file, line, where.at(str(key), line).path, f"unknown field (expected one of: {allowed})")
            failed = True
    for name, tp, required, accept in fields:
        if name not in mapping:
            if required:
                problems.add(
                    where.file,
                    mapping.line if located else where.line,
                    where.at(name, 0).path,
                    f"missing required field (expected {expected(tp)})",
                )
                failed = True
            continue
        value = accept(mapping[name])
        if value is _SLOW:
            line = mapping.line_of(name) if located else where.line
            before = len(problems.items)
            value = convert(tp, mapping[name], where.at(name, line), problems)
            if len(problems.items) > before:
                failed = True
        values[name] = value
    if failed:
        return None
    obj = cls(**values)
    if located:
        object.__setattr__(obj, "_located", mapping)  # line() reads lines from it when asked
    return obj


def line(obj, field: str = "") -> int:
    """The YAML line a model object (or one of its fields, or `field[i]`) came from; 0 when unknown."""
    located = getattr(obj, "_located", None)
    if located is None:
        return 0
    name, _, index = field.partition("[")
    if index:
        items = located.get(name)
        position = int(index.rstrip("]")) if index.rstrip("]").isdigit() else -1
        if isinstance(items, LocatedList) and 0 <= position < len(items.lines):
            return items.lines[position]
    return located.lines.get(name) or located.line


def replace(obj, **changes):
    """dataclasses.replace that keeps the YAML line numbers."""
    new = dataclasses.replace(obj, **changes)
    if hasattr(obj, "_located"):
        object.__setattr__(new, "_located", obj._located)
    return new

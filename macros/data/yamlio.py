"""Read YAML safely and remember the line of every key and list item, for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import yaml

from .errors import DataError, Problem

# The C parser when PyYAML has it (much faster on the catalog); values are built from its nodes.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocatedDict(dict):
    """A mapping that knows its own line and the line of each key."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict = {}
        self.duplicates: list[tuple[str, int]] = []

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


class LocatedList(list):
    """A sequence that knows its own line and the line of each item."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


_STR = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG


class _LocatingLoader(_BaseLoader):
    """The safe loader, with implicit tags memoised: the catalog repeats the same few thousand
    plain scalars (tags, OS names), and PyYAML would run its regexes on every one of them."""

    _tags: ClassVar[dict] = {}

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode:
            return _BaseLoader.resolve(self, kind, value, implicit)
        if not implicit[0]:  # quoted: always a string
            return _STR
        tag = self._tags.get(value)
        if tag is None:
            if len(self._tags) > 100_000:  # a long `mkdocs serve` should not grow without end
                self._tags.clear()
            tag = self._tags[value] = _BaseLoader.resolve(self, kind, value, implicit)
        return tag


def _construct(node, loader, open_nodes: set):
    """Python values from the composed node tree, recording lines (faster than PyYAML's
    constructor machinery, which the located containers do not need)."""
    kind = type(node)
    if kind is yaml.ScalarNode:
        if node.tag == _STR:
            return node.value
        try:
            return loader.construct_object(node)  # int, float, bool, null, date; unknown tags raise
        except ValueError as error:  # e.g. 2025-13-45 matches the date pattern, then fails
            raise yaml.constructor.ConstructorError(
                None, None, f"invalid value '{node.value}' ({error})", node.start_mark
            ) from None
    if id(node) in open_nodes:
        raise yaml.constructor.ConstructorError(None, None, "an alias refers to itself", node.start_mark)
    open_nodes.add(id(node))
    if kind is yaml.MappingNode:
        result = LocatedDict()
        lines = result.lines
        for key_node, value_node in node.value:
            key = _construct(key_node, loader, open_nodes)
            line = key_node.start_mark.line + 1
            try:
                if key in result:
                    result.duplicates.append((str(key), line))
            except TypeError:  # a list or mapping used as a key
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain value", key_node.start_mark
                ) from None
            result[key] = _construct(value_node, loader, open_nodes)
            lines[key] = line
    elif kind is yaml.SequenceNode:
        result = LocatedList()
        lines = result.lines
        for item_node in node.value:
            result.append(_construct(item_node, loader, open_nodes))
            lines.append(item_node.start_mark.line + 1)
    else:
        raise yaml.constructor.ConstructorError(None, None, f"unexpected node {kind.__name__}", node.start_mark)
    result.line = node.start_mark.line + 1
    open_nodes.discard(id(node))
    return result


def _load(text: str):
    loader = _LocatingLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _construct(node, loader, set())
    finally:
        loader.dispose()


def display_path(path: Path, root: Path | None = None) -> str:
    """The path as a writer would type it: relative to the project when possible."""
    try:
        return str(Path(path).resolve().relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(path)


def load_yaml(path: Path, root: Path | None = None):
    """Parse one YAML file into Located containers, or raise DataError naming file and line."""
    shown = display_path(path, root)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(shown, 0, "", "file not found")]) from None
    except UnicodeDecodeError as error:
        raise DataError([Problem(shown, 0, "", f"not UTF-8 text ({error.reason})")]) from None
    try:
        return _load(text)  # composed by the (C)SafeLoader: safe
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        what = " ".join(part for part in (error.context, error.problem) if part)
        kind = "YAML value error" if isinstance(error, yaml.constructor.ConstructorError) else "YAML syntax error"
        raise DataError([Problem(shown, line, "", f"{kind}: {what}")]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(shown, 0, "", f"YAML error: {error}")]) from None

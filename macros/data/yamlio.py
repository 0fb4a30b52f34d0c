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


# Hard limits for a file: hand-kept and generated data never come near them, a hostile file
# (a "billion laughs" of nested aliases, 20,000 nested lists, a huge or endless file) stops here.
MAX_BYTES = 10_000_000
MAX_DEPTH = 40
MAX_ALIASES = 100
MAX_VALUES = 500_000


class _Budget:
    """What one file has used of the limits while its values are made."""

    def __init__(self) -> None:
        self.values = 0
        self.aliases = 0
        self.made: set[int] = set()

    def enter(self, node, depth: int) -> None:
        """Account for one mapping or list (scalars cost nothing worth counting one by one)."""
        self.values += len(node.value)
        if depth > MAX_DEPTH:
            raise _limit(node, f"nested more than {MAX_DEPTH} levels deep")
        if self.values > MAX_VALUES:
            raise _limit(node, f"more than {MAX_VALUES:,} values (aliases expanding without end?)")
        if id(node) in self.made:
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _limit(node, f"more than {MAX_ALIASES} uses of aliases (expected plain data)")
        self.made.add(id(node))


def _limit(node, what: str) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(None, None, what, node.start_mark)


def _construct(node, loader, open_nodes: set, budget: _Budget, depth: int = 0):
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
    budget.enter(node, depth)
    open_nodes.add(id(node))
    if kind is yaml.MappingNode:
        result = LocatedDict()
        lines = result.lines
        for key_node, value_node in node.value:
            key = _construct(key_node, loader, open_nodes, budget, depth + 1)
            line = key_node.start_mark.line + 1
            try:
                if key in result:
                    result.duplicates.append((str(key), line))
            except TypeError:  # a list or mapping used as a key
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain value", key_node.start_mark
                ) from None
            result[key] = _construct(value_node, loader, open_nodes, budget, depth + 1)
            lines[key] = line
    elif kind is yaml.SequenceNode:
        result = LocatedList()
        lines = result.lines
        for item_node in node.value:
            result.append(_construct(item_node, loader, open_nodes, budget, depth + 1))
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
        return None if node is None else _construct(node, loader, set(), _Budget())
    finally:
        loader.dispose()


def display_path(path: Path, root: Path | None = None) -> str:
    """The path as a writer would type it: relative to the project when possible."""
    path = Path(path)
    try:
        full = path.resolve()
    except (RuntimeError, OSError):  # a symlink loop: name the link itself, where it stands
        full = path.parent.resolve() / path.name
    try:
        return str(full.relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path, shown: str) -> str:
    """The file's text: a regular file of at most MAX_BYTES, in UTF-8; anything else is a located problem."""
    try:
        if not path.exists():
            what = "a symbolic link that leads nowhere (or to itself)" if path.is_symlink() else "file not found"
            raise DataError([Problem(shown, 0, "", what)])
        if not path.is_file():
            raise DataError([Problem(shown, 0, "", "not a regular file (expected a YAML file)")])
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataError([Problem(shown, 0, "", f"{size:,} bytes (expected at most {MAX_BYTES:,})")])
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError([Problem(shown, 0, "", f"not UTF-8 text ({error.reason})")]) from None
    except OSError as error:  # a symlink loop, no permission, a file that vanished
        raise DataError([Problem(shown, 0, "", f"cannot be read ({error.strerror or error})")]) from None


def load_yaml(path: Path, root: Path | None = None):
    """Parse one YAML file into Located containers, or raise DataError naming file and line."""
    shown = display_path(path, root)
    text = read_text(Path(path), shown)
    try:
        return _load(text)  # composed by the (C)SafeLoader: safe
    except RecursionError:
        raise DataError(
            [Problem(shown, 0, "", f"YAML nested too deeply (expected at most {MAX_DEPTH} levels)")]
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        what = " ".join(part for part in (error.context, error.problem) if part)
        kind = "YAML value error" if isinstance(error, yaml.constructor.ConstructorError) else "YAML syntax error"
        raise DataError([Problem(shown, line, "", f"{kind}: {what}")]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(shown, 0, "", f"YAML error: {error}")]) from None

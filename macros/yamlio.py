"""Read YAML safely and remember the line of every key and list item, for error messages."""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import DataError, Problem

# The C parser when PyYAML has it (much faster on the catalog); construction stays in Python.
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


class _LocatingLoader(_BaseLoader):
    pass


def _construct_mapping(loader, node):
    mapping = LocatedDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in mapping:
            mapping.duplicates.append((str(key), line))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


def _construct_sequence(loader, node):
    sequence = LocatedList()
    sequence.line = node.start_mark.line + 1
    for item_node in node.value:
        sequence.append(loader.construct_object(item_node, deep=True))
        sequence.lines.append(item_node.start_mark.line + 1)
    return sequence


_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


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
        return yaml.load(text, Loader=_LocatingLoader)  # noqa: S506 - the loader derives from SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        what = " ".join(part for part in (error.context, error.problem) if part)
        raise DataError([Problem(shown, line, "", f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(shown, 0, "", f"YAML error: {error}")]) from None

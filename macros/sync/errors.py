"""Where in an upstream file a problem is, and the one error the sync stops with."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..data.load import ROOT
from ..data.yamlio import display_path


class SyncError(Exception):
    """The upstream data cannot be turned into a catalog; the message says where and why."""


def shown(path: Path) -> str:
    """A path as the writer would type it: relative to the project when inside it."""
    return display_path(path, ROOT)


def quoted(text: str, limit: int = 80) -> str:
    """An upstream value, safe to print as grammar.problem prints one: repr (control characters escaped), cut short."""
    return repr(text[:limit]) + ("…" if len(text) > limit else "")


@dataclass(frozen=True)
class Where:
    """A place in one upstream file: the file as shown and a JSON path inside it (`repos[3].images`)."""

    file: str
    path: str = ""

    def key(self, name: str) -> Where:
        """A fixed member such as `images`."""
        return Where(self.file, f"{self.path}.{name}" if self.path else name)

    def item(self, index: int) -> Where:
        return Where(self.file, f"{self.path}[{index}]")

    def entry(self, name: str) -> Where:
        """A member whose name is upstream data, such as a variable name."""
        return Where(self.file, f"{self.path}[{json.dumps(name[:80])}{'…' if len(name) > 80 else ''}]")

    def error(self, what: str) -> SyncError:
        return SyncError(f"{self.file}: {self.path}: {what}" if self.path else f"{self.file}: {what}")

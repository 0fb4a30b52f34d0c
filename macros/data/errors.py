"""The one error type of the guide's data layer, shown by MkDocs as a clean message."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place: `file:line: path: message`."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class DataError(PluginError):
    """Raised once with every problem found, so a writer fixes them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.path, p.message))
        count = len(self.problems)
        heading = f"The guide cannot be built: {count} problem{'s' if count != 1 else ''} found"
        super().__init__("\n".join([heading, *(f"  {p}" for p in self.problems)]))


class Problems:
    """Collects problems while validating; raises them together at the end."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, file: str, line: int, path: str, message: str) -> None:
        self.items.append(Problem(file, line, path, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise DataError(self.items)


class UnknownValueError(ValueError):
    """A lookup (usually a macro argument) named something the data does not have.

    The message says what was expected; the page glue adds the page, line and call.
    """

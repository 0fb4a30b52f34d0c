"""Expand upstream `$(name)` variables as ImageBuilder does, bounded in depth and length by construction."""

from __future__ import annotations

import re

from .errors import Where

_VARIABLE = re.compile(r"\$\(([\w:\-.| ]+)\)")
MAX_LENGTH = 1_000  # characters in any text before or after expansion
MAX_DEPTH = 20  # variables inside variables


class _ExpansionError(Exception):
    """Why an expansion stopped; the caller adds where."""


class Resolver:
    """Expands `$(name)` from the manifest's variables and `$(Repo:<id>)`; each variable is expanded once."""

    def __init__(self, variables: dict[str, str], repos: dict[str, str]) -> None:
        self._variables, self._repos, self._done = variables, repos, {}

    def expand(self, text: str, where: Where) -> str:
        try:
            return self._expand(text, ())
        except _ExpansionError as stop:
            raise where.error(str(stop)) from None

    def _expand(self, text: str, stack: tuple[str, ...]) -> str:
        if len(stack) > MAX_DEPTH:
            raise _ExpansionError(f"$({stack[0]}) nests variables more than {MAX_DEPTH} deep")
        if len(text) > MAX_LENGTH:
            raise _ExpansionError(f"{self._subject(stack)} is longer than {MAX_LENGTH:,} characters")
        result = _VARIABLE.sub(lambda match: self._value(match.group(1), stack), text)
        if len(result) > MAX_LENGTH:
            raise _ExpansionError(f"{self._subject(stack)} expands to more than {MAX_LENGTH:,} characters")
        return result

    @staticmethod
    def _subject(stack: tuple[str, ...]) -> str:
        return f"$({stack[-1]})" if stack else "the value"

    def _value(self, name: str, stack: tuple[str, ...]) -> str:
        if name in self._done:
            return self._done[name]
        if name in stack:
            raise _ExpansionError(f"variable $({name}) refers to itself")
        if ":" in name:
            kind, _, arg = name.partition(":")
            if kind == "Repo" and arg in self._repos:
                return self._repos[arg]
            raise _ExpansionError(f"unknown built-in variable $({name})")
        if name not in self._variables:
            raise _ExpansionError(f"unknown variable $({name}) (not in the manifest or its includes)")
        self._done[name] = self._expand(self._variables[name], (*stack, name))
        return self._done[name]

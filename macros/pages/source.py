"""The Guide the page macros read: loaded on the first call of a build, then the same object."""

from __future__ import annotations

from ..data.load import Guide, load_guide

_current: list[Guide] = []


def start_build() -> None:
    """Forget the previous build's Guide (define_env calls this once per build, also under `mkdocs serve`)."""
    _current.clear()


def guide() -> Guide:
    if not _current:
        _current.append(load_guide())  # cached by load_guide itself until a file in data/ changes
    return _current[0]

"""The Guide the page macros read: loaded on the first call of a build, then the same object."""

from __future__ import annotations

from pathlib import Path

from ..data.load import Guide, load_guide
from ..model.messages import Messages
from .editions import DEFAULT, language

_current: list[Guide] = []
# data/ and docs/ of the project being built (default: this checkout's), set by start_build.
_folders: list[Path | None] = [None, None]
# The language of this MkDocs pass ("en", then "ko" in the i18n plugin's second pass).
_language: list[str] = [DEFAULT]


def start_build(config) -> None:
    """Forget the previous build's Guide and read the data beside this build's mkdocs.yml.

    define_env calls this once per build, also for every rebuild of `mkdocs serve`. The folders come
    from the MkDocs config rather than from where this code lives, so a copy of the project builds
    its own data/ even when the installed `macros` package is another checkout's.
    """
    _current.clear()
    _language[:] = [language(config)]
    _folders[:] = [Path(config["config_file_path"]).resolve().parent / "data", Path(config["docs_dir"])]


def guide() -> Guide:
    if not _current:
        data_dir, docs_dir = _folders
        _current.append(load_guide(data_dir, docs_dir=docs_dir))  # cached until a file in data/ changes
    return _current[0]


def messages() -> Messages:
    """What generated content says in the language of this pass (data/messages/<lang>.yml)."""
    return guide().messages[_language[0]]

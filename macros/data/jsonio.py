"""Read a generated JSON data file (data/registry/): the same safety as YAML files, paths not lines.

The registry record is JSON because it is large (1.7 MB) and the build reads it every time: json
reads it in milliseconds where YAML took a fifth of a second. Nobody edits it by hand, so its
problems name the file and the JSON path (`images[3].digest`) rather than a line.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import DataError, Problem
from .yamlio import display_path, read_text


def load_json(path: Path, root: Path | None = None):
    """The parsed file, or DataError naming the file (and the line, for a syntax error)."""
    shown = display_path(path, root)
    text = read_text(Path(path), shown)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError([Problem(shown, error.lineno, "", f"JSON syntax error: {error.msg}")]) from None
    except RecursionError:
        raise DataError([Problem(shown, 0, "", "JSON nested too deeply")]) from None

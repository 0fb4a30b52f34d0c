"""Validate everything in data/ with the build's own loader and print the problems (make check).

python -m macros.check [DATA_DIR]   (default: the project's data/)
"""

from __future__ import annotations

import sys
from pathlib import Path

from .data.errors import DataError
from .data.load import load_guide


def main(argv: list[str]) -> int:
    try:
        guide = load_guide(Path(argv[0]) if argv else None)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    catalog = guide.catalog
    paths = sum(1 for _ in guide.wizard.paths())
    print(
        f"data/ is valid: {len(catalog.repositories)} repositories, {catalog.tag_count} tags, "
        f"{len(catalog.images)} platform images, {len(guide.legacy.legacy)} legacy names, "
        f"{paths} wizard paths; support status as of {catalog.today}"
        + (f"; the standard of {catalog.team.team} ({catalog.team.file}) is valid" if catalog.team else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

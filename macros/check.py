"""Validate everything in data/ and print the problems, without building the site (make check)."""
from __future__ import annotations

import sys

from .catalog import load_catalog
from .errors import DataError


def main() -> int:
    try:
        catalog = load_catalog()
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"data/ is valid: {len(catalog.repositories)} repositories, {catalog.tag_count} tags, "
          f"{len(catalog.images)} platform images, support status as of {catalog.today}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

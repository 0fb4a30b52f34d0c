"""python -m macros.sync: regenerate data/catalog/ (see macros/sync/__init__.py)."""

import sys

from .cli import main

sys.exit(main())

"""Load + validate time of the real data/, uncached each run, as the build pays it (GC paused).

Two rows: the catalog alone (budget 0.2 s) and the whole Guide, which adds legacy.yml and the
wizard's every path (budget 0.4 s).
"""

from __future__ import annotations

from bench.measure import Row, median_seconds
from macros.data import load
from macros.plugin import paused_gc

CATALOG_BUDGET_SECONDS = 0.2
GUIDE_BUDGET_SECONDS = 0.4


def _timed(function) -> float:
    def run():
        with paused_gc():
            function()

    return median_seconds(run)


def run() -> list[Row]:
    today = load.today()
    catalog = _timed(lambda: load.load_catalog(load.DATA_DIR, today))
    # Past the cache: the wrapped function loads every file again.
    guide = _timed(lambda: load._load_cached.__wrapped__(load.DATA_DIR, today, load.DOCS_DIR, None, ()))
    return [
        Row(
            "catalog load + validate (real data)",
            f"{catalog * 1000:.0f} ms",
            f"< {CATALOG_BUDGET_SECONDS * 1000:.0f} ms",
            catalog < CATALOG_BUDGET_SECONDS,
        ),
        Row(
            "whole data/ load + validate (catalog, legacy, wizard paths)",
            f"{guide * 1000:.0f} ms",
            f"< {GUIDE_BUDGET_SECONDS * 1000:.0f} ms",
            guide < GUIDE_BUDGET_SECONDS,
        ),
    ]

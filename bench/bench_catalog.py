"""Catalog load + validate time for the real data (budget 0.2 s), uncached each run."""

from __future__ import annotations

from bench.measure import Row, median_seconds
from macros import catalog

BUDGET_SECONDS = 0.2


def run() -> list[Row]:
    today = catalog.today()
    seconds = median_seconds(lambda: catalog.load_uncached(catalog.DATA_DIR, today))
    return [
        Row(
            "catalog load + validate (real data)",
            f"{seconds * 1000:.0f} ms",
            f"< {BUDGET_SECONDS * 1000:.0f} ms",
            seconds < BUDGET_SECONDS,
        )
    ]

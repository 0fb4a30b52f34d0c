"""Run every bench/bench_*.py and print one table of figures against their budgets."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import bench


def main() -> int:
    rows = []
    for module in sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")):
        rows += importlib.import_module(f"bench.{module}").run()
    width = max(len(r.name) for r in rows)
    print(f"{'benchmark':<{width}}  {'figure':>14}  {'budget':>14}  result")
    for row in rows:
        print(f"{row.name:<{width}}  {row.figure:>14}  {row.budget_text:>14}  {'PASS' if row.ok else 'FAIL'}")
    failed = [r.name for r in rows if not r.ok]
    print(f"\n{len(rows) - len(failed)} within budget, {len(failed)} over budget")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())

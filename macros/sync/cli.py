"""The command line: python -m macros.sync [--dotnet-docker DIR] [--framework-docker DIR] [--out DIR] [--check]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..data.load import DATA_DIR
from .catalog import generate
from .errors import SyncError, shown
from .output import existing, write
from .report import changes

DESCRIPTION = "Generate data/catalog/*.yml from the upstream image manifests (python -m macros.sync)."


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m macros.sync", description=DESCRIPTION)
    upstream = DATA_DIR / "upstream"
    parser.add_argument(
        "--dotnet-docker",
        type=Path,
        default=upstream / "dotnet-docker",
        help="folder with dotnet-docker's manifest.json (default: the vendored copy)",
    )
    parser.add_argument(
        "--framework-docker",
        type=Path,
        default=upstream / "dotnet-framework-docker",
        help="folder with dotnet-framework-docker's manifest.json (default: the vendored copy)",
    )
    parser.add_argument("--out", type=Path, default=DATA_DIR / "catalog", help="where to write the catalog")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the catalog is out of date")
    return parser


def _run(args: argparse.Namespace) -> int:
    new = generate(args.dotnet_docker, args.framework_docker)
    old = existing(args.out)  # refuses a folder holding hand-kept files before anything is written
    report, differs = changes(old, new), old != new
    if args.check:
        print("\n".join(report) or ("catalog is up to date" if not differs else "catalog files differ"))
        return 1 if differs else 0
    write(args.out, old, new)
    print("\n".join(report) if report else "no tag or version changes")
    print(f"wrote {len(new)} files to {shown(args.out)}" + (" (unchanged)" if not differs else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the sync; 0 when done (or up to date), 1 when the upstream data or --out is refused (or out of date)."""
    try:
        return _run(_parser().parse_args(argv))
    except SyncError as error:
        print(f"sync failed: {error}", file=sys.stderr)
        return 1

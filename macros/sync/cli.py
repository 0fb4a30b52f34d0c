"""The command line: python -m macros.sync [--dotnet-docker DIR] [--framework-docker DIR] [--versions DIR]
[--versions-bundle FILE] [--out DIR] [--registry-out DIR] [--check]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..data.load import DATA_DIR
from .catalog import documents
from .errors import SyncError, shown
from .output import existing, record_name, render_document, render_record, write
from .registry import Versions, record
from .registry_report import registry_changes
from .report import changes

DESCRIPTION = (
    "Generate data/catalog/*.yml from the upstream image manifests, and data/registry/*.yml from dotnet/versions' "
    "image-info files and their git history (python -m macros.sync)."
)
UPSTREAM = DATA_DIR / "upstream"
VERSIONS = UPSTREAM / "dotnet-versions"
BUNDLE = VERSIONS / "image-info-history.bundle"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m macros.sync", description=DESCRIPTION)
    parser.add_argument(
        "--dotnet-docker",
        type=Path,
        default=UPSTREAM / "dotnet-docker",
        help="folder with dotnet-docker's manifest.json (default: the vendored copy)",
    )
    parser.add_argument(
        "--framework-docker",
        type=Path,
        default=UPSTREAM / "dotnet-framework-docker",
        help="folder with dotnet-framework-docker's manifest.json (default: the vendored copy)",
    )
    parser.add_argument(
        "--versions",
        type=Path,
        help="a dotnet/versions git checkout: its build-info/docker/image-info files and their history "
        "(default: the vendored files and bundle)",
    )
    parser.add_argument(
        "--versions-bundle",
        type=Path,
        help="a git bundle of dotnet/versions to read the history from (alone: its newest version is the current one)",
    )
    parser.add_argument("--out", type=Path, default=DATA_DIR / "catalog", help="where to write the catalog")
    parser.add_argument(
        "--registry-out", type=Path, help="where to write the registry record (default: `registry` beside --out)"
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a generated file is out of date")
    return parser


def _versions(args: argparse.Namespace) -> Versions:
    """The vendored files and bundle by default; either option alone reads only what it names."""
    if args.versions is None and args.versions_bundle is None:
        return Versions(VERSIONS, BUNDLE)
    return Versions(args.versions, args.versions_bundle)


def _status(what: str, count: int, out: Path, differs: bool, check: bool) -> str:
    if check:
        return f"{what} is out of date: run `make sync`" if differs else f"{what} is up to date"
    return f"wrote {count} files to {shown(out)}" + (" (unchanged)" if not differs else "")


def _run(args: argparse.Namespace) -> int:
    catalog = documents(args.dotnet_docker, args.framework_docker)
    new = {name: render_document(d.content) for name, d in catalog.items()}
    registry_out = args.registry_out or args.out.parent / "registry"
    # Both folders are checked before anything is read from dotnet/versions or written anywhere.
    old = existing(args.out)
    old_record = existing(registry_out, "--registry-out", "registry record", ".json")
    found = record(_versions(args), catalog)
    new_record = {record_name(name): render_record(d) for name, d in found.documents.items()}
    differs, record_differs = old != new, old_record != new_record
    report = changes(old, new)
    print("\n".join(report) if report else "no tag or version changes")
    if not args.check:
        write(args.out, old, new)
    print(_status("catalog", len(new), args.out, differs, args.check))
    print("\n".join(registry_changes(old_record, found, catalog)) or "no digest changes")
    if not args.check:
        write(registry_out, old_record, new_record)
    print(_status("registry record", len(new_record), registry_out, record_differs, args.check))
    return 1 if args.check and (differs or record_differs) else 0


def main(argv: list[str] | None = None) -> int:
    """Run the sync; 0 when done (or up to date), 1 when the upstream data or an output folder is refused (or, with
    --check, a generated file is out of date)."""
    try:
        return _run(_parser().parse_args(argv))
    except SyncError as error:
        print(f"sync failed: {error}", file=sys.stderr)
        return 1

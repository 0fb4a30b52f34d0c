"""The command line: python -m macros.sync [--dotnet-docker DIR] [--framework-docker DIR] [--core DIR]
[--versions DIR] [--versions-bundle FILE] [--out DIR] [--registry-out DIR] [--lifecycle-out DIR] [--report FILE]
[--vendor DIR] [--check]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..data.load import DATA_DIR
from .catalog import read_catalog
from .errors import SyncError, shown
from .lifecycle_report import lifecycle_changes
from .markdown_report import SourceRow, markdown_report
from .output import LIFECYCLE_NAME, existing, record_name, render_document, render_record, render_releases, write
from .registry import PATHS, SOURCE_REPOSITORY, Versions, record
from .registry_report import registry_changes
from .releases import INDEX, read_releases
from .report import changes
from .vendor import Copied, manifests, vendor

DESCRIPTION = (
    "Generate data/catalog/*.yml from the upstream image manifests, data/registry/*.json from dotnet/versions' "
    "image-info files and their git history, and data/lifecycle/dotnet.yml from dotnet/core's releases-index.json "
    "(python -m macros.sync)."
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
        "--core",
        type=Path,
        default=UPSTREAM / "dotnet-core",
        help="folder with dotnet/core's release-notes/releases-index.json, and each channel's releases.json when "
        "present, for GA dates (default: the vendored copy)",
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
    parser.add_argument(
        "--lifecycle-out", type=Path, help="where to write the .NET lifecycle (default: `lifecycle` beside --out)"
    )
    parser.add_argument("--report", type=Path, help="also write the change report to this file, as Markdown")
    parser.add_argument(
        "--vendor",
        type=Path,
        help="also copy the upstream files read into this vendored copy (data/upstream), with their commits and dates "
        "in its SOURCES.md and the image-info history as a bundle, so a plain `make sync` gives the same output",
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


def _sources(origins: dict, found, releases) -> list[SourceRow]:
    """Each upstream repository read, once, with the commit and date it was read at."""
    rows = {name: SourceRow(name, origin.commit, origin.date.isoformat()) for name, origin in origins.items()}
    for commit, date in sorted(set(found.current.commits.values())):
        rows.setdefault(SOURCE_REPOSITORY, SourceRow(SOURCE_REPOSITORY, commit, date))
    source = releases.document["source"]
    rows.setdefault(source["repository"], SourceRow(source["repository"], source["commit"], str(source["date"])))
    return list(rows.values())


def _copies(args: argparse.Namespace, sources: list[SourceRow]) -> list[Copied]:
    """What --vendor copies: the files the sync read from each checkout, with the commit and date it read them at."""
    if args.versions is None:
        raise SyncError("--vendor needs --versions (a dotnet/versions checkout: its image-info files and history)")
    found = {row.name: row for row in sources}
    folders = (
        ("dotnet/dotnet-docker", args.dotnet_docker, "dotnet-docker", manifests(args.dotnet_docker)),
        ("microsoft/dotnet-framework-docker", args.framework_docker, "dotnet-framework-docker", None),
        ("dotnet/core", args.core, "dotnet-core", (INDEX,)),
        (SOURCE_REPOSITORY, args.versions, "dotnet-versions", PATHS),
    )
    copies = []
    for name, folder, local, files in folders:
        row = found[name]
        copies.append(Copied(name, folder, local, files or manifests(folder), row.commit, row.date))
    return copies


def _run(args: argparse.Namespace) -> int:
    if args.vendor is not None and args.check:
        raise SyncError("--vendor writes the vendored copy; --check writes nothing: use one or the other")
    catalog, origins = read_catalog(args.dotnet_docker, args.framework_docker)
    releases = read_releases(args.core)
    new = {name: render_document(d.content) for name, d in catalog.items()}
    new_lifecycle = {LIFECYCLE_NAME: render_releases(releases.document)}
    registry_out = args.registry_out or args.out.parent / "registry"
    lifecycle_out = args.lifecycle_out or args.out.parent / "lifecycle"
    # Every output folder is checked before anything is read from dotnet/versions or written anywhere.
    old = existing(args.out)
    old_record = existing(registry_out, "--registry-out", "registry record", ".json")
    old_lifecycle = existing(lifecycle_out, "--lifecycle-out", "lifecycle")
    found = record(_versions(args), catalog)
    new_record = {record_name(name): render_record(d) for name, d in found.documents.items()}
    outputs = (
        ("catalog", args.out, old, new),
        ("registry record", registry_out, old_record, new_record),
        ("lifecycle", lifecycle_out, old_lifecycle, new_lifecycle),
    )
    sections = {
        "catalog": changes(old, new),
        "registry": registry_changes(old_record, found, catalog),
        "lifecycle": lifecycle_changes(old_lifecycle.get(LIFECYCLE_NAME, ""), new_lifecycle[LIFECYCLE_NAME]),
    }
    nothing = {
        "catalog": "no tag or version changes",
        "registry": "no digest changes",
        "lifecycle": "no lifecycle changes",
    }
    stale = False
    for (what, out, before, after), (key, lines) in zip(outputs, sections.items(), strict=True):
        print("\n".join(lines) or nothing[key])
        if not args.check:
            write(out, before, after)
        stale |= before != after
        print(_status(what, len(after), out, before != after, args.check))
    sources = _sources(origins, found, releases)
    if args.vendor is not None:
        print("\n".join(vendor(args.vendor, _copies(args, sources), _versions(args))))
    if args.report is not None:
        args.report.write_text(markdown_report(sources, sections), encoding="utf-8")
    return 1 if args.check and stale else 0


def main(argv: list[str] | None = None) -> int:
    """Run the sync; 0 when done (or up to date), 1 when the upstream data or an output folder is refused (or, with
    --check, a generated file is out of date)."""
    try:
        return _run(_parser().parse_args(argv))
    except SyncError as error:
        print(f"sync failed: {error}", file=sys.stderr)
        return 1

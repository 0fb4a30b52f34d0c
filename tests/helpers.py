"""What several test files share: the project's paths, the test date, a strict build, and small editors
for breaking a copy of a data file (each returns or finds the 1-based line a message must name)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
TODAY = "2026-11-28"  # the date every test build computes support status for
CHROMIUM = "/usr/bin/chromium"
# The repositories of dotnet-docker's image-info (the registry record) that are built from .NET channels.
DOTNET_DOCKER_REPOSITORIES = (
    "dotnet/aspnet",
    "dotnet/monitor",
    "dotnet/monitor/base",
    "dotnet/runtime",
    "dotnet/runtime-deps",
    "dotnet/sdk",
)
# The old image names the guide promises to explain (data/legacy.yml and the legacy-names page).
LEGACY_NAMES = [
    "microsoft/dotnet",
    "microsoft/aspnetcore",
    "microsoft/aspnetcore-build",
    "microsoft/dotnet-nightly",
    "microsoft/dotnet-samples",
    "microsoft/dotnet-framework",
    "microsoft/aspnet",
    "microsoft/wcf",
    "mcr.microsoft.com/dotnet/core/*",
]


def build_site(project: Path, out: Path, site_url: str = "http://127.0.0.1:8000/", extra_env=None):
    """Run a strict MkDocs build of `project` into `out`; return the CompletedProcess."""
    env = dict(os.environ, GUIDE_TODAY=TODAY, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def replace_once(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` (which must be there) by `new` in a file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_containing(path: Path, needle: str, nth: int = 0) -> int:
    """The 1-based line of the nth line that contains `needle`."""
    hits = [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in text]
    assert len(hits) > nth, f"{path.name}: no line {nth} containing {needle!r}"
    return hits[nth]


def english_catalog_pieces(shortest: int = 12) -> list[str]:
    """The English message catalog's texts that Korean says otherwise, cut at their {placeholders}: every
    piece of `shortest` characters or more with a space in it, to look for on Korean pages."""
    import re

    from macros.data.messages import load_messages

    loaded = load_messages(ROOT / "data" / "messages", ROOT)
    pieces = set()
    for key, english in loaded["en"].texts.items():
        if key == "date.long" or english == loaded["ko"].texts[key]:
            continue
        for piece in re.split(r"\{[a-z_]+\}", english):
            piece = piece.strip(" :.,()")
            if len(piece) >= shortest and " " in piece:
                pieces.add(piece)
    return sorted(pieces)

"""Weight of the repository pages: one strict build, then the aspnet page and the largest one (raw, gzip)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.measure import Row, median_seconds
from macros.data.load import load_catalog
from macros.data.messages import load_messages
from macros.render import images as render_images

ROOT = Path(__file__).resolve().parent.parent
GZIP_BUDGET = 150_000  # bytes over the wire for the biggest tag listing
RAW_BUDGET = 1_500_000  # bytes parsed by the browser
RENDER_BUDGET_SECONDS = 0.25


def _build(out: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"strict build failed:\n{result.stdout}\n{result.stderr}")


def _sizes(page: Path) -> tuple[int, int]:
    data = page.read_bytes()
    return len(data), len(gzip.compress(data, 9))


def _rows(name: str, raw: int, packed: int) -> list[Row]:
    return [
        Row(f"{name} HTML, raw", f"{raw / 1000:,.0f} KB", f"< {RAW_BUDGET / 1000:,.0f} KB", raw < RAW_BUDGET),
        Row(f"{name} HTML, gzip", f"{packed / 1000:,.1f} KB", f"< {GZIP_BUDGET / 1000:,.0f} KB", packed < GZIP_BUDGET),
    ]


def run() -> list[Row]:
    model = load_catalog()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        _build(site)
        pages = {m.info.slug: _sizes(site / "images" / m.info.slug / "index.html") for m in model.repositories}
    largest = max(pages, key=lambda slug: pages[slug][1])
    rows = _rows("images/aspnet page", *pages["aspnet"])
    if largest != "aspnet":
        rows += _rows(f"images/{largest} page (largest)", *pages[largest])
    english = load_messages(ROOT / "data" / "messages", ROOT)["en"]
    seconds = median_seconds(lambda: render_images.render_tag_listing(model, "aspnet", english), repeat=5)
    rows.append(
        Row(
            "render aspnet tag listing",
            f"{seconds * 1000:.0f} ms",
            f"< {RENDER_BUDGET_SECONDS * 1000:.0f} ms",
            seconds < RENDER_BUDGET_SECONDS,
        )
    )
    return rows

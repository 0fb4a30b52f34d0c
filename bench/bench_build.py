"""Build benchmarks: what our pages cost over MkDocs itself, how the build grows with the catalog,
page weight of the largest page and the wizard page, and the bytes of our own JS and CSS.

Every build is a real `mkdocs build --strict` of a copy of the project in a temporary folder
(GUIDE_TODAY fixed), timed from outside as a subprocess, so interpreter start-up and MkDocs'
own work are included the same way in every figure.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bench.measure import Row

ROOT = Path(__file__).resolve().parent.parent
IGNORED = shutil.ignore_patterns(".venv", ".git", "site", "site.tmp", "__pycache__", ".pytest_cache")

CONTENT_RATIO_BUDGET = 2.0  # real site / same site with empty page bodies
CONTENT_RATIO_AIM = 1.5  # where we want it; printed beside the budget
EDITIONS_BUDGET = 2.2  # English and Korean / English only: the i18n plugin's second pass costs at most this
GROWTH_BUDGET = 16.0  # time(16x catalog) / time(1x): no worse than linear
UNIT_COST_BUDGET = 1.5  # cost of one more catalog copy between 4x..16x vs 1x..4x
PAGE_GZIP_BUDGET = 150_000  # bytes over the wire
PAGE_RAW_BUDGET = 1_500_000  # bytes the browser parses (same figure as bench_pages)
OWN_ASSETS_BUDGET = 40_000  # the files of docs/javascripts and docs/stylesheets every page loads
PAGE_ASSETS_BUDGET = 32_000  # the files one page loads on top of the site-wide ones (its scripts and style)
REPEAT = 5  # builds per variant for the content ratio (median)


def _copy(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=IGNORED)
    return target


def _build(project: Path, out: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDE_TODAY="2026-11-28", SITE_URL="http://127.0.0.1:8000/")
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-d", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"strict build of {project} failed:\n{result.stdout}\n{result.stderr}")
    return seconds


# --- the same site with every page body emptied ------------------------------------------------

_FRONT_MATTER = re.compile(r"^---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.S)


def _empty_bodies(project: Path) -> None:
    """Keep each page's front matter and first heading (its title), drop the rest."""
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        match = _FRONT_MATTER.match(text)
        head = match.group(0) if match else ""
        title = next((line for line in text[len(head) :].splitlines() if line.startswith("# ")), "# Page")
        page.write_text(f"{head}\n{title}\n", encoding="utf-8")


_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def _prose_only(project: Path) -> None:
    """Keep every page's own text, drop every macro call: what Markdown and search cost without the catalog."""
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8").replace("render_macros: true", "render_macros: false")
        page.write_text(_JINJA.sub("", text), encoding="utf-8")


_KOREAN_BUILT = "          name: 한국어\n          build: true\n"


def _english_only(project: Path) -> None:
    """The same site without its Korean edition (the i18n plugin builds English alone)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if _KOREAN_BUILT not in text:
        raise SystemExit("bench: mkdocs.yml no longer declares the Korean edition as the bench expects")
    config.write_text(text.replace(_KOREAN_BUILT, _KOREAN_BUILT.replace("true", "false")), encoding="utf-8")


def _content_ratio(folder: Path) -> tuple[list[Row], Path]:
    variants = {
        "real": _copy(folder / "real"),
        "english": _copy(folder / "english"),
        "prose": _copy(folder / "prose"),
        "empty": _copy(folder / "empty"),
    }
    _english_only(variants["english"])
    _prose_only(variants["prose"])
    _empty_bodies(variants["empty"])
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(REPEAT):  # interleaved, so a busy moment hits every variant
        for name, project in variants.items():
            times[name].append(_build(project, folder / f"{name}-site"))
    real_s, english_s, prose_s, empty_s = (statistics.median(times[n]) for n in ("real", "english", "prose", "empty"))
    ratio = real_s / empty_s
    editions = real_s / english_s
    rows = [
        Row("strict build, real site (English and Korean)", f"{real_s:.2f} s", "-", True),
        Row("strict build, English only", f"{english_s:.2f} s", "-", True),
        Row(
            "build ratio both editions / English only",
            f"{editions:.2f}x",
            f"<= {EDITIONS_BUDGET:.1f}x",
            editions <= EDITIONS_BUDGET,
        ),
        # For reading the ratio: the same pages with every macro call removed (their prose only).
        Row(f"strict build, prose only ({prose_s / empty_s:.2f}x emptied)", f"{prose_s:.2f} s", "-", True),
        Row("strict build, page bodies emptied", f"{empty_s:.2f} s", "-", True),
        Row(
            "build ratio real / emptied",
            f"{ratio:.2f}x",
            f"<= {CONTENT_RATIO_BUDGET:.1f}x (aim {CONTENT_RATIO_AIM:.1f}x)",
            ratio <= CONTENT_RATIO_BUDGET,
        ),
    ]
    return rows, folder / "real-site"


# --- synthetic catalogs: every image cloned with renamed tags ----------------------------------


class _PlainDumper(yaml.SafeDumper):
    """Writes a repeated object again instead of as a YAML alias: the loader allows few aliases."""

    def ignore_aliases(self, data) -> bool:  # noqa: ARG002 - PyYAML's signature
        return True


def _scale_catalog(project: Path, factor: int) -> int:
    """Make each catalog file hold `factor` copies of its images; copy n's tags end in `-synN`."""
    images = 0
    for path in sorted((project / "data" / "catalog").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        originals = data["images"]
        scaled = list(originals)
        for n in range(1, factor):
            for image in originals:
                clone = dict(image)
                clone["platform_tags"] = [f"{t}-syn{n}" for t in image.get("platform_tags", [])]
                clone["shared_tags"] = [f"{t}-syn{n}" for t in image.get("shared_tags", [])]
                scaled.append(clone)
        data["images"] = scaled
        images += len(scaled)
        path.write_text(yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, width=10_000), encoding="utf-8")
    return images


def _growth(folder: Path) -> list[Row]:
    times = {}
    for factor in (1, 4, 16):
        project = _copy(folder / f"x{factor}")
        images = _scale_catalog(project, factor)
        times[factor] = (_build(project, folder / f"x{factor}-site"), images)
    t1, t4, t16 = (times[f][0] for f in (1, 4, 16))
    growth = t16 / t1
    # Seconds per extra copy of the catalog, early (1x->4x) and late (4x->16x).
    early, late = (t4 - t1) / 3, (t16 - t4) / 12
    unit_ratio = late / early if early > 0 else float("inf")
    rows = [
        Row(f"strict build, catalog {f}x ({times[f][1]:,} images)", f"{times[f][0]:.2f} s", "-", True)
        for f in (1, 4, 16)
    ]
    rows += [
        Row("build growth 16x / 1x catalog", f"{growth:.2f}x", f"<= {GROWTH_BUDGET:.0f}x", growth <= GROWTH_BUDGET),
        Row(
            "cost per catalog copy, 4-16x / 1-4x",
            f"{unit_ratio:.2f}x",
            f"<= {UNIT_COST_BUDGET:.1f}x",
            unit_ratio <= UNIT_COST_BUDGET,
        ),
    ]
    return rows


# --- page weight and our own assets ------------------------------------------------------------


def _weight_rows(name: str, page: Path) -> list[Row]:
    data = page.read_bytes()
    raw, packed = len(data), len(gzip.compress(data, 9))
    return [
        Row(f"{name} HTML, raw", f"{raw / 1000:,.0f} KB", f"< {PAGE_RAW_BUDGET / 1000:,.0f} KB", raw < PAGE_RAW_BUDGET),
        Row(
            f"{name} HTML, gzip",
            f"{packed / 1000:,.1f} KB",
            f"< {PAGE_GZIP_BUDGET / 1000:,.0f} KB",
            packed < PAGE_GZIP_BUDGET,
        ),
    ]


def _page_weight(site: Path) -> list[Row]:
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    largest = pages[-1]
    wizard = site / "wizard" / "index.html"
    if largest == wizard:
        return _weight_rows("wizard page (the largest page)", wizard)
    rows = _weight_rows(f"largest page ({largest.parent.relative_to(site).as_posix()}/)", largest)
    if wizard.exists():
        rows += _weight_rows("wizard page", wizard)
    return rows


def _page_scripts(page: str) -> list[Path]:
    """The scripts a page names in its front matter (`scripts: [tag-filter, goto-tag]`)."""
    found = re.search(r"^scripts: \[([^\]]*)\]", (ROOT / "docs" / page).read_text(encoding="utf-8"), re.M)
    names = [n.strip() for n in found.group(1).split(",")] if found else []
    return [ROOT / "docs" / "javascripts" / f"{name}.js" for name in names]


def _own_assets() -> list[Row]:
    """Site-wide assets (mkdocs.yml's extra_javascript and extra_css, loaded by every page) against one
    budget; what one page loads on top of them (the checker's script and style from its template, a
    repository page's scripts from its front matter) against their own. (The wizard's: bench_wizard.py.)"""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    files = sorted((ROOT / "docs" / "javascripts").glob("*.js")) + sorted((ROOT / "docs" / "stylesheets").glob("*.css"))
    site_wide = [p for p in files if f"- {p.parent.name}/{p.name}" in config]
    total = sum(p.stat().st_size for p in site_wide)
    js = sum(p.stat().st_size for p in site_wide if p.suffix == ".js")
    pages = {
        "checker page": [ROOT / "docs" / "javascripts" / "checker.js", ROOT / "docs" / "stylesheets" / "checker.css"],
        "repository page": _page_scripts("images/aspnet.md"),
    }
    rows = [
        Row(
            f"own site-wide JS + CSS ({len(site_wide)} files; JS {js / 1000:.1f} KB)",
            f"{total / 1000:.1f} KB",
            f"< {OWN_ASSETS_BUDGET / 1000:.0f} KB",
            total < OWN_ASSETS_BUDGET,
        )
    ]
    for name, own in pages.items():
        size = sum(p.stat().st_size for p in own)
        rows.append(
            Row(
                f"{name}'s own JS + CSS ({', '.join(p.name for p in own)})",
                f"{size / 1000:.1f} KB",
                f"< {PAGE_ASSETS_BUDGET / 1000:.0f} KB",
                size < PAGE_ASSETS_BUDGET,
            )
        )
    return rows


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as name:
        folder = Path(name)
        rows, real_site = _content_ratio(folder)
        rows += _page_weight(real_site)
        rows += _growth(folder)
    return rows + _own_assets()

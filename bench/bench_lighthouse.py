"""Lighthouse (mobile, as PageSpeed runs it) on five pages served with gzip like GitHub Pages: the four
category scores and LCP / TBT / CLS per page, against targets (performance >= 95, the rest 100). Each
page is measured RUNS times and the median run (by performance score) is reported.

Lighthouse is an npm package used by this benchmark only (bench/lighthouse/, pinned by its
package-lock.json; `make bench` runs `npm ci` there); it drives Debian's Chromium (CHROME_PATH).
Below a target, the audits that cost points are printed under the table, so the gap has a cause.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from bench.measure import Row

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "",
    "wizard": "wizard/",
    "aspnet": "images/aspnet/",
    "build-vs-run": "guide/build-vs-run/",
    "lifecycle": "images/lifecycle/",
}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# Core Web Vitals, Lighthouse's "good" limits (lab figures: TBT stands in for INP).
VITALS = {
    "largest-contentful-paint": ("LCP", 2500, "ms"),
    "total-blocking-time": ("TBT", 200, "ms"),
    "cumulative-layout-shift": ("CLS", 0.1, ""),
}
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (as GitHub Pages serves them)."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and path.suffix in COMPRESSIBLE and accepts):
            return super().send_head()  # everything else as the standard handler does (redirects, 404)
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' header
        self.end_headers()
        return io.BytesIO(body)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _lighthouse(url: str) -> dict:
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(result.stdout)


# Lighthouse's own advice on variability: run several times and keep the median run (by performance).
RUNS = 3


def _median_run(url: str) -> dict:
    reports = sorted((_lighthouse(url) for _ in range(RUNS)), key=lambda r: r["categories"]["performance"]["score"])
    return reports[len(reports) // 2]


def _losses(report: dict, category: str) -> list[str]:
    """The audits of a category below full marks, weighted, as "id (score)"."""
    refs = report["categories"][category]["auditRefs"]
    lost = []
    for ref in refs:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            lost.append(f"{ref['id']} ({audit['score']:.2f}, weight {ref['weight']})")
    return lost


def run() -> list[Row]:
    if not LIGHTHOUSE.exists():
        print("lighthouse is not installed: run `npm ci --prefix bench/lighthouse` (make bench does)", file=sys.stderr)
        return [Row("Lighthouse", "not installed", "installed", False)]
    rows, notes = [], []
    port = _port()
    with tempfile.TemporaryDirectory() as out:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/")
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", out],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Gzip, directory=out))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            for name, path in PAGES.items():
                report = _median_run(f"http://127.0.0.1:{port}/{path}")
                for category, target in TARGETS.items():
                    score = round(report["categories"][category]["score"] * 100)
                    rows.append(Row(f"lighthouse {name}: {category}", str(score), f">= {target}", score >= target))
                    if score < target:
                        notes.append(f"{name} {category} {score}: " + "; ".join(_losses(report, category)))
                for audit, (label, limit, unit) in VITALS.items():
                    value = report["audits"][audit]["numericValue"]
                    shown = f"{value:.0f} {unit}".strip() if unit else f"{value:.3f}"
                    rows.append(Row(f"lighthouse {name}: {label}", shown, f"<= {limit} {unit}".strip(), value <= limit))
        finally:
            server.shutdown()
    for note in notes:
        print("  below target:", note, file=sys.stderr)
    return rows

"""The wizard in Chromium: median time from an answer to the shown result (budget 16 ms), and its
JS + CSS bytes (budget 12 KB)."""

from __future__ import annotations

import functools
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from bench.measure import Row

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MS = 16
BUDGET_BYTES = 12 * 1024
ANSWERS = 50
ASSETS = (ROOT / "docs" / "javascripts" / "wizard.js", ROOT / "docs" / "stylesheets" / "wizard.css")

# Clicks a visible, unchecked radio of a visible question (chosen in a fixed order), and times the
# click until the result is laid out again (the handler renders synchronously; offsetHeight forces layout).
_ANSWER = """step => {
  const open = '[data-wizard] fieldset:not([hidden]) label:not([hidden]) input:not(:checked)';
  const radios = [...document.querySelectorAll(open)];
  const input = radios[(step * 7) % radios.length];
  const result = document.querySelector('[data-wizard-result]');
  const start = performance.now();
  input.click();
  void result.offsetHeight;
  return performance.now() - start;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _answer_times(site: Path) -> list[float]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/wizard/")
            page.wait_for_selector("[data-wizard-result][data-outcome]")
            for step in range(5):  # warm up
                page.evaluate(_ANSWER, step)
            times = [page.evaluate(_ANSWER, step) for step in range(ANSWERS)]
            browser.close()
    finally:
        server.shutdown()
    return times


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as out:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="http://127.0.0.1/")
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", out],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        median_ms = statistics.median(_answer_times(Path(out)))
    size = sum(p.stat().st_size for p in ASSETS)
    return [
        Row(
            f"wizard answer -> result, Chromium (median of {ANSWERS})",
            f"{median_ms:.1f} ms",
            f"< {BUDGET_MS} ms",
            median_ms < BUDGET_MS,
        ),
        Row(
            "wizard JS + CSS (uncompressed)",
            f"{size / 1024:.1f} KB",
            f"<= {BUDGET_BYTES // 1024} KB",
            size <= BUDGET_BYTES,
        ),
    ]

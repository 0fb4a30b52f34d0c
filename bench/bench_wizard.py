"""The wizard in Chromium: median time from an answer to the shown result (budget 16 ms), layout shift
while the page loads (CLS, budget 0.05, on a phone and a desktop, for the page alone and for a shared
link), and what the page weighs compressed with its data (budget 60 KB gzip)."""

from __future__ import annotations

import functools
import gzip
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
BUDGET_CLS = 0.05
BUDGET_GZIP = 60 * 1024
ANSWERS = 50
READY = "[data-wizard][data-ready]"  # the script has its data and has taken over from the server's HTML
# The page's own bytes: its HTML, the data file it fetches, its script and its stylesheet (Material's
# theme files are shared by every page and cached after the first).
OWN_FILES = ("wizard/index.html", "wizard/data.json", "javascripts/wizard.js", "stylesheets/wizard.css")
SHARED_LINK = "?app=console&distro=alpine&globalization=yes&arch=arm64"

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

# Sums every layout shift not caused by input, from the first paint on (buffered: shifts before the
# observer ran count too), as Chromium's Cumulative Layout Shift does for a short visit.
_OBSERVE_SHIFTS = """
window.__cls = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({type: 'layout-shift', buffered: true});
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _measure(site: Path) -> tuple[list[float], dict[str, float]]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/wizard/"
    shifts = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for device, viewport in (("phone", (390, 844)), ("desktop", (1280, 900))):
                for visit, query in (("page", ""), ("shared link", SHARED_LINK)):
                    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
                    page = context.new_page()
                    page.add_init_script(_OBSERVE_SHIFTS)
                    page.goto(base + query)
                    page.wait_for_selector(READY)
                    page.wait_for_timeout(500)  # shifts after the script took over count too
                    shifts[f"{device}, {visit}"] = page.evaluate("window.__cls")
                    context.close()
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(base)
            page.wait_for_selector(READY)
            for step in range(5):  # warm up
                page.evaluate(_ANSWER, step)
            times = [page.evaluate(_ANSWER, step) for step in range(ANSWERS)]
            browser.close()
    finally:
        server.shutdown()
    return times, shifts


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
        times, shifts = _measure(Path(out))
        sizes = {name: len(gzip.compress((Path(out) / name).read_bytes(), 9)) for name in OWN_FILES}
    median_ms = statistics.median(times)
    worst = max(shifts, key=shifts.get)
    total = sum(sizes.values())
    return [
        Row(
            f"wizard answer -> result, Chromium (median of {ANSWERS})",
            f"{median_ms:.1f} ms",
            f"< {BUDGET_MS} ms",
            median_ms < BUDGET_MS,
        ),
        Row(
            f"wizard layout shift on load (CLS, worst of {len(shifts)}: {worst})",
            f"{shifts[worst]:.3f}",
            f"< {BUDGET_CLS}",
            shifts[worst] < BUDGET_CLS,
        ),
        Row(
            "wizard page + data + JS + CSS, gzip "
            f"(data {sizes['wizard/data.json'] / 1024:.0f} KB, HTML {sizes['wizard/index.html'] / 1024:.0f} KB)",
            f"{total / 1024:.1f} KB",
            f"<= {BUDGET_GZIP // 1024} KB",
            total <= BUDGET_GZIP,
        ),
    ]


if __name__ == "__main__":  # this bench alone: python -m bench.bench_wizard
    for row in run():
        print(f"{row.name}: {row.figure} (budget {row.budget_text}) {'PASS' if row.ok else 'FAIL'}")

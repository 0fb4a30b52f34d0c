"""Pages that fit: no page of the built site overflows sideways at 360 px (a small phone) or 1280 px
(a laptop), and no table is cut inside its scrolling wrapper. One browser session visits every page
at both widths (code blocks may scroll: a Dockerfile line is not broken)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

_OVERFLOW = """() => {
  // Show every channel of the full listing, open, and laid out (off-screen tables skip layout:
  // content-visibility) before measuring.
  document.querySelectorAll('input[data-show-ended]').forEach(box => { box.checked = true; });
  document.querySelectorAll('details.tag-listing').forEach(d => { d.open = true; });
  const wraps = document.querySelectorAll('.guide-offscreen');
  wraps.forEach(g => { g.style.contentVisibility = 'visible'; });
  const found = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1) {
    found.push('page ' + document.documentElement.scrollWidth + ' > ' + width);
  }
  for (const wrap of document.querySelectorAll('article .md-typeset__scrollwrap, article table')) {
    if (wrap.closest('pre') || !wrap.getClientRects().length) continue;
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      const head = wrap.querySelector('th, td');
      const name = head ? head.textContent.slice(0, 40) : '';
      found.push('table "' + name + '" ' + wrap.scrollWidth + ' > ' + wrap.clientWidth);
    }
  }
  return found;
}"""


def test_no_page_overflows_at_360_or_1280_px(browser, site_server, built_site):
    pages = sorted(p.parent.relative_to(built_site).as_posix() + "/" for p in built_site.rglob("index.html"))
    pages = [p.removeprefix("./") if p != "./" else "" for p in pages]
    assert len(pages) > 20
    problems = []
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for path in pages:
            page.goto(site_server + path, wait_until="load")
            problems += [f"{width}px {path or '/'}: {found}" for found in page.evaluate(_OVERFLOW)]
        context.close()
    assert not problems, "\n".join(problems)

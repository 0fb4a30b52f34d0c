"""The titles of the pages the wizard links to, so each link says where it goes (never "Read more")."""

from __future__ import annotations

from pathlib import Path

from .rules import WizardRules


def page_titles(rules: WizardRules, docs_dir: Path) -> dict[str, str]:
    """docs path (without anchor) -> the page's first `# ` heading (checks.py made sure the page exists);
    a translated page (`guide/tags.ko.md`) is there under its own path, for the links of its language."""
    titles = {}
    for entry in (*rules.run, *rules.build, *rules.reasons):
        page = entry.link.split("#")[0]
        if page not in titles:
            titles[page] = _first_heading(docs_dir / page)
            # The same page in another language (guide/tags.ko.md beside guide/tags.md), by its own path.
            for translated in sorted((docs_dir / page).parent.glob(f"{Path(page).stem}.*.md")):
                titles[f"{page[:-3]}{translated.name[len(Path(page).stem) :]}"] = _first_heading(translated)
    return titles


def _first_heading(path: Path) -> str:
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    except OSError:
        pass
    return path.stem.replace("-", " ").capitalize()

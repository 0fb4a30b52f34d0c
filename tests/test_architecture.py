"""The layers of macros/ import one way: data -> model -> wizard -> checker/render -> pages. Renderers import
no other renderer (only the shared html.py, texts.py and status.py) and never the glue."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import ROOT

MACROS = ROOT / "macros"
SHARED_RENDER = {"html", "texts", "status"}
# What each layer may import from inside macros/ (by top-level folder).
ALLOWED = {
    "data": {"data", "model", "wizard"},  # the loader builds the model and the wizard
    "model": {"data", "model"},  # only data.schema (derived, replace) and data.errors
    "wizard": {"data", "model", "wizard"},
    "checker": {"data", "model", "wizard", "checker"},  # the checker's decision table and its look-ups
    "render": {"data", "model", "wizard", "render"},
    "pages": {"data", "model", "checker", "render", "pages"},
    "sync": {"data", "model", "sync"},  # upstream manifests -> data/catalog: never the renderers or pages
}


def _imports(path: Path) -> list[str]:
    """Modules of macros/ that `path` imports, as dotted names relative to macros/ ("render.html")."""
    package = path.relative_to(MACROS).with_suffix("").parts[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(package[: len(package) - node.level + 1])
            target = [*base, *(node.module.split(".") if node.module else [])]
            found += [".".join(target)] if node.module else [".".join([*target, a.name]) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("macros."):
            found.append(node.module.removeprefix("macros."))
    return found


LAYER_FILES = sorted(p for p in MACROS.rglob("*.py") if p.relative_to(MACROS).parts[0] in ALLOWED)


@pytest.mark.parametrize("path", LAYER_FILES, ids=lambda p: str(p.relative_to(MACROS)))
def test_imports_follow_the_layers(path):
    layer = path.relative_to(MACROS).parts[0]
    wrong = [name for name in _imports(path) if name.split(".")[0] not in ALLOWED[layer]]
    if layer == "model":  # the model may use the schema helpers and the error types, never the loader
        wrong += [n for n in _imports(path) if n.startswith("data.") and n not in ("data.schema", "data.errors")]
    assert not wrong, f"macros/{path.relative_to(MACROS)} ({layer}) imports {wrong}"


@pytest.mark.parametrize("path", sorted((MACROS / "render").glob("*.py")), ids=lambda p: p.name)
def test_no_renderer_imports_another(path):
    others = [n for n in _imports(path) if n.startswith("render.") and n.split(".")[1] not in SHARED_RENDER]
    assert not others, f"macros/render/{path.name} imports other renderers: {others}"


def test_the_check_sees_imports():
    """The rule above would pass on files it cannot read: make sure it reads a known import."""
    assert "render.html" in _imports(MACROS / "render" / "images.py")
    assert "data.load" in _imports(MACROS / "pages" / "source.py")

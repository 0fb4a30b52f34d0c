"""Turn every mistake on a macro page into one clean `file:line` message that stops the build.

mkdocs-macros prints a Python traceback for any exception raised while it renders a page.
So the guide checks a page before rendering (Jinja syntax, unknown macro names, the data
itself) and has its macros record problems instead of raising; after the page is rendered
the problems are raised together as a DataError, which MkDocs reports without a traceback.
"""
from __future__ import annotations

import functools
import re

import jinja2
from jinja2 import meta

from .catalog import load_catalog
from .errors import DataError, Problem

# Problems recorded by macros on the page being rendered.
_pending: list[Problem] = []


class MacroArgumentError(ValueError):
    """A macro was called with an argument the data does not know (the message says what is expected)."""


def _page_file(env) -> str:
    page = env.page
    return f"docs/{page.file.src_uri}" if page is not None else "docs/?"


def _line_of(markdown: str, needle: str) -> int:
    """First line of the page source containing `needle` (1-based; 0 when not found).

    mkdocs hands macros the Markdown without its front matter, so the offset is added back.
    """
    for number, text in enumerate(markdown.splitlines(), start=1):
        if needle in text:
            return number
    return 0


def _front_matter_lines(env) -> int:
    try:
        source = open(env.page.file.abs_src_path, encoding="utf-8").read()
    except (AttributeError, OSError, TypeError):
        return 0
    match = re.match(r"---\s*\n.*?\n---\s*\n", source, re.S)
    return match.group(0).count("\n") if match else 0


def renders_macros(env) -> bool:
    page = env.page
    return bool(page is not None and page.meta.get("render_macros"))


def check_page(env) -> None:
    """Before rendering: valid Jinja, only known names, and valid data."""
    if not renders_macros(env):
        return
    file, offset = _page_file(env), _front_matter_lines(env)
    markdown = env.markdown
    try:
        tree = env.env.parse(markdown)
    except jinja2.TemplateSyntaxError as error:
        raise DataError([Problem(file, (error.lineno or 0) + offset, "", f"template syntax error: {error.message}")]) from None
    known = set(env.macros) | set(env.variables) | set(env.filters) | {"page", "config"}
    problems = []
    for name in sorted(meta.find_undeclared_variables(tree) - known):
        line = _line_of(markdown, name)
        macros = ", ".join(sorted(n for n in env.macros if not n.startswith(("context", "macros_info", "now", "fix_url"))))
        problems.append(Problem(file, line + offset if line else 0, name,
                                f"unknown macro or variable (expected one of: {macros})"))
    if problems:
        raise DataError(problems)
    load_catalog()  # validates data/ once per build; raises DataError naming file and line


def raise_recorded(env) -> None:
    """After rendering: stop the build if a macro on this page recorded a problem."""
    if _pending:
        problems = list(_pending)
        _pending.clear()
        raise DataError(problems)


def guarded(env, name: str, function):
    """Wrap a macro so that bad arguments or data are recorded with the page and line of the call."""

    @functools.wraps(function)
    def call(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except DataError as error:
            _pending.extend(error.problems)
        except (MacroArgumentError, KeyError) as error:
            message = error.args[0] if error.args else str(error)
            line = _line_of(env.markdown, f"{name}(")
            shown_args = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
            _pending.append(Problem(_page_file(env), line + _front_matter_lines(env) if line else 0,
                                    f"{name}({shown_args})", message))
        return ""

    return call

"""Turn every mistake on a macro page into one `page:line: call: message` that stops the build.

mkdocs-macros prints a traceback and exits for any exception raised while it renders a page, so
exceptions must not leave the render. The page is rendered by `LocatedTemplate`, which turns the
exceptions a writer can cause (a bad macro argument, an undefined name, a data problem) into
recorded problems, with the page line Jinja itself puts in the traceback; after the page, they
are raised together as a DataError, which MkDocs shows without a traceback. Errors in our own
code still raise, with their traceback.
"""

from __future__ import annotations

import functools
import inspect
import re
import traceback

import jinja2
import yaml
from jinja2 import nodes

from ..data.errors import DataError, Problem, UnknownValueError

# The page being rendered (file, lines of front matter above the body) and the problems it recorded.
_page: list = ["docs/?", 0]
_pending: list[Problem] = []
# The guide's macros, named in the message for an unknown name.
_macro_names: set[str] = set()
_UNDEFINED_NAME = re.compile(r"^'([^']+)' is undefined$")


def _at(line: int, call: str, message: str) -> Problem:
    """A problem at a line of the page body (Jinja counts from the line after the front matter)."""
    file, offset = _page
    return Problem(file, line + offset if line else 0, call, message)


class MacroCallError(Exception):
    """A macro call the data cannot answer: the call as written and what was expected."""

    def __init__(self, call: str, message: str):
        super().__init__(message)
        self.call, self.message = call, message


class LocatedTemplate(jinja2.Template):
    """A page template whose render records a writer's mistake with its line instead of raising."""

    def render(self, *args, **kwargs) -> str:
        try:
            return super().render(*args, **kwargs)
        except DataError as error:  # a data file is wrong: its own file and line
            _pending.extend(error.problems)
        except MacroCallError as error:
            _pending.append(_at(_template_line(error), error.call, error.message))
        except jinja2.UndefinedError as error:
            _pending.append(_undefined(_template_line(error), error.message or ""))
        return ""


def _undefined(line: int, message: str) -> Problem:
    name = _UNDEFINED_NAME.match(message)
    if name:  # a name the page reads that nothing defines: most likely a misspelt macro
        return _at(
            line, name.group(1), f"unknown macro or variable (expected one of: {', '.join(sorted(_macro_names))})"
        )
    return _at(line, "", f"undefined value: {message}")


def _template_line(error: BaseException) -> int:
    """The page line Jinja wrote into the traceback for the template frame that raised."""
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "<template>"]
    return lines[-1] if lines else 0


def reported(name: str, function):
    """The macro, raising MacroCallError (the call and what was expected) for arguments the data does not know."""
    _macro_names.add(name)
    signature = inspect.signature(function)
    empty = inspect.Parameter.empty
    shape = name + str(
        signature.replace(  # how the call should look, without annotations
            parameters=[p.replace(annotation=empty) for p in signature.parameters.values()], return_annotation=empty
        )
    )

    @functools.wraps(function)
    def call(*args, **kwargs):
        written = f"{name}({', '.join([repr(a) for a in args] + [f'{k}={v!r}' for k, v in kwargs.items()])})"
        try:
            signature.bind(*args, **kwargs)
        except TypeError as error:
            raise MacroCallError(written, f"{error} (expected {shape})") from None
        try:
            return function(*args, **kwargs)
        except (UnknownValueError, KeyError) as error:
            raise MacroCallError(written, error.args[0] if error.args else str(error)) from None

    return call


# MkDocs' own front matter pattern (mkdocs/utils/meta.py): `---` line, YAML, `---` or `...` line.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


def _page_file(env) -> str:
    return f"docs/{env.page.file.src_uri}"


def _source(env) -> str:
    try:
        with open(env.page.file.abs_src_path, encoding="utf-8-sig") as handle:
            return handle.read().replace("\r\n", "\n")
    except (AttributeError, OSError, TypeError, UnicodeDecodeError):
        return ""


def _front_matter_lines(env) -> int:
    """Lines above the body mkdocs-macros renders: the front matter and the blank lines MkDocs strips after it."""
    source = _source(env)
    match = _FRONT_MATTER.match(source)
    if not match:
        return 0
    rest = source[match.end() :]
    return match.group(0).count("\n") + len(rest) - len(rest.lstrip("\n"))


def check_front_matter(env) -> None:
    """Stop on front matter MkDocs would silently ignore (it publishes a broken header as body text)."""
    source = _source(env)
    if not re.match(r"-{3}[ \t]*\n", source):
        return
    file = _page_file(env)
    match = _FRONT_MATTER.match(source)
    if match is None:
        raise DataError(
            [Problem(file, 1, "front matter", "opened with '---' but never closed (expected a '---' line after it)")]
        )
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = " ".join(part for part in (error.context, error.problem) if part)
        raise DataError(
            [Problem(file, (mark.line + 2) if mark else 1, "front matter", f"YAML syntax error: {what}")]
        ) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(file, 1, "front matter", f"YAML error: {error}")]) from None
    if not isinstance(data, dict):
        kind = "nothing" if data is None else type(data).__name__
        raise DataError(
            [Problem(file, 2, "front matter", f"expected a mapping like `render_macros: true`, got {kind}")]
        )


def check_page(env) -> None:
    """Before rendering: valid front matter and Jinja syntax (compiling happens inside mkdocs-macros'
    catch-all, so what would fail there is checked here), and pages render with LocatedTemplate."""
    check_front_matter(env)
    if not env.page.meta.get("render_macros"):
        return
    env.env.template_class = LocatedTemplate
    _page[:] = [_page_file(env), _front_matter_lines(env)]
    _pending.clear()
    try:
        tree = env.env.parse(env.markdown)
        for node in tree.find_all((nodes.Filter, nodes.Test)):
            kind, known = ("filter", env.env.filters) if isinstance(node, nodes.Filter) else ("test", env.env.tests)
            if node.name not in known:
                raise jinja2.TemplateAssertionError(f"No {kind} named '{node.name}'.", node.lineno)
    except jinja2.TemplateSyntaxError as error:  # TemplateAssertionError is a subclass
        raise DataError([_at(error.lineno or 0, "", f"template syntax error: {error.message}")]) from None


def raise_recorded(env) -> None:  # noqa: ARG001 - mkdocs-macros' hook signature
    """After rendering: stop the build if the page recorded a problem."""
    if _pending:
        problems = list(_pending)
        _pending.clear()
        raise DataError(problems)

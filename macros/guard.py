"""Turn every mistake on a macro page into one clean `file:line` message that stops the build.

mkdocs-macros prints a Python traceback for any exception raised while it renders a page.
So the guide checks a page before rendering (Jinja syntax, unknown macro names, the data
itself) and has its macros record problems instead of raising; after the page is rendered
the problems are raised together as a DataError, which MkDocs reports without a traceback.
"""
from __future__ import annotations

import functools
import inspect
import re
import sys

import jinja2
import yaml
from jinja2 import nodes

from .catalog import load_catalog
from .errors import DataError, Problem

# Problems recorded by macros on the page being rendered.
_pending: list[Problem] = []


class MacroArgumentError(ValueError):
    """A macro was called with an argument the data does not know (the message says what is expected)."""


def _page_file(env) -> str:
    page = env.page
    return f"docs/{page.file.src_uri}" if page is not None else "docs/?"


def _front_matter_lines(env) -> int:
    try:
        source = open(env.page.file.abs_src_path, encoding="utf-8").read()
    except (AttributeError, OSError, TypeError):
        return 0
    match = re.match(r"---\s*\n.*?\n---\s*\n", source, re.S)
    return match.group(0).count("\n") if match else 0


# MkDocs' own front matter pattern (mkdocs/utils/meta.py): `---` line, YAML, `---` or `...` line.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


def check_front_matter(env) -> None:
    """Stop on front matter MkDocs would silently ignore.

    MkDocs swallows a YAML error in front matter (and front matter that is not a mapping or
    never closed) and publishes the header as body text, so `render_macros: true` is lost
    without a word. Here each of those is a DataError naming the page and line.
    """
    try:
        with open(env.page.file.abs_src_path, encoding="utf-8-sig") as handle:
            source = handle.read().replace("\r\n", "\n")
    except (AttributeError, OSError, TypeError, UnicodeDecodeError):
        return
    if not re.match(r"-{3}[ \t]*\n", source):
        return
    file = _page_file(env)
    match = _FRONT_MATTER.match(source)
    if match is None:
        raise DataError([Problem(file, 1, "front matter", "opened with '---' but never closed (expected a '---' line after it)")])
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = " ".join(part for part in (error.context, error.problem) if part)
        raise DataError([Problem(file, (mark.line + 2) if mark else 1, "front matter", f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(file, 1, "front matter", f"YAML error: {error}")]) from None
    if not isinstance(data, dict):
        kind = "nothing" if data is None else type(data).__name__
        raise DataError([Problem(file, 2, "front matter", f"expected a mapping like `render_macros: true`, got {kind}")])


def _template_line() -> int:
    """The page line of the Jinja expression being evaluated (from the template frame on the stack)."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return 0


# Every operation a StrictUndefined refuses; the recording one notes the problem instead.
_UNDEFINED_OPERATIONS = (
    "__add__ __radd__ __sub__ __rsub__ __mul__ __rmul__ __truediv__ __rtruediv__ __floordiv__ "
    "__rfloordiv__ __mod__ __rmod__ __pos__ __neg__ __pow__ __rpow__ __call__ __getitem__ "
    "__lt__ __le__ __gt__ __ge__"
).split()


def _recording(undefined_class):
    """An Undefined that records a problem instead of raising mid-render.

    mkdocs-macros turns any exception during rendering into a traceback and exit code 100;
    check_page only sees names, not attributes (`{{ config.nope }}`), so those are caught
    here, recorded with the page line, and raised cleanly by raise_recorded after the page.
    """

    class RecordingUndefined(undefined_class):
        __slots__ = ()
        _guide_env = None

        def _fail_with_undefined_error(self, *args, **kwargs):
            env = type(self)._guide_env
            line = _template_line()
            _pending.append(Problem(_page_file(env), line + _front_matter_lines(env) if line else 0,
                                    "", f"undefined value: {self._undefined_message}"))
            return self

        def __getattr__(self, name):
            if name[:2] == "__":
                raise AttributeError(name)
            return self._fail_with_undefined_error()

        def __str__(self):
            self._fail_with_undefined_error()
            return ""

        def __iter__(self):
            self._fail_with_undefined_error()
            return iter(())

        def __len__(self):
            self._fail_with_undefined_error()
            return 0

        def __bool__(self):
            self._fail_with_undefined_error()
            return False

        def __contains__(self, item):
            self._fail_with_undefined_error()
            return False

        def __eq__(self, other):
            self._fail_with_undefined_error()
            return False

        def __ne__(self, other):
            self._fail_with_undefined_error()
            return True

        __hash__ = object.__hash__

    for operation in _UNDEFINED_OPERATIONS:
        setattr(RecordingUndefined, operation, RecordingUndefined._fail_with_undefined_error)
    return RecordingUndefined


def renders_macros(env) -> bool:
    page = env.page
    return bool(page is not None and page.meta.get("render_macros"))


def _check_filters_and_tests(tree: nodes.Template, environment: jinja2.Environment) -> None:
    """Raise as Jinja's compiler would for a filter or test it does not know (without compiling)."""
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        kind, known = ("filter", environment.filters) if isinstance(node, nodes.Filter) else ("test", environment.tests)
        if node.name not in known:
            raise jinja2.TemplateAssertionError(f"No {kind} named '{node.name}'.", node.lineno)


def _names_read(tree: nodes.Template) -> dict[str, int]:
    """Each name the page reads and never sets ({% set %}, a loop, a macro parameter), with its first line.

    A walk over the syntax tree: Jinja's own find_undeclared_variables runs the code generator,
    which costs more than parsing the page did.
    """
    stored = {n.name for n in tree.find_all(nodes.Name) if n.ctx != "load"}
    read: dict[str, int] = {}
    for node in tree.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in stored and node.name not in read:
            read[node.name] = node.lineno
    return read


def check_page(env) -> None:
    """Before rendering: valid front matter, valid Jinja, only known names, and valid data."""
    check_front_matter(env)
    if not renders_macros(env):
        return
    if not getattr(env.env.undefined, "_guide_env", None):
        env.env.undefined = _recording(env.env.undefined)
    env.env.undefined._guide_env = env
    file, offset = _page_file(env), _front_matter_lines(env)
    markdown = env.markdown
    try:
        tree = env.env.parse(markdown)
        _check_filters_and_tests(tree, env.env)
    except jinja2.TemplateSyntaxError as error:  # TemplateAssertionError is a subclass
        raise DataError([Problem(file, (error.lineno or 0) + offset, "", f"template syntax error: {error.message}")]) from None
    known = set(env.macros) | set(env.variables) | set(env.filters) | {"page", "config"}
    problems = []
    for name, line in sorted(_names_read(tree).items()):
        if name in known:
            continue
        macros = ", ".join(sorted(n for n in env.macros if not n.startswith(("context", "macros_info", "now", "fix_url"))))
        problems.append(Problem(file, line + offset, name, f"unknown macro or variable (expected one of: {macros})"))
    if problems:
        raise DataError(problems)
    load_catalog()  # validates data/ once per build; raises DataError naming file and line


def raise_recorded(env) -> None:
    """After rendering: stop the build if a macro on this page recorded a problem."""
    if _pending:
        problems = list(_pending)
        _pending.clear()
        raise DataError(problems)


def _call_line(markdown: str, name: str, arguments: list) -> int:
    """The line of the call that failed: the first `name(` line that shows every string argument.

    Several calls of one macro on a page differ by their arguments, so those pick the line.
    """
    calls = [n for n, text in enumerate(markdown.splitlines(), start=1) if f"{name}(" in text]
    texts = [str(a) for a in arguments if isinstance(a, str)]
    lines = markdown.splitlines()
    for number in calls:
        if all(t in lines[number - 1] for t in texts):
            return number
    return calls[0] if calls else 0


def guarded(env, name: str, function):
    """Wrap a macro so that bad arguments or data are recorded with the page and line of the call."""

    signature = inspect.signature(function)
    empty = inspect.Parameter.empty
    shape = name + str(signature.replace(  # how the call should look, without annotations
        parameters=[p.replace(annotation=empty) for p in signature.parameters.values()], return_annotation=empty))

    @functools.wraps(function)
    def call(*args, **kwargs):
        try:
            # Wrong number or names of arguments would otherwise be a TypeError traceback.
            try:
                signature.bind(*args, **kwargs)
            except TypeError as error:
                raise MacroArgumentError(f"{error} (expected {shape})") from None
            return function(*args, **kwargs)
        except DataError as error:
            _pending.extend(error.problems)
        except (MacroArgumentError, KeyError) as error:
            message = error.args[0] if error.args else str(error)
            line = _call_line(env.markdown, name, [*args, *kwargs.values()])
            shown_args = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
            _pending.append(Problem(_page_file(env), line + _front_matter_lines(env) if line else 0,
                                    f"{name}({shown_args})", message))
        return ""

    return call

"""Checks of wizard.yml on its own and against the catalog, before any path is computed."""

from __future__ import annotations

import string
from pathlib import Path

from ..data.errors import Problems
from ..data.schema import line
from ..model import grammar
from ..model.catalog import Catalog
from ..model.order import version_key
from .dockerfile import PLACEHOLDERS
from .rules import KEYS, Option, WizardRules


def version_options(rules: WizardRules, catalog: Catalog) -> tuple[Option, ...]:
    """One option per channel of the build-stage repositories, newest first, with its product."""
    channels = []
    for rule in rules.build:
        try:
            repo = catalog.repository(rule.repository)
        except KeyError:
            continue
        channels += [c for c in repo.channels if c not in channels and c in catalog.channels]
    options = []
    # .NET first, then .NET Framework; newest first within each.
    channels.sort(key=version_key, reverse=True)
    channels.sort(key=lambda c: catalog.channel(c).product == ".NET Framework")
    for channel in channels:
        info = catalog.channel(channel)
        options.append(Option(value=channel, label=f"{info.product} {channel}", help=info.status_label))
    return tuple(options)


def check_rules(rules: WizardRules, file: str, catalog: Catalog, docs_dir: Path, version_options, problems: Problems):
    """Checks on the file alone (and names in the catalog), before any path is computed."""
    values = {}  # question id -> the values its options offer
    seen: set[str] = set()
    for index, question in enumerate(rules.questions):
        options = version_options if question.options_from == "channels" else question.options
        values[question.id] = {o.value for o in options}
        _check_question(question, f"questions[{index}]", seen, values[question.id], file, problems)
        seen.add(question.id)
        for n, option in enumerate(question.options):
            _check_option(question, option, f"questions[{index}].options[{n}]", catalog, file, problems)
    _check_conditions(rules, values, file, problems)
    _check_ways_out(rules, values, file, problems)
    _check_references(rules, catalog, docs_dir, file, problems)
    _check_placeholders(rules, file, problems)
    for index, toolchain in enumerate(rules.toolchains):
        for n, distro in enumerate(toolchain.distros):
            if distro not in catalog.distros:
                problems.add(
                    file,
                    line(toolchain, f"distros[{n}]"),
                    f"toolchains[{index}].distros[{n}]",
                    f"unknown distro '{distro}' (expected one of: {', '.join(sorted(catalog.distros))})",
                )


def _check_question(question, where: str, seen: set, values: set, file: str, problems: Problems) -> None:
    if question.id not in KEYS:
        problems.add(
            file,
            line(question, "id"),
            f"{where}.id",
            f"unknown question '{question.id}' (expected one of the link keys: {', '.join(KEYS)})",
        )
    elif question.id in seen:
        problems.add(file, line(question, "id"), f"{where}.id", f"'{question.id}' is asked twice")
    if question.options_from and question.options:
        problems.add(file, line(question, "options"), f"{where}.options", "give options or options_from, not both")
    if not question.options_from and not question.options:
        problems.add(
            file, line(question), f"{where}.options", "expected at least one option (or options_from: channels)"
        )
    if question.default is not None and question.default not in values:
        problems.add(
            file,
            line(question, "default"),
            f"{where}.default",
            f"'{question.default}' is not one of its options ({', '.join(sorted(values))})",
        )
    if question.default is None and question.default_from is None:
        problems.add(file, line(question), f"{where}.default", "missing (expected default or default_from)")


def _check_option(question, option, where: str, catalog: Catalog, file: str, problems: Problems) -> None:
    wrong = grammar.problem("key", option.value)  # it goes into links, element ids and selectors
    if wrong:
        problems.add(file, line(option, "value"), f"{where}.value", wrong)
    if [o.value for o in question.options].count(option.value) > 1:
        problems.add(file, line(option, "value"), f"{where}.value", f"'{option.value}' is listed twice")
    if option.distro and option.distro not in catalog.distros:
        problems.add(
            file,
            line(option, "distro"),
            f"{where}.distro",
            f"unknown distro '{option.distro}' (expected one of: {', '.join(sorted(catalog.distros))})",
        )
    if option.arch and option.arch not in catalog.architectures:
        problems.add(
            file,
            line(option, "arch"),
            f"{where}.arch",
            f"unknown architecture '{option.arch}' (expected one of: {', '.join(catalog.architectures)})",
        )


def _check_conditions(rules: WizardRules, values: dict, file: str, problems: Problems) -> None:
    """Conditions may only name questions asked earlier, with values those questions offer."""
    order = [q.id for q in rules.questions]
    for index, question in enumerate(rules.questions):
        _check_when(question.when, order[:index], values, file, f"questions[{index}].when", question, problems)
        for n, option in enumerate(question.options):
            where = f"questions[{index}].options[{n}].when"
            _check_when(option.when, order[:index], values, file, where, option, problems)
    for section in ("run_variants", "run", "build", "dead_ends", "reasons", "dockerfiles"):
        for index, entry in enumerate(getattr(rules, section)):
            _check_when(entry.when, order, values, file, f"{section}[{index}].when", entry, problems)


def _check_ways_out(rules: WizardRules, values: dict, file: str, problems: Problems) -> None:
    """A way out names a question and, in `was` and `to`, answers that question offers."""
    for index, way in enumerate(rules.ways_out):
        where = f"ways_out[{index}]"
        if way.key not in values:
            problems.add(
                file,
                line(way, "key"),
                f"{where}.key",
                f"unknown question '{way.key}' (expected one of: {', '.join(values)})",
            )
            continue
        offered = ", ".join(sorted(values[way.key]))
        for field in ("was", "to"):
            for value in getattr(way, field):
                if value not in values[way.key]:
                    problems.add(
                        file,
                        line(way, field),
                        f"{where}.{field}",
                        f"'{value}' is not an option of '{way.key}' (expected one of: {offered})",
                    )
        for name in _placeholders(way.text):
            if name not in ("was", "to"):
                problems.add(
                    file,
                    line(way, "text"),
                    f"{where}.text",
                    f"unknown placeholder {{{name}}} (expected {{was}} or {{to}})",
                )


def _check_references(rules: WizardRules, catalog: Catalog, docs_dir: Path, file: str, problems: Problems) -> None:
    """Stage rules name repositories of the catalog; links name pages under docs/."""
    for section in ("run", "build"):
        for index, rule in enumerate(getattr(rules, section)):
            try:
                catalog.repository(rule.repository)
            except KeyError as error:
                problems.add(file, line(rule, "repository"), f"{section}[{index}].repository", error.args[0])
    for section in ("run", "build", "reasons"):
        for index, entry in enumerate(getattr(rules, section)):
            page = entry.link.split("#")[0]
            if not (docs_dir / page).is_file():
                problems.add(
                    file,
                    line(entry, "link"),
                    f"{section}[{index}].link",
                    f"no page docs/{page} (expected a path under docs/, like guide/tags.md)",
                )


def _check_placeholders(rules: WizardRules, file: str, problems: Problems) -> None:
    """{answer} in a dead end's text and {build}/{run} in a Dockerfile are the only placeholders."""
    for index, dead_end in enumerate(rules.dead_ends):
        for name in _placeholders(dead_end.because):
            if name not in KEYS:
                problems.add(
                    file,
                    line(dead_end, "because"),
                    f"dead_ends[{index}].because",
                    f"unknown placeholder {{{name}}} (expected one of: {', '.join(KEYS)})",
                )
    for index, dockerfile in enumerate(rules.dockerfiles):
        for name in _placeholders(dockerfile.text):
            if name not in PLACEHOLDERS:
                problems.add(
                    file,
                    line(dockerfile, "text"),
                    f"dockerfiles[{index}].text",
                    f"unknown placeholder {{{name}}} (expected one of: {', '.join(PLACEHOLDERS)})",
                )


def _placeholders(text: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return ["(unbalanced brace)"]


def _check_when(conditions, earlier, values, file, where, owner, problems) -> None:
    for n, condition in enumerate(conditions):
        for key, allowed in condition.items():
            at = line(owner, "when")
            if key not in earlier:
                problems.add(
                    file,
                    at,
                    f"{where}[{n}].{key}",
                    f"'{key}' is not asked before this point (expected one of: {', '.join(earlier) or 'nothing'})",
                )
                continue
            for value in allowed:
                if value not in values.get(key, ()):
                    problems.add(
                        file,
                        at,
                        f"{where}[{n}].{key}",
                        f"'{value}' is not an option of '{key}' (expected one of: {', '.join(sorted(values[key]))})",
                    )

"""After the tree: report questions, options and rules that no path reaches, and paths nothing explains."""

from __future__ import annotations

from ..data.errors import Problems
from ..data.schema import line
from .answers import Node, Wizard
from .tree import Coverage, query

_SECTIONS = ("run_variants", "run", "build", "dead_ends", "reasons", "dockerfiles")


def _offered(node, found: set) -> set:
    if isinstance(node, Node):
        for value, child in node.children.items():
            found.add((node.key, value))
            _offered(child, found)
    return found


def report_unused(wizard: Wizard, coverage: Coverage, file: str, problems: Problems) -> None:
    rules = wizard.rules
    offered = _offered(wizard.root, set())
    for index, question in enumerate(rules.questions):
        if not any(key == question.id for key, _ in offered):
            problems.add(
                file, line(question), f"questions[{index}]", f"'{question.id}' is never asked (its `when` never holds)"
            )
            continue
        for n, option in enumerate(wizard.options(question.id)):
            if (question.id, option.value) not in offered:
                at = line(option, "value") if question.options else line(question)
                problems.add(
                    file,
                    at,
                    f"questions[{index}].options[{n}]",
                    f"option '{option.value}' can never be chosen (unreachable)",
                )
    for section in _SECTIONS:
        for index, entry in enumerate(getattr(rules, section)):
            if (section, index) not in coverage.used:
                problems.add(
                    file, line(entry), f"{section}[{index}]", "never used by any path (remove it, or fix its `when`)"
                )
    for key in coverage.unexplained[:5]:
        problems.add(
            file,
            line(rules, "dead_ends"),
            "dead_ends",
            f"no image fits {key} and no dead end explains why "
            f"({len(coverage.unexplained)} such paths; add an entry whose `when` holds)",
        )
    for answers in coverage.no_dockerfile[:5]:
        problems.add(
            file,
            line(rules, "dockerfiles"),
            "dockerfiles",
            f"no Dockerfile for {query(answers)} ({len(coverage.no_dockerfile)} such paths)",
        )

"""Each dead end offers the closest results: one answer changed, the latest questions first."""

from __future__ import annotations

from .answers import Node, Outcome, Wizard


def add_alternatives(wizard: Wizard) -> None:
    """Replace every dead end in the tree by one that lists up to three working one-answer changes."""

    def fix(node, path):
        for value, child in list(node.children.items()):
            path[node.key] = value
            if isinstance(child, Outcome) and not child.ok:
                node.children[value] = _with_alternatives(wizard, child, dict(path))
            elif isinstance(child, Node):
                fix(child, path)
            del path[node.key]

    if isinstance(wizard.root, Node):
        fix(wizard.root, {})


def _with_alternatives(wizard: Wizard, outcome: Outcome, path: dict) -> Outcome:
    found = []
    node = wizard.root
    nodes = []
    while isinstance(node, Node):  # the questions along this path
        nodes.append(node)
        node = node.children[path[node.key]]
    for node in reversed(nodes):
        for value, child in node.children.items():
            if value == path[node.key]:
                continue
            # The questions before `node` keep their answers, so the walk can start at its child.
            _, end = wizard.walk(path, start=child)
            if end.ok:
                found.append((node.key, value))
                break  # one alternative per question
        if len(found) == 3:
            break
    return Outcome(channel=outcome.channel, because=outcome.because, alternatives=tuple(found))

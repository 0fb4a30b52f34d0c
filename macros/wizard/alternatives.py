"""Each dead end offers the cheapest ways out: one answer changed, ordered by effort, each with its line.

The effort order and the one-line explanations are data (wizard.yml `ways_out`, cheapest first); this
module finds which one-answer changes lead to a result, and never offers a move to an end-of-life
channel (that is no way forward).
"""

from __future__ import annotations

from dataclasses import replace

from .answers import Node, Outcome, Wizard
from .rules import WayOut

MOST = 3  # ways out shown per dead end


def add_alternatives(wizard: Wizard) -> None:
    """Replace every dead end in the tree by one listing up to three ways out, cheapest first.

    Which entries some dead end uses depends on the day (no way out leads to an end-of-life channel),
    so an unused entry is no error: the build never fails because time passed.
    """

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


def way_out(ways: tuple[WayOut, ...], key: str, was: str, to: str) -> int | None:
    """Index of the first entry describing the change of `key` from `was` to `to` (None: not offered)."""
    for index, way in enumerate(ways):
        if way.key == key and (not way.was or was in way.was) and (not way.to or to in way.to):
            return index
    return None


def _with_alternatives(wizard: Wizard, outcome: Outcome, path: dict) -> Outcome:
    ways = wizard.rules.ways_out
    found = []  # (effort, question order, key, value, text)
    node, order = wizard.root, 0
    while isinstance(node, Node):  # the questions along this path
        for value, child in node.children.items():
            if value == path[node.key] or not _forward(wizard, node.key, value):
                continue
            index = way_out(ways, node.key, path[node.key], value)
            if index is None:
                continue
            # The questions before `node` keep their answers, so the walk can start at its child.
            _, end = wizard.walk(path, start=child)
            if end.ok:
                labels = {"was": wizard.label(node.key, path[node.key]), "to": wizard.label(node.key, value)}
                text = ways[index].text.format(**labels)
                wizard.phrases[text] = (ways[index].text, labels)
                found.append((index, order, node.key, value, text))
        order += 1
        node = node.children[path[node.key]]
    found.sort(key=lambda f: (f[0], f[1]))
    chosen, keys = [], set()
    for _, _, key, value, text in found:
        if key in keys:
            continue  # one way per question: the cheapest
        keys.add(key)
        chosen.append((key, value, text))
        if len(chosen) == MOST:
            break
    return replace(outcome, alternatives=tuple(chosen))


def _forward(wizard: Wizard, key: str, value: str) -> bool:
    """A way out never leads to a channel past its end of life."""
    if key != "version":
        return True
    status = wizard.channel_labels.get(value, ("supported", ""))[0]
    return status != "eol"

"""The way forward from a channel past or near its end of life: the newest supported channel to
switch to, and the other answers that change with it, for every such result in the tree."""

from __future__ import annotations

from dataclasses import replace

from ..model.order import version_key
from .answers import Node, Outcome, Wizard


def add_switches(wizard: Wizard) -> None:
    """Give every result on an end-of-life or soon-ending channel the answers of its way forward."""

    def fix(node, path):
        for value, child in list(node.children.items()):
            path[node.key] = value
            if isinstance(child, Outcome) and child.ok and _status(wizard, child.channel) in ("eol", "ending"):
                node.children[value] = replace(child, switch=_switch(wizard, dict(path)))
            elif isinstance(child, Node):
                fix(child, path)
            del path[node.key]

    if isinstance(wizard.root, Node):
        fix(wizard.root, {})


def _status(wizard: Wizard, channel: str | None) -> str | None:
    return wizard.channel_labels.get(channel, (None, ""))[0]


def _switch(wizard: Wizard, path: dict) -> tuple[tuple[str, str], ...]:
    """(key, value) changes, version first: the newest channel in full support (else one ending soon)
    that gives a result, keeping the reader's other answers where the new channel offers them."""
    node = wizard.root
    while isinstance(node, Node) and node.key != "version":
        node = node.children[path[node.key]]
    if not isinstance(node, Node):
        return ()
    before = {}  # the answers asked before the version
    walk = wizard.root
    while walk is not node:
        before[walk.key] = path[walk.key]
        walk = walk.children[path[walk.key]]
    channels = sorted(node.children, key=version_key, reverse=True)
    for wanted in ("supported", "ending"):
        for channel in channels:
            if channel == path["version"] or _status(wizard, channel) != wanted:
                continue
            for answers in ({**path, "version": channel}, {**before, "version": channel}):
                new_path, end = wizard.walk(answers)
                if end.ok:
                    changes = [("version", channel)]
                    changes += [(k, v) for k, v in new_path.items() if k != "version" and path.get(k) != v]
                    return tuple(changes)
    return ()

"""Renderers for the wizard: the form, its embedded JSON, and the static decision guide (model in, HTML out)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from ..model.lifecycle import Channel
from ..model.repositories import REGISTRY
from ..wizard.answers import Node, Outcome, Wizard
from ..wizard.rules import KEYS
from .html import code, join, markdown_table, render_template
from .status import status_badge

# Results and links are rendered for the page at wizard/ (directory URLs).
_UP = "../"


def page_href(link: str) -> str:
    """`guide/tags.md#pin` -> `../guide/tags/#pin` (relative to the wizard page)."""
    path, _, anchor = link.partition("#")
    page = path.removesuffix(".md")
    page = page.removesuffix("index") if page.endswith("/index") or page == "index" else page + "/"
    return _UP + page + (f"#{anchor}" if anchor else "")


def script_json(value) -> Markup:
    """JSON that is safe inside <script>: `<`, `>`, `&` and `'` escaped (Jinja's htmlsafe_json_dumps)."""
    return htmlsafe_json_dumps(value, dumps=json.dumps, ensure_ascii=False, separators=(",", ":"))


def wizard_data(wizard: Wizard) -> dict:
    """The tree as compact JSON: nodes [key index, default, {value: child}]; child < 0 is outcome -child-1."""
    nodes: list = []
    node_ids: dict = {}
    outcomes: list = []
    outcome_ids: dict = {}
    used_channels: set = set()
    repos: dict = {}
    texts: dict = {}

    def outcome_id(outcome: Outcome) -> int:
        if outcome not in outcome_ids:
            outcome_ids[outcome] = len(outcomes)
            outcomes.append(_outcome_json(outcome, repos, texts))
            if outcome.channel:
                used_channels.add(outcome.channel)
        return -outcome_ids[outcome] - 1

    def node_id(node) -> int:
        if not isinstance(node, Node):
            return outcome_id(node)
        children = {value: node_id(child) for value, child in node.children.items()}
        entry = (KEYS.index(node.key), node.default, tuple(children.items()))
        if entry not in node_ids:  # identical subtrees are stored once
            node_ids[entry] = len(nodes)
            nodes.append([entry[0], node.default, children])
        return node_ids[entry]

    root = node_id(wizard.root)
    assert root == len(nodes) - 1
    # The JavaScript starts at node 0: put the root first (children point at lower ids, so renumber).
    order = list(range(len(nodes) - 1, -1, -1))
    new = {old: n for n, old in enumerate(order)}
    nodes = [
        [k, d, {v: (new[c] if c >= 0 else c) for v, c in kids.items()}] for k, d, kids in (nodes[o] for o in order)
    ]
    return {
        "keys": list(KEYS),
        "nodes": nodes,
        "outcomes": outcomes,
        # Stages name a repository by index: [image name, repository page URL + "?tag="].
        "repos": [[f"{REGISTRY}/{name}", f"{_UP}images/{slug}/?tag="] for name, slug in repos],
        "texts": list(texts),
        "reasons": [[text, page_href(link)] for text, link in wizard.reasons],
        "dockerfiles": wizard.dockerfiles,
        "channels": {c: list(wizard.channel_labels[c]) for c in sorted(used_channels) if c in wizard.channel_labels},
    }


def _outcome_json(outcome: Outcome, repos: dict, texts: dict) -> dict:
    """A result: {v, run/build: [repo index, tag, fixed tag], why, df}; a dead end: {v, no: text index, alt}."""
    if not outcome.ok:
        return {
            "v": outcome.channel,
            "no": texts.setdefault(outcome.because, len(texts)),
            "alt": [list(a) for a in outcome.alternatives],
        }
    result = {"v": outcome.channel, "why": list(outcome.reasons), "df": outcome.dockerfile}
    for name, stage in (("run", outcome.run), ("build", outcome.build)):
        if stage:
            index = repos.setdefault((stage.repository, stage.slug), len(repos))
            result[name] = [index, stage.tag, stage.fixed_tag]
    return result


# --- the page -------------------------------------------------------------------------------------


def render_wizard(wizard: Wizard, today: str) -> str:
    """The form (revealed by wizard.js), the result region, its templates and the embedded data."""
    questions = [
        {
            "id": q.id,
            "legend": q.legend,
            "help": q.help,
            "options": [
                {"ident": f"wz-{q.id}-{o.value}".replace(".", "_"), "value": o.value, "label": o.label, "help": o.help}
                for o in wizard.options(q.id)
            ],
        }
        for q in wizard.rules.questions
    ]
    return render_template("wizard.html", questions=questions, today=today, data=script_json(wizard_data(wizard)))


# --- the static guide (no JavaScript) ----------------------------------------------------------------

_GROUP = ("goal", "framework", "app", "deploy", "version")


def render_decision_guide(wizard: Wizard, channels: Mapping[str, Channel] | None = None) -> str:
    """Every answer as tables, one per goal / .NET / app / deployment / version, for the default architecture.

    `channels` (the lifecycle, with status) puts the status badge of each group's .NET channel in its title."""
    groups: dict = {}
    group_channels: dict = {}
    for answers, outcome in _default_arch_paths(wizard, wizard.root, {}):
        group = tuple((k, answers[k]) for k in _GROUP if k in answers)
        rest = tuple((k, answers[k]) for k in KEYS if k in answers and k not in _GROUP and k != "arch")
        choices = ", ".join(_label(wizard, k, v) for k, v in rest) or "(no further choice)"
        groups.setdefault(group, []).append(_row(choices, outcome))
        group_channels.setdefault(group, outcome.channel)
    channels = channels or {}
    return render_template(
        "decision-guide.html",
        registry=REGISTRY,
        groups=[
            {
                "title": " · ".join(_label(wizard, k, v) for k, v in group),
                "status": status_badge(channels[group_channels[group]]) if group_channels[group] in channels else "",
                "rows": rows,
            }
            for group, rows in groups.items()
        ],
    )


def _row(choices: str, outcome: Outcome) -> dict:
    if not outcome.ok:
        return {"choices": choices, "because": outcome.because, "build": None, "run": None}
    return {
        "choices": choices,
        "because": None,
        "build": f"{outcome.build.repository}:{outcome.build.tag}",
        "run": f"{outcome.run.repository}:{outcome.run.tag}" if outcome.run else None,
    }


def _default_arch_paths(wizard: Wizard, node, path):
    if not isinstance(node, Node):
        yield dict(path), node
        return
    values = [node.default] if node.key == "arch" else list(node.children)
    for value in values:
        path[node.key] = value
        yield from _default_arch_paths(wizard, node.children[value], path)
        del path[node.key]


def _label(wizard: Wizard, key: str, value: str) -> str:
    for option in wizard.options(key):
        if option.value == value:
            return option.label
    return value


def render_link_keys(wizard: Wizard) -> str:
    """The public query-string contract as a table: key, question, accepted values."""
    rows = [
        [code(q.id), q.legend, join((code(o.value) for o in wizard.options(q.id)), ", ")]
        for q in wizard.rules.questions
    ]
    return markdown_table(["Key", "Question", "Values"], rows)

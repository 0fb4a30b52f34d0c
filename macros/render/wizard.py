"""Renderers for the wizard: the form, its embedded JSON, and the static decision guide (model in, HTML out)."""

from __future__ import annotations

import json

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from ..model.catalog import Catalog
from ..wizard.answers import Node, Outcome, Wizard
from ..wizard.rules import KEYS
from ..wizard.standard import approved_choices, outcome_approval
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


def wizard_data(wizard: Wizard, catalog: Catalog) -> dict:
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
            outcomes.append(_outcome_json(outcome, repos, texts, catalog))
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
        # Stages name a repository by index: [image name, repository page URL + "?tag="]. The name is
        # written by the model's rule (a team's mirror in a team's edition).
        "repos": [[catalog.repository(name).image_name, f"{_UP}images/{slug}/?tag="] for name, slug in repos],
        "texts": list(texts),
        "reasons": [[text, page_href(link)] for text, link in wizard.reasons],
        "dockerfiles": wizard.dockerfiles,
        "channels": {c: list(wizard.channel_labels[c]) for c in sorted(used_channels) if c in wizard.channel_labels},
    }


def _outcome_json(outcome: Outcome, repos: dict, texts: dict, catalog: Catalog) -> dict:
    """A result: {v, run/build: [repo index, tag, fixed tag(, "@digest")], why, df(, t)}; a dead end:
    {v, no: text index, alt}. In a team's edition a stage carries its digest when the standard pins
    by digest, and `t` (a text index) says why a result is outside the standard."""
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
            model = catalog.repository(stage.repository)
            if model.rule.pin_digest and model.digest(stage.tag):
                result[name].append("@" + model.digest(stage.tag))
    if catalog.team is not None:
        verdict = outcome_approval(outcome, catalog)
        if not verdict.ok:
            result["t"] = texts.setdefault(f"Outside our standard: {verdict.why}", len(texts))
    return result


# --- the page -------------------------------------------------------------------------------------


def render_wizard(wizard: Wizard, catalog: Catalog) -> str:
    """The form (revealed by wizard.js), the result region, its templates and the embedded data."""
    approved = approved_choices(wizard, catalog) if catalog.team is not None else None
    questions = [
        {
            "id": q.id,
            "legend": q.legend,
            "help": q.help,
            "options": [
                {"ident": f"wz-{q.id}-{o.value}".replace(".", "_"), "value": o.value, "label": label, "help": o.help}
                for o, label in _team_order(wizard.options(q.id), approved.get(q.id, frozenset()) if approved else None)
            ],
        }
        for q in wizard.rules.questions
    ]
    return render_template(
        "wizard.html",
        questions=questions,
        today=catalog.today.isoformat(),
        data=script_json(wizard_data(wizard, catalog)),
    )


def _team_order(options, approved: frozenset[str] | None) -> list:
    """(option, label) pairs: as written on the public site; in a team's edition the choices inside
    the standard first, the others after them and marked."""
    if approved is None:
        return [(o, o.label) for o in options]
    inside = [(o, o.label) for o in options if o.value in approved]
    outside = [(o, f"{o.label} (outside our standard)") for o in options if o.value not in approved]
    return inside + outside


# --- the static guide (no JavaScript) ----------------------------------------------------------------

_GROUP = ("goal", "framework", "app", "deploy", "version")


def render_decision_guide(wizard: Wizard, catalog: Catalog) -> str:
    """Every answer as tables, one per goal / .NET / app / deployment / version, for the default architecture,
    each group's title with the status badge of its .NET channel."""
    groups: dict = {}
    group_channels: dict = {}
    for answers, outcome in _default_arch_paths(wizard, wizard.root, {}):
        group = tuple((k, answers[k]) for k in _GROUP if k in answers)
        rest = tuple((k, answers[k]) for k in KEYS if k in answers and k not in _GROUP and k != "arch")
        choices = ", ".join(_label(wizard, k, v) for k, v in rest) or "(no further choice)"
        groups.setdefault(group, []).append(_row(choices, outcome))
        group_channels.setdefault(group, outcome.channel)
    channels = catalog.channels
    return render_template(
        "decision-guide.html",
        registry=catalog.repositories[0].rule.registry,
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

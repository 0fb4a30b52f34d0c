"""Pure renderers for the wizard: the form, its embedded JSON, and the static decision guide (model in, HTML out)."""
from __future__ import annotations

import json
from html import escape

from .model import REGISTRY
from .wizard_rules import KEYS, Node, Outcome, Wizard

# Results and links are rendered for the page at wizard/ (directory URLs).
_UP = "../"


def page_href(link: str) -> str:
    """`guide/tags.md#pin` -> `../guide/tags/#pin` (relative to the wizard page)."""
    path, _, anchor = link.partition("#")
    page = path.removesuffix(".md")
    page = page.removesuffix("index") if page.endswith("/index") or page == "index" else page + "/"
    return _UP + page + (f"#{anchor}" if anchor else "")


def script_json(value) -> str:
    """JSON that is safe inside <script>: no `<`, `>` or `&` can end the element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


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
    nodes = [[k, d, {v: (new[c] if c >= 0 else c) for v, c in kids.items()}] for k, d, kids in (nodes[o] for o in order)]
    return {
        "keys": list(KEYS),
        "nodes": nodes,
        "outcomes": outcomes,
        # Stages name a repository by index: [image name, repository page URL + "?tag="].
        "repos": [[f"{REGISTRY}/{name}", f"{_UP}images/{slug}/?tag="] for name, slug in repos],
        "texts": list(texts),
        "reasons": [[text, page_href(link)] for text, link in wizard.reasons],
        "dockerfiles": [d.text for d in wizard.rules.dockerfiles],
        "channels": {c: list(wizard.channel_labels[c]) for c in sorted(used_channels) if c in wizard.channel_labels},
    }


def _outcome_json(outcome: Outcome, repos: dict, texts: dict) -> dict:
    """A result: {v, run/build: [repo index, tag, fixed tag], why, df}; a dead end: {v, no: text index, alt}."""
    if not outcome.ok:
        return {"v": outcome.channel, "no": texts.setdefault(outcome.because, len(texts)),
                "alt": [list(a) for a in outcome.alternatives]}
    result = {"v": outcome.channel, "why": list(outcome.reasons), "df": outcome.dockerfile}
    for name, stage in (("run", outcome.run), ("build", outcome.build)):
        if stage:
            index = repos.setdefault((stage.repository, stage.slug), len(repos))
            result[name] = [index, stage.tag, stage.fixed_tag]
    return result


# --- the page -------------------------------------------------------------------------------------

def render_wizard(wizard: Wizard, today: str) -> str:
    """The form (revealed by wizard.js), the result region, its templates and the embedded data."""
    fieldsets = "".join(_fieldset(wizard, q) for q in wizard.rules.questions)
    return (
        '<div class="wizard" data-wizard>'
        '<noscript><p class="wizard__nojs">The step-by-step form needs JavaScript; the '
        '<a href="#the-decision-guide-as-tables">decision guide as tables</a> below gives the same answers.</p></noscript>'
        f'<form class="wizard__form" hidden aria-label="Questions">{fieldsets}</form>'
        '<p class="wizard__notice" data-wizard-notice role="status" hidden></p>'
        '<section class="wizard__result" data-wizard-result aria-live="polite" aria-label="Recommended images"></section>'
        f'{_TEMPLATES.replace("{today}", escape(today))}'
        # Inside a <template>: Material's instant navigation re-creates every <script> of the new page
        # as a plain (executed, attribute-less) script, which would run the JSON and lose it.
        f'<template data-wizard-data><script type="application/json">{script_json(wizard_data(wizard))}</script></template>'
        '</div>'
    )


def _fieldset(wizard: Wizard, question) -> str:
    options = []
    for option in wizard.options(question.id):
        ident = f"wz-{question.id}-{option.value}".replace(".", "_")
        help_text = f'<small class="wizard__ohelp">{escape(option.help)}</small>' if option.help else ""
        options.append(
            f'<label class="wizard__opt" for="{ident}"><input type="radio" id="{ident}" name="{question.id}" '
            f'value="{escape(option.value)}"><span>{escape(option.label)}{help_text}</span></label>')
    help_text = f'<p class="wizard__help">{escape(question.help)}</p>' if question.help else ""
    return (f'<fieldset class="wizard__q" data-key="{question.id}" hidden><legend>{escape(question.legend)}</legend>'
            f'{help_text}<div class="wizard__opts">{"".join(options)}</div></fieldset>')


_TEMPLATES = (
    '<template data-wizard-template="result">'
    '<h2 class="wizard__title">Your images</h2>'
    '<div class="admonition" data-slot="status"><p class="admonition-title">Support status on {today}</p>'
    '<p data-slot="status-text"></p></div>'
    '<div class="wizard__stages">'
    '<div class="wizard__stage" data-slot="build"><h3>Build stage</h3>'
    '<p><code class="wizard__ref" data-slot="ref"></code></p>'
    '<p>Fixed version to pin: <code data-slot="fixed"></code></p>'
    '<p><a data-slot="page">This tag on the repository page</a></p></div>'
    '<div class="wizard__stage" data-slot="run"><h3>Run stage</h3>'
    '<p><code class="wizard__ref" data-slot="ref"></code></p>'
    '<p>Fixed version to pin: <code data-slot="fixed"></code></p>'
    '<p><a data-slot="page">This tag on the repository page</a></p></div>'
    '</div>'
    '<p class="wizard__digest">To freeze an image completely, pin its digest: '
    '<code data-slot="digest"></code> prints it; then write <code>FROM image:tag@sha256:&lt;digest&gt;</code> '
    'and let a bot such as Dependabot or Renovate move it when the tag is rebuilt.</p>'
    '<h3>Dockerfile</h3>'
    '<div class="wizard__df"><button type="button" class="md-button wizard__copy" data-slot="copy" '
    'title="Copy to clipboard">Copy the Dockerfile</button><pre><code data-slot="dockerfile" tabindex="0"></code></pre></div>'
    '<h3>Why</h3><ul class="wizard__why" data-slot="reasons"></ul>'
    '</template>'
    '<template data-wizard-template="unavailable">'
    '<h2 class="wizard__title">Not offered</h2>'
    '<div class="admonition warning"><p class="admonition-title">No official image fits these answers</p>'
    '<p data-slot="because"></p></div>'
    '<p>The closest choices that work:</p><ul class="wizard__alts" data-slot="alternatives"></ul>'
    '</template>'
)


# --- the static guide (no JavaScript) ----------------------------------------------------------------

_GROUP = ("goal", "framework", "app", "deploy", "version")


def render_decision_guide(wizard: Wizard) -> str:
    """Every answer as tables, one per goal / .NET / app / deployment / version, for the default architecture."""
    groups: dict = {}
    for answers, outcome in _default_arch_paths(wizard, wizard.root, {}):
        group = tuple((k, answers[k]) for k in _GROUP if k in answers)
        rest = tuple((k, answers[k]) for k in KEYS if k in answers and k not in _GROUP and k != "arch")
        groups.setdefault(group, []).append((rest, outcome))
    parts = [f'<div class="wizard-guide"><p>Every image is under <code>{REGISTRY}/</code>; '
             'the repository pages list the fixed-version tag of each.</p>']
    for group, rows in groups.items():
        title = " · ".join(_label(wizard, k, v) for k, v in group)
        parts.append(f'<details class="wizard-guide__group"><summary>{escape(title)}</summary>')
        parts.append('<table><thead><tr><th scope="col">Platform choices</th><th scope="col">Build stage</th>'
                     '<th scope="col">Run stage</th></tr></thead><tbody>')
        for rest, outcome in rows:
            choices = ", ".join(_label(wizard, k, v) for k, v in rest) or "(no further choice)"
            if outcome.ok:
                build = _ref_cell(outcome.build)
                run = _ref_cell(outcome.run) if outcome.run else "(none: build and test only)"
                parts.append(f"<tr><td>{escape(choices)}</td><td>{build}</td><td>{run}</td></tr>")
            else:
                parts.append(f'<tr><td>{escape(choices)}</td><td colspan="2" data-outcome="unavailable">'
                             f"Not offered: {escape(outcome.because)}</td></tr>")
        parts.append("</tbody></table></details>")
    parts.append("</div>")
    return "".join(parts)


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


def _ref_cell(stage) -> str:
    return f"<code>{escape(stage.repository)}:{escape(stage.tag)}</code>"


def render_link_keys(wizard: Wizard) -> str:
    """The public query-string contract as a table: key, question, accepted values."""
    rows = ["| Key | Question | Values |", "|---|---|---|"]
    for question in wizard.rules.questions:
        values = ", ".join(f"`{o.value}`" for o in wizard.options(question.id))
        rows.append(f"| `{question.id}` | {question.legend.replace('|', '/')} | {values} |")
    return "\n".join(rows)

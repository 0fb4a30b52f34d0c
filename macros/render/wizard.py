"""Renderers for the wizard: the form with its default result, its data file, and the static decision guide."""

from __future__ import annotations

import hashlib
import json
from urllib.parse import quote

from markupsafe import Markup

from ..model.catalog import Catalog
from ..model.messages import Messages
from ..wizard.answers import Node, Outcome, Wizard
from ..wizard.rules import KEYS
from ..wizard.standard import approved_choices, outcome_approval
from .html import code, join, link, markdown_table, render_template
from .status import os_warning_words, status_badge, status_label
from .texts import approval_words, said

# Results and links are rendered for the page at wizard/ (directory URLs).
_UP = "../"
DATA_PATH = "wizard/data.json"  # beside the page, which asks for it as data.json?v=<content hash>


def page_href(link: str) -> str:
    """`guide/tags.md#pin` -> `../guide/tags/#pin` (relative to the wizard page)."""
    path, _, anchor = link.partition("#")
    page = path.removesuffix(".md")
    page = page.removesuffix("index") if page.endswith("/index") or page == "index" else page + "/"
    return _UP + page + (f"#{anchor}" if anchor else "")


def wizard_data(wizard: Wizard, catalog: Catalog, sayers: dict | None = None) -> dict:
    """The tree as compact JSON: nodes [key index, default, {value: child}]; child < 0 is outcome -child-1.

    The data file is in English and shared by every edition. `sayers`, when given, is filled with how to
    say each of its texts in any language: English text -> function(Messages) -> text (wizard_words)."""
    nodes: list = []
    node_ids: dict = {}
    outcomes: list = []
    outcome_ids: dict = {}
    used_channels: set = set()
    repos: dict = {}
    texts: dict = {}
    sayers = {} if sayers is None else sayers

    def outcome_id(outcome: Outcome) -> int:
        if outcome not in outcome_ids:
            outcome_ids[outcome] = len(outcomes)
            outcomes.append(_outcome_json(outcome, repos, _Texts(texts, sayers), catalog, wizard))
            used_channels.update(c for c in (outcome.channel, *(v for k, v in outcome.switch if k == "version")) if c)
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
        # Stages name a repository by index: [image name, repository name, repository page URL]. The
        # image name is written by the model's rule (a team's mirror in a team's edition).
        "repos": [[catalog.repository(name).image_name, name, f"{_UP}images/{slug}/"] for name, slug in repos],
        "texts": list(texts),
        "reasons": [
            [text, page_href(link), wizard.link_titles.get(link.split("#")[0], link)] for text, link in wizard.reasons
        ],
        "dockerfiles": wizard.dockerfiles,
        "containers": wizard.containers,
        # [status, status label, what stops (end of life and soon-ending channels only)]
        "channels": {c: list(wizard.channel_labels[c]) for c in sorted(used_channels) if c in wizard.channel_labels},
    }


class _Texts:
    """The data file's texts (English text -> index), each with how to say it in any language."""

    def __init__(self, index: dict, sayers: dict):
        self.index, self.sayers = index, sayers

    def add(self, english: str, say) -> int:
        self.sayers.setdefault(english, say)
        return self.index.setdefault(english, len(self.index))


def _outcome_json(outcome: Outcome, repos: dict, texts: _Texts, catalog: Catalog, wizard: Wizard) -> dict:
    """A result: {v, run/build: [repo index, tag, fixed tag(, "@digest")], why, df, ct, sw(, t)}; a dead
    end: {v, no, alt}. In a team's edition a stage carries its digest when the standard pins by digest,
    and `t` (a text index) says why a result is outside the standard."""

    def phrase(english: str) -> int:
        return texts.add(english, lambda t: say_phrase(wizard, english, t))

    if not outcome.ok:
        return {
            "v": outcome.channel,
            "no": phrase(outcome.because),
            "alt": [[key, value, phrase(why)] for key, value, why in outcome.alternatives],
        }
    result = {"v": outcome.channel, "why": list(outcome.reasons), "df": outcome.dockerfile}
    if outcome.container is not None:
        result["ct"] = outcome.container
    if outcome.switch:
        result["sw"] = [list(change) for change in outcome.switch]
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
            result["t"] = texts.add(
                f"Outside our standard: {verdict.why}",
                lambda t: t.text("wizard_result.outside_standard", why=approval_words(verdict, t)),
            )
    warning = os_warning(outcome, catalog)
    if warning:
        result["w"] = texts.add(warning, lambda t: os_warning(outcome, catalog, t))
    return result


def wizard_json(wizard: Wizard, catalog: Catalog) -> str:
    """The data file the page fetches (wizard/data.json): compact, and the same bytes for the same data."""
    return json.dumps(wizard_data(wizard, catalog), ensure_ascii=False, separators=(",", ":"))


def data_version(data_json: str) -> str:
    """A short content hash: the page asks for data.json?v=<it>, so a cached copy is never stale."""
    return hashlib.sha256(data_json.encode("utf-8")).hexdigest()[:12]


def os_warning(outcome: Outcome, catalog: Catalog, t: Messages | None = None) -> str:
    """What an answer on a Windows Server release near or past its end says: "Windows Server 2016 support ends
    2027-01-12, in 45 days" (the model's dates against the build's day; in the language of `t`, else the
    model's English); empty otherwise."""
    images = [
        image
        for stage in (outcome.run, outcome.build)
        if stage
        for image in catalog.repository(stage.repository).resolve(stage.tag)
    ]
    releases = catalog.os_warnings(images)
    if t is None:
        return "; ".join(release.warning for release in releases)
    return "; ".join(os_warning_words(release, t) for release in releases)


# --- the same result in the page's language ------------------------------------------------------

# The sentences wizard.js writes itself (its data-wizard-words "ui"), from data/messages.
SCRIPT_WORDS = ("not_offered", "load_failed", "ignored", "page_link", "switch")


class _Labels(dict):
    """Labels for a template: a placeholder without an answer reads "this choice" (as tree.py does)."""

    def __init__(self, labels: dict, missing: str):
        super().__init__(labels)
        self.missing = missing

    def __missing__(self, key):
        return self.missing


def say_phrase(wizard: Wizard, english: str, t: Messages) -> str:
    """A dead end's or a way out's text in the language of `t`: its template and its answers' labels from
    data/messages/wizard.<lang>.yml (as it is when the wizard did not make it from a template)."""
    if english not in wizard.phrases:
        return t.wizard_text(english)
    template, labels = wizard.phrases[english]
    said_labels = {key: t.wizard_text(label) for key, label in labels.items()}
    return t.wizard_text(template).format_map(_Labels(said_labels, t.text("wizard_result.this_choice")))


def _stops(channel, t: Messages) -> str | None:
    """What ends with a channel's support (tree.py says it in English for the data file)."""
    day = channel.eol.isoformat() if channel.eol else ""
    if channel.status == "eol":
        return t.text("wizard_result.stops_eol", title=channel.title, date=day)
    if channel.status == "ending":
        return t.text("wizard_result.stops_ending", title=channel.title, date=day)
    return None


def _link_title(wizard: Wizard, link: str, t: Messages) -> str:
    """The title of a linked page in the page's language (its `page.<lang>.md`), else the English one."""
    page = link.split("#")[0]
    return wizard.link_titles.get(f"{page[:-3]}.{t.language}.md") or wizard.link_titles.get(page, link)


def wizard_words(wizard: Wizard, catalog: Catalog, data: dict, sayers: dict, t: Messages) -> dict:
    """Everything the result says in the language of `t`, index for index with the data file (which every
    edition shares, so a link gives the same images in every language): its texts, reasons and channel
    statuses said again, and the sentences wizard.js writes itself. The page carries it (data-wizard-words)."""
    return {
        "ui": {key: t.texts[f"wizard_result.{key}"] for key in SCRIPT_WORDS},  # raw: the script fills them
        "texts": [sayers[english](t) for english in data["texts"]],
        "reasons": [
            [t.wizard_text(text), href, _link_title(wizard, link, t)]
            for (text, href, _), (_, link) in zip(data["reasons"], wizard.reasons, strict=True)
        ],
        "channels": {
            c: [status[0], status_label(catalog.channel(c), t), _stops(catalog.channel(c), t)]
            for c, status in data["channels"].items()
        },
    }


# --- the page -------------------------------------------------------------------------------------


def render_wizard(wizard: Wizard, catalog: Catalog, t: Messages, data_url: str = "data.json") -> str:
    """The form with the default answers checked, the default result rendered, and the result templates.

    Everything it says is in the page's language `t`: questions, hints and options from
    data/messages/wizard.<lang>.yml, a version's hint its support status, the result's words from
    data/messages/<lang>.yml, and the data file's texts said again for wizard.js (data-wizard-words).

    The server renders what the script would show for a link without answers, so nothing moves when
    the script starts; the script fetches the data file and takes over from there.
    """
    sayers: dict = {}
    data = wizard_data(wizard, catalog, sayers)
    data_json = json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # what wizard_json writes
    words = wizard_words(wizard, catalog, data, sayers, t)
    path = _default_path(wizard)
    approved = approved_choices(wizard, catalog) if catalog.team is not None else None
    questions = [
        {
            "id": q.id,
            "legend": _said(q.legend, t),
            "help": _said(q.help, t),
            "shown": q.id in path,
            "options": [
                {
                    "ident": f"wz-{q.id}-{o.value}".replace(".", "_"),
                    "value": o.value,
                    "label": _said(label, t),
                    "help": _option_help(o, q, catalog, t),
                    "shown": q.id in path and o.value in path[q.id][1],
                    "checked": q.id in path and o.value == path[q.id][0],
                }
                for o, label in _team_order(
                    wizard.options(q.id), approved.get(q.id, frozenset()) if approved else None, t
                )
            ],
        }
        for q in wizard.rules.questions
    ]
    start = _outcome_index(data, {k: v for k, (v, _) in path.items()})
    return render_template(
        "wizard.html",
        t=t,
        said=said,
        code=code,
        link=link,
        slot_code=_slot_code,
        questions=questions,
        today=t.time(catalog.today),
        src=f"{data_url}?v={data_version(data_json)}",  # one data file per site: other editions point at it
        start=start,
        words=json.dumps(words, ensure_ascii=False, separators=(",", ":")),
        view=result_view(data, start, words, t),
    )


def _slot_code(value: str, slot: str) -> Markup:
    """<code data-slot="…">: a code span of the result that wizard.js fills again."""
    return Markup(str(code(value)).replace("<code>", f'<code data-slot="{slot}">', 1))


def _team_order(options, approved: frozenset[str] | None, t: Messages) -> list:
    """(option, label) pairs: as written on the public site; in a team's edition the choices inside
    the standard first, the others after them and marked."""
    if approved is None:
        return [(o, o.label) for o in options]
    inside = [(o, o.label) for o in options if o.value in approved]
    outside = [(o, t.text("team.outside_label", label=_said(o.label, t))) for o in options if o.value not in approved]
    return inside + outside


def _default_path(wizard: Wizard) -> dict:
    """key -> (default answer, the answers offered there) along the path of a link without answers."""
    node, path = wizard.root, {}
    while isinstance(node, Node):
        path[node.key] = (node.default, tuple(node.children))
        node = node.children[node.default]
    return path


def _outcome_index(data: dict, answers: dict) -> int:
    """The outcome a walk through the data's nodes reaches (what wizard.js's walk() does)."""
    n = 0
    while n >= 0:
        key_index, default, kids = data["nodes"][n]
        value = answers.get(data["keys"][key_index])
        n = kids[value if value in kids else default]
    return -n - 1


def result_view(data: dict, index: int, words: dict, t: Messages) -> dict:
    """What the result shows for one outcome, slot by slot, in the page's language (`words`, from
    wizard_words): wizard.js fills the same slots the same way."""
    outcome = data["outcomes"][index]
    status = words["channels"].get(outcome["v"], ["supported", ""])
    view = {
        "index": index,
        "ok": "no" not in outcome,
        # "w": the answer's Windows Server release ends soon or has ended (a warning on a supported channel).
        "status_class": {"eol": "danger", "preview": "warning", "ending": "warning"}.get(
            status[0], "warning" if "w" in outcome else "info"
        ),
        "status_text": f"{outcome['v']}: {status[1]}"
        + "".join(f". {words['texts'][outcome[key]]}" for key in ("t", "w") if key in outcome),
        "stops": status[2] if len(status) > 2 else None,
        "switch": bool(outcome.get("sw")),
    }
    if not view["ok"]:
        view["because"] = words["texts"][outcome["no"]]
        return view
    refs = {}
    for stage in ("build", "run"):
        if stage not in outcome:
            view[stage] = None
            continue
        repo_index, tag, fixed, *digest = outcome[stage]  # digest: "@sha256:…" when a team pins digests
        image, name, page = data["repos"][repo_index]
        refs[stage] = f"{image}:{tag}{''.join(digest)}"
        view[stage] = {
            "ref": refs[stage],
            "fixed": f"{image}:{fixed}",
            "href": tag_href(page, tag),
            "link": t.text("wizard_result.page_link", tag=tag, repository=name),
        }
    view["digest"] = "docker buildx imagetools inspect " + refs.get("run", refs["build"])
    view["dockerfile"] = fill(data["dockerfiles"][outcome["df"]], refs)
    view["container"] = fill(data["containers"][outcome["ct"]], refs) if "ct" in outcome else None
    view["reasons"] = [words["reasons"][i] for i in outcome["why"]]
    return view


def tag_href(page: str, tag: str) -> str:
    """The repository page filtered to the tag and scrolled to its row (row anchors are `tag-<tag>`)."""
    return f"{page}?tag={quote(tag, safe='')}#tag-{quote(tag, safe='.-_')}"


def fill(template: str, refs: dict) -> str:
    return template.replace("{build}", refs.get("build", "")).replace("{run}", refs.get("run", ""))


# --- the static guide (no JavaScript) ----------------------------------------------------------------

_GROUP = ("goal", "framework", "app", "deploy", "version")


def _said(text: str | None, t: Messages | None) -> str | None:
    """A text of data/wizard.yml in the page's language (as it is without a translation)."""
    return t.wizard_text(text) if t and text else text


def _option_help(option, question, catalog: Catalog, t: Messages | None) -> str | None:
    """An option's hint; a .NET version's is its support status, in the page's language."""
    if t and question.id == "version" and option.value in catalog.channels:
        return status_label(catalog.channel(option.value), t)
    return _said(option.help, t)


def render_decision_guide(wizard: Wizard, catalog: Catalog, t: Messages) -> str:
    """Every answer as tables, one per goal / .NET / app / deployment / version, for the default architecture,
    each group's title with the status badge of its .NET channel."""
    groups: dict = {}
    group_channels: dict = {}
    for answers, outcome in _default_arch_paths(wizard, wizard.root, {}):
        group = tuple((k, answers[k]) for k in _GROUP if k in answers)
        rest = tuple((k, answers[k]) for k in KEYS if k in answers and k not in _GROUP and k != "arch")
        choices = ", ".join(_label(wizard, k, v, t) for k, v in rest) or t.text("wizard.guide_no_choice")
        groups.setdefault(group, []).append(_row(choices, outcome, catalog, wizard, t))
        group_channels.setdefault(group, outcome.channel)
    channels = catalog.channels
    return render_template(
        "decision-guide.html",
        t=t,
        under=said(t, "wizard.guide_registry", registry=code(f"{catalog.repositories[0].rule.registry}/")),
        groups=[
            {
                "title": " · ".join(_label(wizard, k, v, t) for k, v in group),
                "status": status_badge(channels[group_channels[group]], t) if group_channels[group] in channels else "",
                "rows": rows,
            }
            for group, rows in groups.items()
        ],
    )


def _row(choices: str, outcome: Outcome, catalog: Catalog, wizard: Wizard, t: Messages) -> dict:
    if not outcome.ok:
        return {"choices": choices, "because": say_phrase(wizard, outcome.because, t), "build": None, "run": None}
    return {
        "choices": choices,
        "because": None,
        "build": f"{outcome.build.repository}:{outcome.build.tag}",
        "run": f"{outcome.run.repository}:{outcome.run.tag}" if outcome.run else None,
        "warning": os_warning(outcome, catalog, t),
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


def _label(wizard: Wizard, key: str, value: str, t: Messages) -> str:
    """An answer's label in the page's language."""
    return t.wizard_text(wizard.label(key, value))


def render_link_keys(wizard: Wizard, t: Messages) -> str:
    """The public query-string contract as a table: key, question, accepted values (the same keys and
    values in every language; the question in the page's)."""
    rows = [
        [code(q.id), _said(q.legend, t), join((code(o.value) for o in wizard.options(q.id)), ", ")]
        for q in wizard.rules.questions
    ]
    headers = [t.text("wizard.keys_key"), t.text("wizard.keys_question"), t.text("wizard.keys_values")]
    return markdown_table(headers, rows)

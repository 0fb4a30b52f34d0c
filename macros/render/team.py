"""The team's edition: its banner, the "Our standard" page and the note on the onboarding pages,
rendered from catalog.team in the page's language (model in, HTML/Markdown out; every value escaped by
render/html.py, every sentence from data/messages `team`)."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..data.errors import UnknownValueError
from ..model.catalog import Catalog
from ..model.current import current_tag
from ..model.messages import Messages
from ..model.team import Team, approved_repositories
from .html import code, html_table, link, text
from .texts import said, said_count

STANDARD_PAGE = "team/team-standard.md"
STANDARD_TITLE = "Our standard"  # the English navigation's title (mkdocs.yml translates it for other languages)
# Pages that point new team members at the standard.
POINTING_PAGES = ("team/onboarding.md", "team/checklist.md")

# What each file of render/policies.py enforces: its message (a test checks both name the same files).
POLICY_USE = {
    "hadolint.yaml": "team.policy_hadolint",
    "dockerfile.rego": "team.policy_dockerfile_rego",
    "buildx-policy.rego": "team.policy_buildx",
    "kyverno-clusterpolicy.yaml": "team.policy_kyverno",
    "renovate.json": "team.policy_renovate",
    "dependabot.yml": "team.policy_dependabot",
}


def _team(catalog: Catalog) -> Team:
    assert catalog.team is not None, "the team's pages exist only in a team's edition"
    return catalog.team


def team_banner(catalog: Catalog, standard_url: str, t: Messages) -> Markup:
    """On every page of the team's edition: whose edition this is and where the standard is."""
    team = _team(catalog)
    rule = t.text("team.pin_tag_digest" if team.pinning == "tag+digest" else "team.pin_tag")
    standard = Markup(f'<a href="{escape(standard_url)}">{said(t, "team.standard_title")}</a>')
    body = said(t, "team.banner_body", registry=code(team.registry), rule=rule)
    return Markup(
        '<div class="admonition info" data-guide-team><p class="admonition-title">'
        f"{said(t, 'team.banner_title', team=team.team)}</p><p>{body} {standard}</p></div>\n"
    )


def pointing_note(catalog: Catalog, t: Messages) -> str:
    """Markdown put first on the onboarding path and the checklist: read the team's standard."""
    team = _team(catalog)
    # The pages that get this note render macros: braces become entities so no team.yml text is Jinja.
    name = str(text(team.team)).replace('"', "&quot;").replace("{", "&#123;").replace("}", "&#125;")
    standard = Markup(f"[{said(t, 'team.standard_title')}](team-standard.md)")
    return f'!!! tip "{name}"\n\n    {said(t, "team.pointing", link=standard)}\n\n'


def _approved_list(values: tuple[str, ...], everything: str) -> Markup:
    return Markup(", ").join(code(v) for v in values) if values else Markup(escape(everything))


def _images_table(catalog: Catalog, t: Messages) -> str:
    """Per approved repository and channel, the featured tags the standard approves, as references."""
    rows = []
    for name in approved_repositories(catalog):
        model = catalog.repository(name)
        for channel in model.channels_or_none:
            for group in model.featured(channel):
                image = group.images[0]
                if model.approval(image, group.tag).ok:
                    rows.append([code(name.removeprefix("dotnet/")), code(model.reference(group.tag))])
    if not rows:
        return f"<p>{said(t, 'team.images_none')}</p>\n"
    headers = [t.text("team.repository"), t.text("team.reference")]
    return html_table(headers, rows, attributes={"data-team-images": ""})


def _listed(values: tuple[str, ...], everything: str) -> str:
    return f"{_approved_list(values, everything)}."


def _rule(t: Messages, label: str, value) -> str:
    """One line of the Rules list: `- **Label:** value`."""
    return f"- **{said(t, label)}** {value}"


def render_standard(catalog: Catalog, t: Messages) -> str:
    """The "Our standard" page (Markdown whose every value is escaped) in the language of `t`: images,
    rules, exceptions, policies, help."""
    team = _team(catalog)
    approved = team.approved
    today = catalog.today
    try:
        example = catalog.repository("aspnet").reference(current_tag(catalog, "aspnet"))
    except UnknownValueError:
        example = catalog.repository("aspnet").image_name
    intro = said(
        t, "team.intro", file_name=code("team.yml"), file=team.file, date=today.isoformat(), example=code(example)
    )
    registry = code(team.registry) + (
        Markup(" ") + said(t, "team.registry_mirror", public=code("mcr.microsoft.com")) if team.mirror else "."
    )
    pinning = (
        said(t, "team.pin_digest_rule", form=code("image:tag@sha256:…"))
        if team.pinning == "tag+digest"
        else said(t, "team.pin_tag_rule", latest=code("latest"))
    )
    user = (
        said(t, "team.user_non_root", linux=code("USER $APP_UID"), windows=code("USER ContainerUser"))
        if team.non_root
        else said(t, "team.user_free")
    )
    lines = [
        f"# {said(t, 'team.standard_title')}: {text(team.team)}",
        "",
        str(intro),
        "",
        f"## {said(t, 'team.images')}",
        "",
        str(said(t, "team.images_intro")),
        "",
        _images_table(catalog, t),
        "",
        f"## {said(t, 'team.rules')}",
        "",
        _rule(t, "team.rule_registry", registry),
        _rule(
            t, "team.rule_repositories", f"{_approved_list(approved.repositories, t.text('team.all_repositories'))}."
        ),
        _rule(t, "team.rule_channels", _listed(approved.channels, t.text("team.all_channels"))),
        _rule(t, "team.rule_os", _listed(approved.os, t.text("team.all_os"))),
        _rule(
            t,
            "team.rule_variants",
            f"{_approved_list(approved.variants, t.text('team.all_variants'))}  {said(t, 'team.variants_note')}",
        ),
        _rule(t, "team.rule_pinning", pinning),
        _rule(t, "team.rule_user", user),
        "",
        f"## {said(t, 'team.exceptions')}",
        "",
    ]
    if team.exceptions:
        rows = [
            [
                code(e.image),
                text(e.reason),
                text(e.owner),
                said_count(t, "team.expires_in", (e.expires - today).days, date=e.expires.isoformat()),
            ]
            for e in team.exceptions
        ]
        headers = [t.text("team.image"), t.text("team.reason"), t.text("team.owner"), t.text("team.expires")]
        lines.append(html_table(headers, rows, attributes={"data-team-exceptions": ""}))
    else:
        lines.append(str(said(t, "team.no_exceptions")))
    lines += ["", f"## {said(t, 'team.policies')}", "", str(said(t, "team.policies_intro")), ""]
    policy_rows = [
        [Markup(f'<a href="../policy/{name}" download>{name}</a>'), said(t, use)] for name, use in POLICY_USE.items()
    ]
    headers = [t.text("team.file"), t.text("team.enforces")]
    lines.append(html_table(headers, policy_rows, attributes={"data-team-policies": ""}))
    lines += ["", f"## {said(t, 'team.help')}", ""]
    for contact in team.contacts:
        how = link(contact.url, contact.how) if contact.url else text(contact.how)
        lines.append(f"- {text(contact.name)}: {how}")
    for item in team.links:
        lines.append(f"- {link(item.url, item.title)}")
    if not team.contacts and not team.links:
        lines.append(str(said(t, "team.ask_owner")))
    return "\n".join(lines) + "\n"

"""The team's edition: its banner, the "Our standard" page and the note on the onboarding pages,
rendered from catalog.team (model in, HTML/Markdown out; every value escaped by render/html.py)."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..data.errors import UnknownValueError
from ..model.catalog import Catalog
from ..model.current import current_tag
from ..model.team import Team, approved_repositories
from .html import code, html_table, link, text

STANDARD_PAGE = "team/team-standard.md"
STANDARD_TITLE = "Our standard"
# Pages that point new team members at the standard.
POINTING_PAGES = ("team/onboarding.md", "team/checklist.md")

# What each file of render/policies.py enforces (a test checks both name the same files).
POLICY_USE = {
    "hadolint.yaml": "hadolint: trusted registry, no `latest`, no untagged image (errors).",
    "dockerfile.rego": "Rego for conftest: registry, repositories, channel, OS, variant, pinning, exceptions, "
    "non-root.",
    "buildx-policy.rego": "The same image rules for docker buildx build policies (save it as Dockerfile.rego).",
    "kyverno-clusterpolicy.yaml": "Kyverno ClusterPolicy: .NET images in the cluster only from the mirror and "
    "approved repositories.",
    "renovate.json": "Renovate: patches and digests of the approved tags; no channel or OS jump.",
    "dependabot.yml": "Dependabot (.github/dependabot.yml): patch updates only.",
}


def _team(catalog: Catalog) -> Team:
    assert catalog.team is not None, "the team's pages exist only in a team's edition"
    return catalog.team


def team_banner(catalog: Catalog, standard_url: str) -> Markup:
    """On every page of the team's edition: whose edition this is and where the standard is."""
    team = _team(catalog)
    rule = "tag and digest" if team.pinning == "tag+digest" else "tag"
    return Markup(
        '<div class="admonition info" data-guide-team><p class="admonition-title">'
        f"{escape(team.team)} edition</p><p>Image references on this site are written through "
        f"<code>{escape(team.registry)}</code> and pinned by {rule}, and repository pages mark what our "
        f'standard approves. <a href="{escape(standard_url)}">Our standard</a></p></div>\n'
    )


def pointing_note(catalog: Catalog) -> str:
    """Markdown put first on the onboarding path and the checklist: read the team's standard."""
    team = _team(catalog)
    # The pages that get this note render macros: braces become entities so no team.yml text is Jinja.
    name = str(text(team.team)).replace('"', "&quot;").replace("{", "&#123;").replace("}", "&#125;")
    return (
        f'!!! tip "{name}"\n\n'
        f"    Our team's images, tags and rules are on [{STANDARD_TITLE}](team-standard.md); "
        "check every Dockerfile against it and its policies.\n\n"
    )


def _approved_list(values: tuple[str, ...], everything: str) -> Markup:
    return Markup(", ").join(code(v) for v in values) if values else Markup(escape(everything))


def _images_table(catalog: Catalog) -> str:
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
        return "<p>No featured tag of the catalog is inside the standard: check the approved lists.</p>\n"
    return html_table(["Repository", "Reference to copy"], rows, attributes={"data-team-images": ""})


def render_standard(catalog: Catalog) -> str:
    """The "Our standard" page (Markdown whose every value is escaped): images, rules, exceptions,
    policies, help."""
    team = _team(catalog)
    approved = team.approved
    today = catalog.today
    try:
        example = catalog.repository("aspnet").reference(current_tag(catalog, "aspnet"))
    except UnknownValueError:
        example = catalog.repository("aspnet").image_name
    lines = [
        f"# {STANDARD_TITLE}: {text(team.team)}",
        "",
        f"This page is generated from our `team.yml` ({text(team.file)}) when the guide is built (status on "
        f"{today.isoformat()}). Every image reference in this edition of the guide follows it, for example "
        f"{code(example)}.",
        "",
        "## Images",
        "",
        "The featured tags our standard approves, written as we pull them:",
        "",
        _images_table(catalog),
        "",
        "## Rules",
        "",
        f"- **Registry:** {code(team.registry)}"
        + (" (our mirror of `mcr.microsoft.com`; never pull from the public registry)." if team.mirror else "."),
        f"- **Repositories:** {_approved_list(approved.repositories, 'all the official .NET repositories')}.",
        f"- **.NET channels:** {_approved_list(approved.channels, 'the channels in support on the build day')}.",
        f"- **Operating systems:** {_approved_list(approved.os, 'all that the images offer')}.",
        f"- **Variants:** {_approved_list(approved.variants, 'all of them')} "
        " (an image without a variant is always allowed).",
        "- **Pinning:** "
        + (
            "tag and digest, `image:tag@sha256:…`; Renovate or Dependabot moves both."
            if team.pinning == "tag+digest"
            else "a tag that names the OS; never `latest`, never no tag."
        ),
        "- **User:** "
        + (
            "the final stage of a shipped image runs as a non-root user (`USER $APP_UID`, "
            "`USER ContainerUser` on Windows)."
            if team.non_root
            else "not enforced by the policies (non-root is still recommended)."
        ),
        "",
        "## Exceptions",
        "",
    ]
    if team.exceptions:
        rows = [
            [
                code(e.image),
                text(e.reason),
                text(e.owner),
                f"{e.expires.isoformat()} ({(e.expires - today).days} days left)",
            ]
            for e in team.exceptions
        ]
        lines.append(html_table(["Image", "Reason", "Owner", "Expires"], rows, attributes={"data-team-exceptions": ""}))
    else:
        lines.append(
            "None. An exception names an image, a reason, an owner and an expiry date; the build fails once it "
            "has expired."
        )
    lines += ["", "## Policies", "", "Generated from the same file; commit them beside your code:", ""]
    policy_rows = [
        [Markup(f'<a href="../policy/{name}" download>{name}</a>'), text(use)] for name, use in POLICY_USE.items()
    ]
    lines.append(html_table(["File", "What it enforces"], policy_rows, attributes={"data-team-policies": ""}))
    lines += ["", "## Help", ""]
    for contact in team.contacts:
        how = link(contact.url, contact.how) if contact.url else text(contact.how)
        lines.append(f"- {text(contact.name)}: {how}")
    for item in team.links:
        lines.append(f"- {link(item.url, item.title)}")
    if not team.contacts and not team.links:
        lines.append("Ask the owner of this standard.")
    return "\n".join(lines) + "\n"

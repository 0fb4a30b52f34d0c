"""Pure renderers for the repository pages: model in, Markdown/HTML out (no MkDocs, no I/O)."""

from __future__ import annotations

import json
from collections.abc import Callable

from markupsafe import Markup, escape

from ..model.catalog import Catalog, Image, RepositoryModel
from ..model.lifecycle import Channel
from ..model.messages import Messages
from ..model.order import VARIANTS
from ..model.platforms import OS_LABELS
from ..model.tags import TagGroup
from .html import (
    code,
    html_table,
    join,
    markdown_table,
    md_link,
    prose,
    render_template,
    size_text,
    small,
    text,
)
from .status import (
    HIDDEN_BY_DEFAULT,
    channel_status,
    hidden_by_default,
    option_label,
    os_badge,
    status_attributes,
    status_badge,
    status_words,
)
from .texts import build_date, digest_reference, said, size_caveat, tag_anchor, team_mark


def _unique(values) -> list:
    return list(dict.fromkeys(values))


def _os_names(catalog: Catalog, images) -> str:
    return ", ".join(_unique(catalog.os_name(i) for i in images))


def _platforms(catalog: Catalog, images) -> str:
    """Platforms as `docker --platform` spells them without the OS: "amd64, arm64, arm/v7"."""
    return ", ".join(_unique(catalog.architectures[i.architecture].docker_platform.split("/", 1)[1] for i in images))


def _variant_label(variants) -> str:
    return " + ".join(variants) if variants else "default"


# --- overview ----------------------------------------------------------------------------------


def render_overview(catalog: Catalog, repo: str, t: Messages) -> str:
    """What the repository is for and holds, when to use it or not, and a pull command."""
    model = catalog.repository(repo)
    info = model.info
    related = join((md_link(f"{catalog.repository(r).info.slug}.md", code(r)) for r in info.related), ", ")
    lines = [
        f"**{text(t.repository_text(info, 'purpose'))}**",
        "",
        f"**{said(t, 'overview.image_name')}** {code(model.image_name)}",
        "",
        f"**{said(t, 'overview.inside')}** {prose(t.repository_text(info, 'inside'))}",
        "",
        f"**{said(t, 'overview.use_for')}**",
        "",
        *[f"- {prose(item)}" for item in t.repository_text(info, "use_when")],
        "",
        f"**{said(t, 'overview.not_for')}**",
        "",
        *[f"- {prose(item)}" for item in t.repository_text(info, "avoid_when")],
        "",
    ]
    if related:
        lines += [f"**{said(t, 'overview.related')}** {related}", ""]
    lines += ["```sh", f"docker pull {model.reference(model.pull_tag)}", "```", ""]
    return "\n".join(lines)


# --- featured tags -----------------------------------------------------------------------------


def _resolves_to(catalog: Catalog, images, t: Messages) -> Markup:
    warnings = [os_badge(release, t) for release in catalog.os_warnings(images)]
    return join([_os_names(catalog, images), small(_platforms(catalog, images)), *warnings])


def _featured_table(catalog: Catalog, model: RepositoryModel, groups: list[TagGroup], t: Messages) -> str:
    latest = {id(i) for i in model.latest}
    rows = []
    attributes = []
    for group in groups:
        aliases = [a for a in group.aliases if a != "latest"]
        if latest and {id(i) for i in group.images} == latest and group.tag != "latest":
            aliases.append("latest")
        tag = (
            join([code(group.tag), small(said(t, "tags.same_as", tags=join(map(code, aliases), ", ")))])
            if aliases
            else code(group.tag)
        )
        row = [tag, _variant_label(group.images[0].variants), _resolves_to(catalog, group.images, t)]
        if catalog.team is not None:
            row.append(team_mark(model.approval(group.images[0], group.tag), t))
        rows.append(row)
        attributes.append(_group_attributes(catalog, model, group.images, [group.tag, *aliases]))
    headers = [t.text("tags.tag"), t.text("tags.variant"), t.text("tags.resolves_to")]
    headers += [t.text("tags.our_standard")] if catalog.team is not None else []
    return html_table(headers, rows, attributes, {"data-tag-featured": ""})


def _channel_title(catalog: Catalog, channel: str | None, model: RepositoryModel, t: Messages) -> str:
    """A tab label (Markdown inside double quotes): plain text, its quotes as entities."""
    if channel is None:
        version = model.images[0].version
        title = t.text("tags.version_title", version=version) if version else t.text("tags.all_tags")
    else:
        known = catalog.channels.get(channel)
        title = f"{catalog.product(channel)} ({known.release_label})" if known else catalog.product(channel)
    return str(text(title))


def render_featured_tags(
    catalog: Catalog,
    repo: str,
    t: Messages,
    finished_html: Callable[[str], str] = lambda html: html,
    after_table: Callable[[str | None], str] = lambda _channel: "",
) -> str:
    """For each channel, one tab: the floating tags per OS and variant, with what they resolve to.

    `finished_html` receives each table; the macro passes one that lets it skip Markdown. `after_table`
    adds what follows the table in a channel's tab (the macro passes the tags' recent rebuilds).
    """
    model = catalog.repository(repo)
    channels = model.channels_or_none
    selected = model.current_channel or channels[0]
    parts = []
    for channel in channels:
        groups = model.featured(channel)
        if not groups:
            continue
        marker = "===+" if channel == selected else "==="
        known = channel_status(catalog, model, channel)
        # The badge sits in the tab's label, so a channel's status shows before its tab is opened.
        title = _channel_title(catalog, channel, model, t) + (f" {status_badge(known, t)}" if known else "")
        body = finished_html(_featured_table(catalog, model, groups, t))
        body += after_table(channel)
        parts.append(f'{marker} "{_quoted(title)}"\n\n' + _indent(body))
    return "\n".join(parts)


def _quoted(title: str) -> str:
    """A tab label goes inside double quotes: the badge's attributes are quoted with ' instead
    (escaped values never hold a bare ', markupsafe writes &#39;)."""
    return title.replace('"', "'")


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" if line.strip() else "\n" for line in text.splitlines())


# --- support status ----------------------------------------------------------------------------


def _group_attributes(catalog: Catalog, model: RepositoryModel, images, tags) -> dict[str, str]:
    """What the filter reads from a featured or multi-platform row (the same keys as a listing row)."""
    first = images[0]
    return {
        **status_attributes(channel_status(catalog, model, first.channel)),
        "data-channel": first.channel or "",
        "data-os": " ".join(_unique(t for i in images for t in (i.distro, i.os_version))),
        "data-arch": " ".join(_unique(i.architecture for i in images)),
        "data-variant": " ".join(first.variants) or "none",
        "data-tags": " ".join(tags),
    }


def render_support_status(catalog: Catalog, repo: str, t: Messages) -> str:
    """Support status of each channel of the repository, computed for the build date."""
    model = catalog.repository(repo)
    date = build_date(catalog.today, t)
    if model.info.lifecycle == "own" or not model.channels:
        newest = model.images[0].version
        policy = said(t, "support.own_policy_version", version=newest) if newest else said(t, "support.own_policy")
        return f"{policy}\n\n<small>{said(t, 'support.checked_as_of', date=date)}</small>\n"
    rows = []
    for channel in model.channels:
        known = catalog.channel(channel)
        rows.append(
            [
                catalog.product(channel),
                known.release_label,
                known.ga.isoformat() if known.ga else t.text("support.not_yet"),
                known.eol.isoformat() if known.eol else t.text("support.not_announced"),
                status_badge(known, t),
            ]
        )
    headers = [t.text(f"support.{k}") for k in ("channel", "release_type", "ga", "eol", "status")]
    table = markdown_table(headers, rows)
    link = md_link("lifecycle.md", t.text("support.lifecycle_link"))
    computed = said(t, "support.computed_for", date=date) + " " + said(t, "support.see_lifecycle", link=link)
    return table + f"\n<small>{computed}</small>\n"


# --- multi-platform and floating tags ----------------------------------------------------------


def render_tag_resolution(
    catalog: Catalog, repo: str, t: Messages, finished_html: Callable[[str], str] = lambda html: html
) -> str:
    """What `latest` is, and every multi-platform tag with the images it resolves to.

    `finished_html` receives the table; the macro passes one that lets it skip Markdown.
    """
    model = catalog.repository(repo)
    lines = []
    if model.latest:
        same = [g for g in model.tag_groups if "latest" in g.floating]
        aliases = join((code(t) for t in same[0].floating if t != "latest"), ", ") if same else ""
        # Sample images have no product version: say none rather than an empty "version ".
        versions = ", ".join(_unique(i.version for i in model.latest if i.version))
        os_names = _os_names(catalog, model.latest)
        lines.append(
            said(
                t,
                ("tags.latest_points_same" if aliases else "tags.latest_points") + ("" if versions else "_unversioned"),
                latest=code("latest"),
                os=os_names,
                versions=versions,
                platforms=_platforms(catalog, model.latest),
                aliases=aliases,
            )
        )
    else:
        lines.append(said(t, "tags.no_latest", latest=code("latest")))
    rows = []
    attributes = []
    for group in model.tag_groups:
        if not model.is_multi_platform(group.tag):
            continue
        versions = ", ".join(_unique(i.version for i in group.images if i.version))
        tags = (
            join(
                [anchored_codes(group.floating), join([small(t.text("tags.fixed")), anchored_codes(group.fixed)], " ")]
            )
            if group.fixed
            else anchored_codes(group.floating)
        )
        known = channel_status(catalog, model, group.channel)
        facts = [
            said(t, "tags.os_version", os=_os_names(catalog, group.images), versions=versions)
            if versions
            else _os_names(catalog, group.images),
            small(_platforms(catalog, group.images)),
        ]
        rows.append(
            [
                join([copy_button(model, group.tag, t), tags], " "),
                join([status_badge(known, t), *facts]) if known else join(facts),
            ]
        )
        attributes.append(_group_attributes(catalog, model, group.images, [*group.floating, *group.fixed]))
    if rows:
        lines += [
            "",
            finished_html(
                _skipped_offscreen(
                    html_table(
                        [t.text("tags.floating_then_fixed"), t.text("tags.resolves_to")],
                        rows,
                        attributes,
                        {"data-tag-resolution": ""},
                    ),
                    RESOLUTION_ROW_PX * sum(a.get("data-status") not in HIDDEN_BY_DEFAULT for a in attributes),
                )
            ),
        ]
    else:
        lines += ["", said(t, "tags.no_multi_platform")]
    return "\n".join(str(line) for line in lines) + "\n"


# --- full tag listing --------------------------------------------------------------------------


def _platform_groups(catalog: Catalog, images: list[Image]) -> list[tuple[str, list[Image]]]:
    """(caption, images) for Linux amd64, arm64, arm32, then Windows amd64; empty ones left out."""
    groups = []
    for os in ("linux", "windows"):
        for arch in catalog.platforms.architectures:
            found = sorted(
                (i for i in images if i.os == os and i.architecture == arch.architecture), key=catalog.order.image_key
            )
            if found:
                groups.append((f"{OS_LABELS[os]} {arch.name}", found))
    return groups


def _row_attributes(known: Channel | None, image: Image) -> dict[str, str]:
    return {
        **status_attributes(known),
        "data-channel": image.channel or "",
        "data-os": f"{image.distro} {image.os_version}",
        "data-arch": image.architecture,
        "data-variant": " ".join(image.variants) or "none",
        "data-tags": " ".join(image.tags),
    }


def anchored_codes(tags, anchored=None) -> Markup:
    """Tags as <code>, each that has its home in this row carrying the row's anchor (`id="tag-…"`).

    A tag's home is unique: a multi-platform tag's is its row in the multi-platform table, any other
    tag's the one platform image it names."""
    return Markup(
        " ".join(
            f'<code id="{escape(tag_anchor(t))}">{text(t)}</code>' if anchored is None or anchored(t) else str(code(t))
            for t in tags
        )
    )


def copy_button(model: RepositoryModel, tag: str, t: Messages) -> Markup:
    """Copies the full reference of the row's first tag (Material's clipboard handles data-clipboard-text)."""
    reference = model.reference(tag)
    label = escape(t.text("tags.copy", reference=reference))
    return Markup(
        f'<button type="button" class="guide-copy" data-clipboard-text="{escape(reference)}" '
        f'title="{label}" aria-label="{label}"></button>'
    )


def _tags_cell(model: RepositoryModel, image: Image, t: Messages) -> Markup:
    def home(tag: str) -> bool:
        return not model.is_multi_platform(tag)

    copy = copy_button(model, image.tags[0], t)
    if not image.shared_tags:
        return join([copy, anchored_codes(image.platform_tags)], " ")
    shared = join([small(t.text("tags.multi_platform")), anchored_codes(image.shared_tags, home)], " ")
    return (
        join([join([copy, anchored_codes(image.platform_tags)], " "), shared])
        if image.platform_tags
        else join([copy, shared], " ")
    )


def _image_cell(catalog: Catalog, known: Channel | None, image: Image, t: Messages) -> Markup:
    """OS, version, what the registry published (pull size, build date, digest) or else the recorded
    size, and the Dockerfile link, stacked so the table stays narrow."""
    facts = [t.text("tags.version", version=image.version)] if image.version else []
    published = image.registry
    if published:
        facts += [
            t.text("tags.pull", size=size_text(published.pull_size)),
            t.text("tags.built", date=published.created),
        ]
    elif image.size_bytes:
        facts += [size_text(image.size_bytes)]
    parts = [join([status_badge(known, t), catalog.os_name(image)], " ") if known else catalog.os_name(image)]
    parts += [os_badge(release, t) for release in catalog.os_warnings([image])]
    parts.append(small(" · ".join(facts)))
    model = catalog.repository(image.repository)
    if published:
        parts.append(digest_reference(model.pinned(published.digest), published.digest, t))
    if catalog.team is not None:
        parts.append(team_mark(model.approval(image), t))
    parts.append(Markup('<a href="%s">%s</a>') % (image.dockerfile_url, t.text("tags.dockerfile")))
    return join(parts)


def _listing_table(catalog: Catalog, model: RepositoryModel, caption: str, images: list[Image], t: Messages) -> str:
    statuses = [channel_status(catalog, model, i.channel) for i in images]
    rows = [[_tags_cell(model, i, t), _image_cell(catalog, k, i, t)] for i, k in zip(images, statuses, strict=True)]
    attributes = [_row_attributes(k, i) for i, k in zip(images, statuses, strict=True)]
    table = html_table([t.text("tags.tags"), t.text("tags.image")], rows, attributes, {"data-tag-rows": ""})
    return table.replace("<thead>", f"<caption>{escape(caption)}</caption><thead>", 1)


def _filter_options(catalog: Catalog, model: RepositoryModel, t: Messages) -> dict:
    images = model.images
    os_rank = catalog.order.os_rank
    os_groups = []
    for distro in catalog.platforms.distros:
        versions = sorted({i.os_version for i in images if i.distro == distro.distro}, key=lambda v: -os_rank[v])
        if versions:
            os_groups.append(
                {
                    "value": distro.distro,
                    "label": distro.name,
                    "versions": [(v, catalog.os_versions[v].name) for v in versions],
                }
            )
    ended = [(c, k) for c in model.channels for k in [channel_status(catalog, model, c)] if hidden_by_default(k)]
    present = {i.architecture for i in images}
    variants = {v for i in images for v in i.variants}
    return {
        "repo": model.info.slug,
        "channels": [
            (c, option_label(catalog.product(c), known, t), known.status if known else "")
            for c in model.channels
            for known in [channel_status(catalog, model, c)]
        ],
        "os_groups": os_groups,
        "arches": [(a.architecture, a.name) for a in catalog.platforms.architectures if a.architecture in present],
        "variants": [v for v in VARIANTS if v in variants],
        "total": len(images),
        "ended": "; ".join(f"{catalog.product(c)}: {status_words(k, t)}" for c, k in ended),
        "t": t,
        "ended_count": sum(1 for i in images if i.channel in {c for c, _ in ended}),
    }


def render_tag_filter(catalog: Catalog, repo: str, t: Messages) -> str:
    """The tag tools: the "show ended" toggle and the filter form (hidden until the script reveals it),
    which covers the featured, multi-platform and full tables; its choices come from the catalog."""
    html = render_template("tag-filter.html", **_filter_options(catalog, catalog.repository(repo), t))
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"


def render_goto_tag(t: Messages, repository: str = "") -> str:
    """The "go to tag" box; on a repository page it names the repository, so a bare tag is looked up there first.
    Its replies, in the page's language, ride on the form (data-goto-words) for goto-tag.js to fill."""
    words = {key: t.texts[f"goto_reply.{key}"] for key in GOTO_REPLIES}  # raw: the script fills {placeholders}
    return render_template(
        "goto-tag.html", repository=repository, t=t, words=json.dumps(words, ensure_ascii=False, separators=(",", ":"))
    )


# What goto-tag.js may answer (data/messages, `goto_reply`).
GOTO_REPLIES = ("no_digest", "old_name", "legacy_link", "no_repository", "no_tag_in", "no_tag", "load_failed")


# A channel's listing starts open when it is the channel to use, or short enough not to matter.
OPEN_UP_TO_ROWS = 10
# Rough heights of a row on a laptop screen, for the room an off-screen table keeps until it is laid out.
LISTING_ROW_PX = 110
RESOLUTION_ROW_PX = 55


def _skipped_offscreen(html: str, height: int) -> str:
    """A long table in a box the browser neither styles nor lays out while it is off-screen
    (content-visibility, tags.css), with room for its rows kept meanwhile. Set in the HTML, not by a
    script, so it already holds while Material's own set-up restyles the page several times."""
    room = f"contain-intrinsic-size: auto {height}px"
    return f'<div class="guide-offscreen" style="{room}">\n{html}</div>\n'


def render_tag_listing(
    catalog: Catalog, repo: str, t: Messages, finished_html: Callable[[str], str] = lambda html: html
) -> str:
    """Every tag, one row per platform image: a section per channel (newest first), its tables by OS and
    architecture inside a <details> that starts open for the current channel and closed for the others;
    end-of-life and preview channels stay hidden until the reader ticks "show ended".

    `finished_html` receives each channel's tables; the macro passes one that lets them skip Markdown.
    """
    model = catalog.repository(repo)
    parts = []
    if any(i.size_bytes for i in model.images):
        parts.append(f"<small>{said(t, 'tags.sizes', caveat=size_caveat(t))}</small>\n")
    selected = model.current_channel or model.channels_or_none[0]
    for channel in model.channels_or_none:
        images = [i for i in model.images if channel is None or i.channel == channel]
        if not images:
            continue
        known = channel_status(catalog, model, channel)
        tags = len({tag for i in images for tag in i.tags})
        counts = t.count("tags.listing_summary", len(images), tags=f"{tags:,}")
        summary = join([status_badge(known, t), counts], " ") if known else text(counts)
        opened = " open" if channel == selected or len(images) <= OPEN_UP_TO_ROWS else ""
        platforms = _platform_groups(catalog, images)
        tables = "".join(
            _skipped_offscreen(_listing_table(catalog, model, caption, found, t), LISTING_ROW_PX * len(found))
            for caption, found in platforms
        )
        details = f'<details class="tag-listing"{opened}>\n<summary>{summary}</summary>\n{tables}</details>\n'
        hidden = ""
        if hidden_by_default(known):
            why = said(t, "tags.listing_hidden", status=status_badge(known, t), count=counts)
            hidden = f'<p class="tag-channel__hidden">{why}</p>\n'
        heading = f"### {_channel_title(catalog, channel, model, t)}\n\n" if channel is not None else ""
        attributes = f' data-status="{known.status}"' if known else ""
        # Which statuses start hidden is decided here (status.HIDDEN_BY_DEFAULT), not again in styles or script.
        attributes += " data-ended" if hidden_by_default(known) else ""
        parts.append(
            f'<section class="tag-channel" data-tag-group="{escape(channel or "all")}"{attributes} markdown>\n\n'
            + heading
            + finished_html(details + hidden)
            + "\n</section>\n"
        )
    return "\n".join(parts)


# --- index and lifecycle pages -----------------------------------------------------------------


def render_image_index(catalog: Catalog, t: Messages) -> str:
    """One row per repository: link, what it is for, channels, tag count and what `latest` is."""
    rows = []
    for model in catalog.repositories:
        latest = _os_names(catalog, model.latest) if model.latest else said(t, "index.no_latest", latest=code("latest"))
        statuses = [channel_status(catalog, model, c) for c in model.channels]
        channels = (
            join(
                (
                    status_badge(k, t, subject=c) if k else text(c)
                    for c, k in zip(model.channels, statuses, strict=True)
                ),
                " ",
            )
            if model.channels
            else t.text("index.own_versions")
        )
        rows.append(
            [
                join(
                    [
                        md_link(f"{model.info.slug}.md", model.info.repository),
                        small(t.repository_text(model.info, "title")),
                    ]
                ),
                t.repository_text(model.info, "purpose"),
                channels,
                f"{len(model.images_by_tag):,}",
                latest,
            ]
        )
    headers = [t.text("index.repository"), t.text("index.purpose"), t.text("index.channels"), t.text("index.tags")]
    return markdown_table([*headers, said(t, "index.latest_runs_on", latest=code("latest"))], rows)


def _shipped_on(catalog: Catalog, channel: str, t: Messages) -> str:
    """ " Its images run on Windows Server Core 2022, Windows Server Core 2025." from the catalog ("" when none), so a
    lifecycle note never types the operating systems a channel ships on."""
    found = {i.os_version for i in catalog.images if i.channel == channel}
    names = [o.name for o in catalog.platforms.os_versions if o.os_version in found]
    return " " + t.text("support.shipped_on", names=", ".join(names)) if names else ""


def render_lifecycle(catalog: Catalog, t: Messages) -> str:
    """Every channel with release type, dates and status, and the repositories and tags that carry it."""
    rows = []
    for channel in catalog.lifecycle.channels:
        carriers = []
        for model in catalog.repositories:
            if channel.channel in model.channels and model.info.lifecycle == "channel":
                groups = model.featured(channel.channel)
                tag = code(groups[0].tag) if groups else ""
                carriers.append(join([md_link(f"{model.info.slug}.md", model.info.repository), tag], " "))
        rows.append(
            [
                f"{channel.product} {channel.channel}",
                channel.release_label,
                channel.ga.isoformat() if channel.ga else t.text("support.not_yet"),
                channel.eol.isoformat() if channel.eol else t.text("support.not_announced"),
                status_badge(channel, t),
                join(carriers) if carriers else t.text("support.no_images"),
            ]
        )
    keys = ("channel", "release_type", "ga", "eol", "status", "carriers")
    table = markdown_table([t.text(f"support.{k}") for k in keys], rows)
    notes = [
        f"- **{text(c.title)}:** {prose(t.channel_note(c))}{text(_shipped_on(catalog, c.channel, t))}"
        for c in catalog.lifecycle.channels
        if c.note
    ]
    return (
        table
        + "\n"
        + "\n".join(notes)
        + ("\n" if notes else "")
        + _windows_table(catalog, t)
        + f"\n<small>{said(t, 'support.computed_for', date=build_date(catalog.today, t))}</small>\n"
    )


def _windows_table(catalog: Catalog, t: Messages) -> str:
    """The Windows Server releases the Windows images are built on: Microsoft's support dates, and a warning from
    180 days before the end (.NET Framework is supported only as long as its Windows)."""
    if not catalog.lifecycle.windows:
        return ""
    names = {o.os_version: o.name for o in catalog.platforms.os_versions}
    rows = [
        [
            md_link(release.url, release.name),
            ", ".join(names.get(v, v) for v in release.os_versions),
            release.mainstream_end.isoformat() if release.mainstream_end else "—",
            release.extended_end.isoformat(),
            os_badge(release, t),
        ]
        for release in catalog.lifecycle.windows
    ]
    headers = [t.text(f"windows.{k}") for k in ("release", "images", "mainstream", "extended", "status")]
    return f"\n{said(t, 'windows.intro')}\n\n" + markdown_table(headers, rows)

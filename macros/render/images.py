"""Pure renderers for the repository pages: model in, Markdown/HTML out (no MkDocs, no I/O)."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..model.catalog import Catalog, Image, RepositoryModel
from ..model.order import VARIANTS
from ..model.platforms import OS_LABELS
from ..model.tags import TagGroup
from .html import (
    code,
    codes,
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
from .texts import SIZE_CAVEAT, build_date, digest_reference


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


def render_overview(catalog: Catalog, repo: str) -> str:
    """What the repository is for and holds, when to use it or not, and a pull command."""
    model = catalog.repository(repo)
    info = model.info
    related = join((md_link(f"{catalog.repository(r).info.slug}.md", code(r)) for r in info.related), ", ")
    lines = [
        f"**{text(info.purpose)}**",
        "",
        f"**Image name:** {code(info.image_name)}",
        "",
        f"**What is inside:** {prose(info.inside)}",
        "",
        "**Use it for:**",
        "",
        *[f"- {prose(item)}" for item in info.use_when],
        "",
        "**Not for:**",
        "",
        *[f"- {prose(item)}" for item in info.avoid_when],
        "",
    ]
    if related:
        lines += [f"**Related images:** {related}", ""]
    lines += ["```sh", f"docker pull {info.image_name}:{model.pull_tag}", "```", ""]
    return "\n".join(lines)


# --- featured tags -----------------------------------------------------------------------------


def _resolves_to(catalog: Catalog, images) -> Markup:
    return join([_os_names(catalog, images), small(_platforms(catalog, images))])


def _featured_table(catalog: Catalog, model: RepositoryModel, groups: list[TagGroup]) -> str:
    latest = {id(i) for i in model.latest}
    rows = []
    for group in groups:
        aliases = [a for a in group.aliases if a != "latest"]
        if latest and {id(i) for i in group.images} == latest and group.tag != "latest":
            aliases.append("latest")
        tag = (
            join([code(group.tag), small(Markup("same as %s") % join(map(code, aliases), ", "))])
            if aliases
            else code(group.tag)
        )
        rows.append([tag, _variant_label(group.images[0].variants), _resolves_to(catalog, group.images)])
    return html_table(["Tag", "Variant", "Resolves to"], rows, attributes={"data-tag-featured": ""})


def _channel_title(catalog: Catalog, channel: str | None, model: RepositoryModel) -> str:
    """A tab label (Markdown inside double quotes): plain text, its quotes as entities."""
    if channel is None:
        title = f"Version {model.images[0].version}" if model.images[0].version else "All tags"
    else:
        known = catalog.channels.get(channel)
        title = f"{catalog.product(channel)} ({known.release_label})" if known else catalog.product(channel)
    return str(text(title))


def render_featured_tags(catalog: Catalog, repo: str, finished_html: Callable[[str], str] = lambda html: html) -> str:
    """For each channel, one tab: the floating tags per OS and variant, with what they resolve to.

    `finished_html` receives each table; the macro passes one that lets it skip Markdown.
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
        status = _status_badge(catalog, channel) if channel and model.info.lifecycle == "channel" else ""
        body = (f"{status}\n\n" if status else "") + finished_html(_featured_table(catalog, model, groups))
        parts.append(f'{marker} "{_channel_title(catalog, channel, model)}"\n\n' + _indent(body))
    return "\n".join(parts)


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" if line.strip() else "\n" for line in text.splitlines())


# --- support status ----------------------------------------------------------------------------


def _status_badge(catalog: Catalog, channel: str) -> Markup:
    known = catalog.channel(channel)
    return Markup('<span class="guide-status guide-status--%s">%s</span>') % (known.status, known.status_label)


def render_support_status(catalog: Catalog, repo: str) -> str:
    """Support status of each channel of the repository, computed for the build date."""
    model = catalog.repository(repo)
    date = build_date(catalog.today)
    if model.info.lifecycle == "own" or not model.channels:
        newest = model.images[0].version
        what = f"version (today {text(newest)}) gets" if newest else "images get"
        return (
            f"These images have their own update policy rather than a .NET support lifecycle: only the "
            f"newest {what} fixes, so use the newest tag.\n\n"
            f"<small>Checked against the catalog as of {date}.</small>\n"
        )
    rows = []
    for channel in model.channels:
        known = catalog.channel(channel)
        rows.append(
            [
                catalog.product(channel),
                known.release_label,
                known.ga.isoformat() if known.ga else "not yet",
                known.eol.isoformat() if known.eol else "not announced",
                _status_badge(catalog, channel),
            ]
        )
    table = markdown_table(["Channel", "Release type", "GA", "End of life", "Status"], rows)
    return (
        table
        + f"\n<small>Status computed for {date}. See the [lifecycle page](lifecycle.md) for every channel.</small>\n"
    )


# --- multi-platform and floating tags ----------------------------------------------------------


def render_tag_resolution(catalog: Catalog, repo: str, finished_html: Callable[[str], str] = lambda html: html) -> str:
    """What `latest` is, and every multi-platform tag with the images it resolves to.

    `finished_html` receives the table; the macro passes one that lets it skip Markdown.
    """
    model = catalog.repository(repo)
    lines = []
    if model.latest:
        same = [g for g in model.tag_groups if "latest" in g.floating]
        aliases = join((code(t) for t in same[0].floating if t != "latest"), ", ") if same else ""
        versions = ", ".join(_unique(i.version or "" for i in model.latest))
        lines.append(
            Markup("<code>latest</code> points to %s (version %s) for %s%s.")
            % (
                _os_names(catalog, model.latest),
                versions,
                _platforms(catalog, model.latest),
                Markup(", the same images as %s") % aliases if aliases else "",
            )
        )
    else:
        lines.append("This repository has no `latest` tag: always name a version.")
    rows = []
    for group in model.tag_groups:
        if not model.is_multi_platform(group.tag):
            continue
        versions = ", ".join(_unique(i.version or "" for i in group.images))
        tags = (
            join([codes(group.floating), join([small("fixed:"), codes(group.fixed)], " ")])
            if group.fixed
            else codes(group.floating)
        )
        rows.append(
            [
                tags,
                join(
                    [
                        f"{_os_names(catalog, group.images)}, version {versions}",
                        small(_platforms(catalog, group.images)),
                    ]
                ),
            ]
        )
    if rows:
        lines += [
            "",
            finished_html(
                html_table(["Tags (floating, then fixed)", "Resolves to"], rows, attributes={"data-tag-resolution": ""})
            ),
        ]
    else:
        lines += ["", "No tag of this repository points to more than one platform image."]
    return "\n".join(str(line) for line in lines) + "\n"


# --- full tag listing --------------------------------------------------------------------------


def _platform_groups(catalog: Catalog, model: RepositoryModel) -> list[tuple[str, str, list[Image]]]:
    """(heading, anchor key, images) for Linux amd64, arm64, arm32, then Windows amd64; empty ones left out."""
    groups = []
    for os in ("linux", "windows"):
        for arch in catalog.platforms.architectures:
            images = sorted(
                (i for i in model.images if i.os == os and i.architecture == arch.architecture),
                key=catalog.order.image_key,
            )
            if images:
                groups.append((f"{OS_LABELS[os]} {arch.name}", f"{os}-{arch.architecture}", images))
    return groups


def _row_attributes(image: Image) -> dict[str, str]:
    return {
        "data-channel": image.channel or "",
        "data-os": f"{image.distro} {image.os_version}",
        "data-arch": image.architecture,
        "data-variant": " ".join(image.variants) or "none",
    }


def _tags_cell(image: Image) -> Markup:
    if not image.shared_tags:
        return codes(image.platform_tags)
    shared = join([small("multi-platform:"), codes(image.shared_tags)], " ")
    return join([codes(image.platform_tags), shared]) if image.platform_tags else shared


def _image_cell(catalog: Catalog, image: Image) -> Markup:
    """OS, version, what the registry published (pull size, build date, digest) or else the recorded
    size, and the Dockerfile link, stacked so the table stays narrow."""
    facts = [f"version {image.version}"] if image.version else []
    published = image.registry
    if published:
        facts += [f"pull {size_text(published.pull_size)}", f"built {published.created}"]
    elif image.size_bytes:
        facts += [size_text(image.size_bytes)]
    parts = [catalog.os_name(image), small(" · ".join(facts))]
    if published:
        parts.append(digest_reference(image.repository, published.digest))
    parts.append(Markup('<a href="%s">Dockerfile</a>') % image.dockerfile_url)
    return join(parts)


def _listing_table(catalog: Catalog, images: list[Image]) -> str:
    rows = [[_tags_cell(image), _image_cell(catalog, image)] for image in images]
    return html_table(["Tags", "Image"], rows, [_row_attributes(i) for i in images], {"data-tag-rows": ""})


def _filter_options(catalog: Catalog, model: RepositoryModel) -> dict:
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
    present = {i.architecture for i in images}
    variants = {v for i in images for v in i.variants}
    return {
        "repo": model.info.slug,
        "channels": [(c, catalog.product(c)) for c in model.channels],
        "os_groups": os_groups,
        "arches": [(a.architecture, a.name) for a in catalog.platforms.architectures if a.architecture in present],
        "variants": [v for v in VARIANTS if v in variants],
        "total": len(images),
    }


def render_tag_filter(catalog: Catalog, repo: str) -> str:
    """The filter form (hidden until the script reveals it); its choices come from the catalog."""
    html = render_template("tag-filter.html", **_filter_options(catalog, catalog.repository(repo)))
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"


def render_tag_listing(catalog: Catalog, repo: str, finished_html: Callable[[str], str] = lambda html: html) -> str:
    """Every tag, one row per platform image, grouped by OS and architecture, with the filter above.

    `finished_html` receives the filter form and each table; the macro passes one that lets them skip Markdown.
    """
    model = catalog.repository(repo)
    with_size = any(i.size_bytes for i in model.images)
    parts = [finished_html(render_tag_filter(catalog, repo))]
    if with_size:
        parts.append(f"<small>Sizes: {SIZE_CAVEAT}</small>\n")
    for heading, key, images in _platform_groups(catalog, model):
        parts.append(
            f'<div class="tag-group" data-tag-group="{key}" markdown>\n\n### {heading}\n\n'
            + finished_html(_listing_table(catalog, images))
            + "\n</div>\n"
        )
    return "\n".join(parts)


# --- index and lifecycle pages -----------------------------------------------------------------


def render_image_index(catalog: Catalog) -> str:
    """One row per repository: link, what it is for, channels, tag count and what `latest` is."""
    rows = []
    for model in catalog.repositories:
        latest = _os_names(catalog, model.latest) if model.latest else Markup("no <code>latest</code> tag")
        channels = ", ".join(model.channels) or "own versions"
        rows.append(
            [
                join([md_link(f"{model.info.slug}.md", model.info.repository), small(model.info.title)]),
                model.info.purpose,
                channels,
                f"{len(model.images_by_tag):,}",
                latest,
            ]
        )
    return markdown_table(
        ["Repository", "What it is for", "Channels", "Tags", Markup("<code>latest</code> runs on")], rows
    )


def render_lifecycle(catalog: Catalog) -> str:
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
                channel.ga.isoformat() if channel.ga else "not yet",
                channel.eol.isoformat() if channel.eol else "not announced",
                _status_badge(catalog, channel.channel),
                join(carriers) if carriers else "no images in the catalog",
            ]
        )
    table = markdown_table(
        ["Channel", "Release type", "GA", "End of life", "Status", "Repositories and main tag"], rows
    )
    notes = [f"- **{text(c.title)}:** {prose(c.note)}" for c in catalog.lifecycle.channels if c.note]
    return (
        table
        + "\n"
        + "\n".join(notes)
        + ("\n" if notes else "")
        + f"\n<small>Status computed for {build_date(catalog.today)}.</small>\n"
    )

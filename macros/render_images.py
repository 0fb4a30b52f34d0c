"""Pure renderers for the repository pages: model in, Markdown/HTML out (no MkDocs, no I/O)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable
from functools import lru_cache, wraps
from pathlib import Path

import jinja2
from markupsafe import Markup

from .model import Catalog, Image, RepositoryModel, version_key
from .render_guide import SIZE_CAVEAT
from .render_home import render_build_date
from .render_table import code, codes, html_table, join, markdown_table, md_link, small

TEMPLATES = Path(__file__).resolve().parent / "templates"
OS_LABELS = {"linux": "Linux", "windows": "Windows"}
_VARIANT_ORDER = ("chiseled", "distroless", "composite", "extra", "aot")


# --- derived facts -----------------------------------------------------------------------------

@dataclass(frozen=True)
class TagGroup:
    """Tags that all point to the same platform images (one manifest list, or one Windows image)."""

    images: tuple[Image, ...]
    floating: tuple[str, ...]
    fixed: tuple[str, ...]

    @property
    def tag(self) -> str:
        """The tag to show for the group: its shortest floating tag other than `latest`."""
        named = [t for t in self.floating if t != "latest"] or list(self.floating) or list(self.fixed)
        return min(named, key=lambda t: (len(t), t))

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(t for t in self.floating if t != self.tag)

    @property
    def channel(self) -> str | None:
        return self.images[0].channel


def size_text(size_bytes: int) -> str:
    return f"≈\u00a0{size_bytes / 1_000_000:,.0f}\u00a0MB"  # no-break spaces: the figure never wraps


def _os_order(catalog: Catalog) -> dict[str, int]:
    return {o.os_version: n for n, o in enumerate(catalog.platforms.os_versions)}


def _image_order(catalog: Catalog):
    """Newest channel first, then distro order of platforms.yml, newest OS version, fewest variants."""
    os_order = _os_order(catalog)
    distros = {d.distro: n for n, d in enumerate(catalog.platforms.distros)}
    arches = {a.architecture: n for n, a in enumerate(catalog.platforms.architectures)}

    def key(image: Image):
        channel = tuple(-p for p in version_key(image.channel or image.version or "0"))
        variants = tuple(_VARIANT_ORDER.index(v) for v in image.variants)
        return (channel, distros.get(image.distro, 99), -os_order.get(image.os_version, 0),
                len(variants), variants, arches.get(image.architecture, 9), image.dockerfile)
    return key


def _per_model(function):
    """Memoise a function of (catalog, model, *args) for the catalog of the build, by model identity.

    The catalog and its models are immutable and load_catalog hands out the same objects for the
    whole build, while hashing them by value would walk every image. Several macros on several
    pages ask for the same groups (the lifecycle table alone asks for every repository and channel).
    Only the latest catalog is kept: another one (a reload, a test fixture) starts a fresh cache.
    """
    cache: dict = {}
    current: list = [None]

    @wraps(function)
    def cached(catalog: Catalog, model: RepositoryModel, *args):
        if current[0] is not catalog:
            cache.clear()
            current[0] = catalog
        key = (id(model), args)  # the entry keeps the model alive, so its id stays its own
        if key not in cache:
            cache[key] = (model, function(catalog, model, *args))
        return cache[key][1]
    return cached


@_per_model
def tag_groups(catalog: Catalog, model: RepositoryModel) -> tuple[TagGroup, ...]:
    """Every multi-platform tag, and every Windows tag, grouped by the images it points to."""
    position = {id(image): n for n, image in enumerate(model.images)}
    found: dict[tuple[int, ...], list[str]] = {}
    for tag, images in model.images_by_tag.items():
        if model.is_multi_platform(tag) or all(i.os == "windows" for i in images):
            found.setdefault(tuple(sorted(position[id(i)] for i in images)), []).append(tag)
    order = _image_order(catalog)
    groups = []
    for key, tags in found.items():
        images = tuple(sorted((model.images[n] for n in key), key=order))
        floating = tuple(sorted((t for t in tags if model.is_floating(t)), key=lambda t: (len(t), t)))
        fixed = tuple(sorted((t for t in tags if not model.is_floating(t)), key=lambda t: (len(t), t)))
        groups.append(TagGroup(images, floating, fixed))
    return tuple(sorted(groups, key=lambda g: (order(g.images[0]), len(g.images), g.tag)))


def _default_images(model: RepositoryModel, channel: str | None) -> tuple[Image, ...]:
    """What the plain channel tag (or, without one, `latest`) points to."""
    if channel and model.has_tag(channel):
        return model.resolve(channel)
    return tuple(i for i in model.latest if i.channel == channel)


@_per_model
def featured_groups(catalog: Catalog, model: RepositoryModel, channel: str | None) -> tuple[TagGroup, ...]:
    """The floating tags worth featuring for one channel: one per OS family and variant set.

    Within a family the default OS version wins (noble for .NET 10, so `10.0-noble-chiseled`
    rather than a newer Ubuntu's), else the newest; a manifest list beats a tag for one of its images.
    """
    os_order = _os_order(catalog)
    default = _default_images(model, channel)
    default_os = {i.os_version for i in default}
    flavours: dict[tuple, list[TagGroup]] = {}
    for group in tag_groups(catalog, model):
        if group.channel != channel or not group.floating:
            continue
        first = group.images[0]
        flavour = (first.os, frozenset(i.distro for i in group.images), first.variants)
        flavours.setdefault(flavour, []).append(group)

    def rank(group: TagGroup) -> int:
        return max(os_order.get(i.os_version, 0) for i in group.images)

    featured = []
    for groups in flavours.values():
        preferred = [g for g in groups if {i.os_version for i in g.images} & default_os]
        best = max(rank(g) for g in preferred or groups)
        kept = [g for g in (preferred or groups) if rank(g) == best]
        sets = [set(map(id, g.images)) for g in kept]
        featured += [g for g, s in zip(kept, sets) if not any(s < other for other in sets)]
    default_ids = {id(i) for i in default}
    order = _image_order(catalog)
    return tuple(sorted(featured, key=lambda g: (not ({id(i) for i in g.images} & default_ids), order(g.images[0]), g.tag)))


def channels_of(model: RepositoryModel) -> tuple[str | None, ...]:
    """The repository's channels, newest first; (None,) for appliances without a .NET channel."""
    return model.channels or (None,)


def _unique(values) -> list:
    return list(dict.fromkeys(values))


def _os_names(catalog: Catalog, images) -> str:
    return ", ".join(_unique(catalog.os_name(i) for i in images))


def _platforms(catalog: Catalog, images) -> str:
    """Platforms as `docker --platform` spells them without the OS: "amd64, arm64, arm/v7"."""
    return ", ".join(_unique(catalog.architectures[i.architecture].docker_platform.split("/", 1)[1] for i in images))


def _variant_label(variants) -> str:
    return " + ".join(variants) if variants else "default"


def _product(catalog: Catalog, channel: str) -> str:
    known = catalog.channels.get(channel)
    return f"{known.product if known else '.NET'} {channel}"


# --- overview ----------------------------------------------------------------------------------

def pull_tag(catalog: Catalog, model: RepositoryModel) -> str:
    """The tag of the pull example: the main floating tag of the newest channel in support, else `latest`."""
    for channel in model.channels:
        known = catalog.channels.get(channel)
        if known and known.in_support:
            groups = featured_groups(catalog, model, channel)
            if groups:
                return groups[0].tag
    if model.has_tag("latest"):
        return "latest"
    groups = featured_groups(catalog, model, channels_of(model)[0])
    return groups[0].tag if groups else model.images[0].tags[0]


def render_overview(catalog: Catalog, repo: str) -> str:
    """What the repository is for and holds, when to use it or not, and a pull command."""
    model = catalog.repository(repo)
    info = model.info
    related = ", ".join(f"[`{r}`]({catalog.repository(r).info.slug}.md)" for r in info.related)
    lines = [
        f"**{info.purpose}**", "",
        f"**Image name:** `{info.image_name}`", "",
        f"**What is inside:** {info.inside}", "",
        "**Use it for:**", "",
        *[f"- {item}" for item in info.use_when], "",
        "**Not for:**", "",
        *[f"- {item}" for item in info.avoid_when], "",
    ]
    if related:
        lines += [f"**Related images:** {related}", ""]
    lines += ["```sh", f"docker pull {info.image_name}:{pull_tag(catalog, model)}", "```", ""]
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
        tag = join([code(group.tag), small(Markup("same as %s") % join(map(code, aliases), ", "))]) if aliases \
            else code(group.tag)
        rows.append([tag, _variant_label(group.images[0].variants), _resolves_to(catalog, group.images)])
    return html_table(["Tag", "Variant", "Resolves to"], rows, attributes={"data-tag-featured": ""})


def _channel_title(catalog: Catalog, channel: str | None, model: RepositoryModel) -> str:
    if channel is None:
        return f"Version {model.images[0].version}" if model.images[0].version else "All tags"
    known = catalog.channels.get(channel)
    return f"{_product(catalog, channel)} ({known.release_label})" if known else _product(catalog, channel)


def render_featured_tags(catalog: Catalog, repo: str, finished_html: Callable[[str], str] = lambda html: html) -> str:
    """For each channel, one tab: the floating tags per OS and variant, with what they resolve to.

    `finished_html` receives each table; the macro passes one that lets it skip Markdown.
    """
    model = catalog.repository(repo)
    channels = channels_of(model)
    supported = [c for c in channels if c and c in catalog.channels and catalog.channels[c].in_support]
    selected = supported[0] if supported else channels[0]
    parts = []
    for channel in channels:
        groups = featured_groups(catalog, model, channel)
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
    date = render_build_date(catalog)
    if model.info.lifecycle == "own" or not model.channels:
        newest = model.images[0].version
        return (f"These images have their own update policy rather than a .NET support lifecycle: only the "
                f"newest version (today {newest}) gets fixes, so use the newest tag.\n\n"
                f"<small>Checked against the catalog as of {date}.</small>\n")
    rows = []
    for channel in model.channels:
        known = catalog.channel(channel)
        rows.append([_product(catalog, channel), known.release_label, known.ga.isoformat() if known.ga else "not yet",
                     known.eol.isoformat() if known.eol else "not announced", _status_badge(catalog, channel)])
    table = markdown_table(["Channel", "Release type", "GA", "End of life", "Status"], rows)
    return table + f"\n<small>Status computed for {date}. See the [lifecycle page](lifecycle.md) for every channel.</small>\n"


# --- multi-platform and floating tags ----------------------------------------------------------

def render_tag_resolution(catalog: Catalog, repo: str, finished_html: Callable[[str], str] = lambda html: html) -> str:
    """What `latest` is, and every multi-platform tag with the images it resolves to.

    `finished_html` receives the table; the macro passes one that lets it skip Markdown.
    """
    model = catalog.repository(repo)
    lines = []
    if model.latest:
        same = [g for g in tag_groups(catalog, model) if "latest" in g.floating]
        aliases = join((code(t) for t in same[0].floating if t != "latest"), ", ") if same else ""
        versions = ", ".join(_unique(i.version or "" for i in model.latest))
        lines.append(Markup("<code>latest</code> points to %s (version %s) for %s%s.") % (
            _os_names(catalog, model.latest), versions, _platforms(catalog, model.latest),
            Markup(", the same images as %s") % aliases if aliases else ""))
    else:
        lines.append("This repository has no `latest` tag: always name a version.")
    rows, attributes = [], []
    for group in tag_groups(catalog, model):
        if not model.is_multi_platform(group.tag):
            continue
        versions = ", ".join(_unique(i.version or "" for i in group.images))
        tags = join([codes(group.floating), join([small("fixed:"), codes(group.fixed)], " ")]) if group.fixed \
            else codes(group.floating)
        rows.append([tags, join([f"{_os_names(catalog, group.images)}, version {versions}",
                                 small(_platforms(catalog, group.images))])])
    if rows:
        lines += ["", finished_html(html_table(["Tags (floating, then fixed)", "Resolves to"], rows,
                                               attributes={"data-tag-resolution": ""}))]
    else:
        lines += ["", "No tag of this repository points to more than one platform image."]
    return "\n".join(str(line) for line in lines) + "\n"


# --- full tag listing --------------------------------------------------------------------------

def _platform_groups(catalog: Catalog, model: RepositoryModel) -> list[tuple[str, str, list[Image]]]:
    """(heading, anchor key, images) for Linux amd64, arm64, arm32, then Windows amd64; empty ones left out."""
    order = _image_order(catalog)
    groups = []
    for os in ("linux", "windows"):
        for arch in catalog.platforms.architectures:
            images = sorted((i for i in model.images if i.os == os and i.architecture == arch.architecture), key=order)
            if images:
                groups.append((f"{OS_LABELS[os]} {arch.name}", f"{os}-{arch.architecture}", images))
    return groups


def _row_attributes(image: Image) -> dict[str, str]:
    return {"data-channel": image.channel or "", "data-os": f"{image.distro} {image.os_version}",
            "data-arch": image.architecture, "data-variant": " ".join(image.variants) or "none"}


def _tags_cell(image: Image) -> Markup:
    if not image.shared_tags:
        return codes(image.platform_tags)
    shared = join([small("multi-platform:"), codes(image.shared_tags)], " ")
    return join([codes(image.platform_tags), shared]) if image.platform_tags else shared


def _image_cell(catalog: Catalog, image: Image) -> Markup:
    """OS, version, size when recorded, and the Dockerfile link, stacked so the table stays narrow."""
    facts = [f"version {image.version}"] if image.version else []
    facts += [size_text(image.size_bytes)] if image.size_bytes else []
    return join([catalog.os_name(image), small(" · ".join(facts)),
                 Markup('<a href="%s">Dockerfile</a>') % image.dockerfile_url])


def _listing_table(catalog: Catalog, images: list[Image]) -> str:
    rows = [[_tags_cell(image), _image_cell(catalog, image)] for image in images]
    return html_table(["Tags", "Image"], rows, [_row_attributes(i) for i in images], {"data-tag-rows": ""})


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def _filter_options(catalog: Catalog, model: RepositoryModel) -> dict:
    images = model.images
    os_order = _os_order(catalog)
    os_groups = []
    for distro in catalog.platforms.distros:
        versions = sorted({i.os_version for i in images if i.distro == distro.distro}, key=lambda v: -os_order[v])
        if versions:
            os_groups.append({"value": distro.distro, "label": distro.name,
                              "versions": [(v, catalog.os_versions[v].name) for v in versions]})
    present = {i.architecture for i in images}
    variants = {v for i in images for v in i.variants}
    return {
        "repo": model.info.slug,
        "channels": [(c, _product(catalog, c)) for c in model.channels],
        "os_groups": os_groups,
        "arches": [(a.architecture, a.name) for a in catalog.platforms.architectures if a.architecture in present],
        "variants": [v for v in _VARIANT_ORDER if v in variants],
        "total": len(images),
    }


def render_tag_filter(catalog: Catalog, repo: str) -> str:
    """The filter form (hidden until the script reveals it); its choices come from the catalog."""
    html = _templates().get_template("tag-filter.html").render(**_filter_options(catalog, catalog.repository(repo)))
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
        parts.append(f'<div class="tag-group" data-tag-group="{key}" markdown>\n\n### {heading}\n\n'
                     + finished_html(_listing_table(catalog, images)) + "\n</div>\n")
    return "\n".join(parts)


# --- index and lifecycle pages -----------------------------------------------------------------

def render_image_index(catalog: Catalog) -> str:
    """One row per repository: link, what it is for, channels, tag count and what `latest` is."""
    rows = []
    for model in catalog.repositories:
        latest = _os_names(catalog, model.latest) if model.latest else "no `latest` tag"
        channels = ", ".join(model.channels) or "own versions"
        rows.append([join([md_link(f"{model.info.slug}.md", model.info.repository), small(model.info.title)]),
                     model.info.purpose, channels, f"{len(model.images_by_tag):,}", latest])
    return markdown_table(["Repository", "What it is for", "Channels", "Tags", "`latest` runs on"], rows)


def render_lifecycle(catalog: Catalog) -> str:
    """Every channel with release type, dates and status, and the repositories and tags that carry it."""
    rows = []
    for channel in catalog.lifecycle.channels:
        carriers = []
        for model in catalog.repositories:
            if channel.channel in model.channels and model.info.lifecycle == "channel":
                groups = featured_groups(catalog, model, channel.channel)
                tag = code(groups[0].tag) if groups else ""
                carriers.append(join([md_link(f"{model.info.slug}.md", model.info.repository), tag], " "))
        rows.append([f"{channel.product} {channel.channel}", channel.release_label,
                     channel.ga.isoformat() if channel.ga else "not yet",
                     channel.eol.isoformat() if channel.eol else "not announced",
                     _status_badge(catalog, channel.channel), join(carriers) if carriers else "no images in the catalog"])
    table = markdown_table(["Channel", "Release type", "GA", "End of life", "Status", "Repositories and main tag"], rows)
    notes = [f"- **{c.product} {c.channel}:** {c.note}" for c in catalog.lifecycle.channels if c.note]
    return table + "\n" + "\n".join(notes) + ("\n" if notes else "") + \
        f"\n<small>Status computed for {render_build_date(catalog)}.</small>\n"

"""Pure renderers for the guide pages: model in, text or Markdown out (no MkDocs, no I/O)."""
from __future__ import annotations

from .guard import MacroArgumentError
from .model import REGISTRY, Catalog, Image, RepositoryModel, version_key

# The one place the size caveat is worded; every size figure on the site carries it.
SIZE_CAVEAT = (
    "Approximate uncompressed sizes on x64, from the size baselines dotnet-docker kept until "
    "May 2025 (the last recorded values, mapped to today's images). A registry transfers compressed "
    "layers, and only those it does not already have, so a pull is usually much smaller."
)
_VARIANT_WORDS = ("chiseled", "distroless", "extra", "composite", "aot")


def cell(text: str) -> str:
    """One Markdown table cell: pipes escaped, no line breaks."""
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# --- references ------------------------------------------------------------------------------

def render_image_ref(catalog: Catalog, repo: str, tag: str) -> str:
    """`mcr.microsoft.com/dotnet/<repo>:<tag>`, only for a tag the catalog documents."""
    model = catalog.repository(repo)
    if not model.has_tag(tag):
        near = sorted(t for t in model.images_by_tag if t.split("-")[0] == tag.split("-")[0])[:8]
        hint = ", ".join(near) if near else ", ".join(list(model.images_by_tag)[:8])
        raise MacroArgumentError(f"tag '{tag}' is not in the catalog of {model.info.repository} (expected one of: {hint}, ...)")
    return f"{REGISTRY}/{model.info.repository}:{tag}"


def current_channel(catalog: Catalog, repo: str = "sdk") -> str:
    """The newest .NET channel that is in support today and has images in `repo`."""
    model = catalog.repository(repo)
    for channel in model.channels:
        if channel in catalog.channels and catalog.channels[channel].in_support:
            return channel
    raise MacroArgumentError(f"{model.info.repository} has no channel in support on {catalog.today} "
                             f"(expected one of: {', '.join(model.channels) or 'none'})")


def _variants(variant: str) -> frozenset[str]:
    words = frozenset(w for w in variant.replace(",", " ").replace("-", " ").split() if w)
    unknown = sorted(words - set(_VARIANT_WORDS))
    if unknown:
        raise MacroArgumentError(f"unknown variant '{' '.join(unknown)}' (expected one of: {', '.join(_VARIANT_WORDS)})")
    return words


def _os_order(catalog: Catalog) -> dict[str, int]:
    return {o.os_version: n for n, o in enumerate(catalog.platforms.os_versions)}


def default_os_version(catalog: Catalog, repo: str = "aspnet", channel: str | None = None) -> str:
    """The OS version the plain `<channel>` tag resolves to (e.g. noble for .NET 10)."""
    model = catalog.repository(repo)
    channel = channel or current_channel(catalog, repo)
    images = model.resolve(channel)
    if not images:
        raise MacroArgumentError(f"{model.info.repository} has no plain '{channel}' tag (expected a channel like {', '.join(model.channels)})")
    return images[0].os_version


def _candidates(catalog: Catalog, model: RepositoryModel, channel: str, variants: frozenset[str], os: str) -> list[Image]:
    images = [i for i in model.images if i.channel == channel and frozenset(i.variants) == variants]
    if os:
        if os in catalog.distros:
            images = [i for i in images if i.distro == os]
        else:
            images = [i for i in images if i.os_version == os]
    else:
        default = model.resolve(channel) or model.resolve(f"{channel}-preview")
        default_os = default[0].os_version if default else ""
        linux = [i for i in images if i.os == "linux"]
        pool = linux or images  # .NET Framework has only Windows images
        preferred = [i for i in pool if i.os_version == default_os]
        images = preferred or pool
    order = _os_order(catalog)
    # Newest OS version first (platforms.yml lists them oldest first within a distro), then x64.
    arch = {"amd64": 0, "arm64v8": 1, "arm32v7": 2}
    return sorted(images, key=lambda i: (-order.get(i.os_version, 0), arch.get(i.architecture, 9)))


def render_current_tag(catalog: Catalog, repo: str, variant: str = "", os: str = "", fixed: bool = False,
                       channel: str = "", arch: str = "") -> str:
    """The tag an example should use today: newest supported channel, the default OS unless `os` names
    a distro (alpine) or OS version (nanoserver-ltsc2025), the variants asked for; floating unless `fixed`."""
    model = catalog.repository(repo)
    channel = channel or current_channel(catalog, repo)
    if channel not in model.channels:
        raise MacroArgumentError(f"{model.info.repository} has no channel '{channel}' (expected one of: {', '.join(model.channels)})")
    if os and os not in catalog.distros and os not in catalog.os_versions:
        raise MacroArgumentError(f"unknown os '{os}' (expected a distro or OS version: "
                                 f"{', '.join(list(catalog.distros) + list(catalog.os_versions))})")
    wanted = _variants(variant)
    images = _candidates(catalog, model, channel, wanted, os)
    if not images:
        raise MacroArgumentError(f"{model.info.repository} has no {channel} image with variant '{variant or 'none'}'"
                                 f"{' on ' + os if os else ''} (expected a combination listed on its repository page)")
    image = images[0]

    def pick(pool):
        return [t for t in pool if t != "latest" and image.is_fixed(t) == fixed]

    if arch:  # an architecture-specific tag: the platform tags of that architecture's image
        if arch not in catalog.architectures:
            raise MacroArgumentError(f"unknown arch '{arch}' (expected one of: {', '.join(catalog.architectures)})")
        matching = [i for i in images if i.architecture == arch and i.os_version == image.os_version]
        if not matching:
            raise MacroArgumentError(f"{model.info.repository} {channel} has no {arch} image on {image.os_version}")
        tags = pick(matching[0].platform_tags)
    else:  # multi-platform tags first; .NET Framework datestamps exist only per Windows version
        shared, platform = pick(image.shared_tags), pick(image.platform_tags)
        tags = shared or platform
        if os:  # the reader asked for an OS: keep it visible in the tag
            tags = [t for t in shared + platform if os in t or image.os_version in t] or tags
    if not tags:
        raise MacroArgumentError(f"no {'fixed' if fixed else 'floating'} tag for {model.info.repository} {channel} "
                                 f"'{variant}' (expected fixed=true or fixed=false to match a tag)")
    return min(tags, key=lambda t: (len(t), t))


def render_current_ref(catalog: Catalog, repo: str, variant: str = "", os: str = "", fixed: bool = False,
                       channel: str = "", arch: str = "") -> str:
    tag = render_current_tag(catalog, repo, variant, os, fixed, channel, arch)
    return f"{REGISTRY}/{catalog.repository(repo).info.repository}:{tag}"


# --- tables ----------------------------------------------------------------------------------

def breakable_code(text: str, at_hyphens: bool = False) -> str:
    """Inline code that may wrap after `/` and before `:` (long references on narrow screens)."""
    text = text.replace("/", "/<wbr>").replace(":", "<wbr>:")
    return "<code>" + (text.replace("-", "-<wbr>") if at_hyphens else text) + "</code>"


def repo_link(model: RepositoryModel, prefix: str = "../", breakable: bool = False) -> str:
    name = breakable_code(model.info.repository) if breakable else f"`{model.info.repository}`"
    return f"[{name}]({prefix}images/{model.info.slug}.md)"


def _example_ref(catalog: Catalog, model: RepositoryModel) -> str:
    """A current reference for any repository: the supported channel's default tag, else `latest`."""
    try:
        return render_current_ref(catalog, model.info.slug)
    except MacroArgumentError:
        pass
    for tag in ("latest", *model.images_by_tag):
        if model.has_tag(tag):
            return f"{REGISTRY}/{model.info.repository}:{tag}"
    return model.info.image_name


def render_short_answer(catalog: Catalog, prefix: str = "") -> str:
    """"I want to ... -> this image": one row per repository, its use cases from repositories.yml."""
    rows = []
    for model in catalog.repositories:
        wants = "<br>".join(model.info.use_when)
        use = f"{repo_link(model, prefix, breakable=True)} <small>{model.info.title}</small><br>{breakable_code(_example_ref(catalog, model))}"
        rows.append([wants, use])
    return '<div class="guide-short-answer" markdown>\n\n' + table(["When you need it for …", "Use, with a reference for today"], rows) + "\n</div>\n"


def _size_mb(size: int) -> str:
    if size >= 1_000_000_000:
        return f"≈ {size / 1_000_000_000:,.1f} GB"
    return f"≈ {size / 1_000_000:,.0f} MB"


def _variant_label(image: Image) -> str:
    return " + ".join(image.variants) if image.variants else "(default)"


def render_size_of(catalog: Catalog, repo: str, tag: str) -> str:
    """"≈ 217 MB" for the x64 image behind a tag (raises when no size was recorded)."""
    model = catalog.repository(repo)
    render_image_ref(catalog, repo, tag)
    images = [i for i in model.resolve(tag) if i.architecture == "amd64" and i.size_bytes]
    if not images:
        raise MacroArgumentError(f"no recorded size for {model.info.repository}:{tag} on x64 "
                                 f"(expected a Linux or Windows tag of .NET 8 to 10 with size data)")
    return _size_mb(images[0].size_bytes)


def render_image_sizes(catalog: Catalog, repo: str, channel: str = "") -> str:
    """Every x64 image of one repository and channel with a recorded size, smallest first, with the caveat."""
    model = catalog.repository(repo)
    channel = channel or current_channel(catalog, repo)
    images = [i for i in model.images if i.channel == channel and i.architecture == "amd64" and i.size_bytes]
    if not images:
        raise MacroArgumentError(f"no recorded sizes for {model.info.repository} {channel} "
                                 f"(expected one of: {', '.join(model.channels)})")
    rows = []
    for image in sorted(images, key=lambda i: (i.size_bytes, i.os_version)):
        tag = min((t for t in image.shared_tags or image.platform_tags if not image.is_fixed(t)), key=len,
                  default=image.tags[0])
        rows.append([breakable_code(tag, at_hyphens=True), catalog.os_name(image), _size_mb(image.size_bytes)])
    return ('<div class="guide-sizes" markdown>\n\n' + table(["Tag", "OS", "Size"], rows)
            + f"\n</div>\n\n<small>{SIZE_CAVEAT}</small>\n")


def render_layer_stack(catalog: Catalog, channel: str = "") -> str:
    """runtime-deps -> runtime -> aspnet -> sdk on the default OS, each with what it adds on top."""
    channel = channel or current_channel(catalog, "aspnet")
    rows, below = [], 0
    for slug, parent in (("runtime-deps", ""), ("runtime", "runtime-deps"), ("aspnet", "runtime"), ("sdk", "aspnet")):
        model = catalog.repository(slug)
        tag = render_current_tag(catalog, slug, channel=channel)
        size = render_size_of(catalog, slug, tag)
        total = [i for i in model.resolve(tag) if i.architecture == "amd64"][0].size_bytes
        added = "the first layers" if not parent else f"+ {_size_mb(total - below).removeprefix('≈ ')}"
        rows.append([f"`{model.info.repository}:{tag}`", f"`{parent}`" if parent else "the OS image", added, size])
        below = total
    return table(["Image", "Built on", "Adds", "Total size"], rows) + f"\n<small>{SIZE_CAVEAT}</small>\n"


def render_channel_status(catalog: Catalog, channel: str) -> str:
    """`.NET 10.0 (LTS): In support until 2028-11-14` for prose."""
    c = catalog.channel(channel)
    return f"{c.product} {c.channel} ({c.release_label}): {c.status_label}"


def render_os_name(catalog: Catalog, os_version: str) -> str:
    if os_version not in catalog.os_versions:
        raise MacroArgumentError(f"unknown OS version '{os_version}' (expected one of: {', '.join(catalog.os_versions)})")
    return catalog.os_versions[os_version].name


def render_os_names(catalog: Catalog, repo: str, channel: str = "") -> str:
    """The OS versions one repository offers for a channel, in platforms.yml order, as display names."""
    model = catalog.repository(repo)
    channel = channel or current_channel(catalog, repo)
    found = {i.os_version for i in model.images if i.channel == channel}
    if not found:
        raise MacroArgumentError(f"{model.info.repository} has no channel '{channel}' (expected one of: {', '.join(model.channels)})")
    return ", ".join(o.name for o in catalog.platforms.os_versions if o.os_version in found)


def render_latest(catalog: Catalog, repo: str) -> str:
    """What `latest` points to: "4.8 on Windows Server Core 2016, Windows Server Core 2019"."""
    model = catalog.repository(repo)
    images = model.latest
    if not images:
        raise MacroArgumentError(f"{model.info.repository} has no 'latest' tag (expected a repository that has one)")
    versions = sorted({i.version or i.channel or "" for i in images}, key=version_key)
    names = [o.name for o in catalog.platforms.os_versions if o.os_version in {i.os_version for i in images}]
    return f"{', '.join(versions)} on {', '.join(names)}"


def render_catalog_sources(catalog: Catalog) -> str:
    """Where each repository's tags and the lifecycle dates come from: upstream file and commit."""
    rows = []
    for model in catalog.repositories:
        src = model.source
        url = f"https://github.com/{src.repository}/blob/{src.commit}/{src.manifest}"
        rows.append([repo_link(model), f"[{src.repository} `{src.manifest}`]({url})", f"`{src.commit[:7]}`"])
    for source in catalog.lifecycle.sources:
        rows.append(["lifecycle dates" if "release" in source.url else ".NET Framework lifecycle",
                     f"[{source.name}]({source.url})", f"`{source.commit[:7]}`"])
    return table(["Data", "Upstream file", "Commit"], rows)


def newest_channels(catalog: Catalog) -> list[str]:
    return sorted(catalog.channels, key=version_key, reverse=True)


def _source_link(source: str) -> str:
    repo, number = source.split("#")
    return f"[{source}](https://github.com/{repo}/issues/{number})"


def render_legacy_names(catalog: Catalog, legacy, prefix: str = "../") -> str:
    """The legacy names table: old name with its tags, each move with its date and the reason, today's repositories."""
    rows = []
    for entry in legacy.legacy:
        tags = ", ".join(f"`{t}`" for t in entry.example_tags)
        name = f"{breakable_code(entry.name)}<br><small>{entry.registry}, {entry.used}<br>tags such as {tags}</small>"
        moves = "<br>".join(f"**{m.when}** → {breakable_code(m.to)}" for m in entry.moves)
        sources = " (" + ", ".join(_source_link(s) for s in entry.sources) + ")" if entry.sources else ""
        history = f"{moves}<br><small>{entry.why}{sources}</small>"
        today = "<br>".join(repo_link(catalog.repository(r), prefix, breakable=True) for r in entry.today) or entry.today_note
        rows.append([name, history, today])
    return '<div class="guide-legacy" markdown>\n\n' + table(["Old name", "When it moved, and why", "Use today"], rows) + "\n</div>\n"

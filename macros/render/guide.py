"""Renderers for the guide pages: the short answer, names and sources (sizes and layers: layers.py)."""

from __future__ import annotations

from markupsafe import Markup

from ..data.errors import UnknownValueError
from ..model.catalog import Catalog, RepositoryModel
from ..model.current import current_channel, example_reference
from ..model.messages import Messages
from ..model.order import version_key
from .html import breakable_code, code, join, markdown_table, md_link, small
from .status import status_label


def repo_link(model: RepositoryModel, prefix: str = "../", breakable: bool = False) -> Markup:
    """A Markdown link to the repository's page (MkDocs checks it), its name as code."""
    name = breakable_code(model.info.repository) if breakable else code(model.info.repository)
    return md_link(f"{prefix}images/{model.info.slug}.md", name)


def render_short_answer(catalog: Catalog, t: Messages, prefix: str = "") -> str:
    """ "I want to ... -> this image": one row per repository, its use cases from repositories.yml."""
    rows = []
    for model in catalog.repositories:
        use = join(
            [
                join([repo_link(model, prefix, breakable=True), small(t.repository_text(model.info, "title"))], " "),
                breakable_code(example_reference(catalog, model)),
            ]
        )
        rows.append([join(t.repository_text(model.info, "use_when")), use])
    return (
        '<div class="guide-short-answer" markdown>\n\n'
        + markdown_table([t.text("guide.short_when"), t.text("guide.short_use")], rows)
        + "\n</div>\n"
    )


def render_channel_status(catalog: Catalog, channel: str, t: Messages) -> str:
    """`.NET 10.0 (LTS): In support until 2028-11-14` for prose."""
    c = catalog.channel(channel)
    return t.text("guide.channel_status", title=c.title, release=c.release_label, status=status_label(c, t))


def render_os_name(catalog: Catalog, os_version: str) -> str:
    if os_version not in catalog.os_versions:
        raise UnknownValueError(
            f"unknown OS version '{os_version}' (expected one of: {', '.join(catalog.os_versions)})"
        )
    return catalog.os_versions[os_version].name


def render_os_names(catalog: Catalog, repo: str, channel: str = "") -> str:
    """The OS versions one repository offers for a channel, in platforms.yml order, as display names."""
    model = catalog.repository(repo)
    channel = channel or current_channel(catalog, repo)
    found = {i.os_version for i in model.images if i.channel == channel}
    if not found:
        raise UnknownValueError(
            f"{model.info.repository} has no channel '{channel}' (expected one of: {', '.join(model.channels)})"
        )
    return ", ".join(o.name for o in catalog.platforms.os_versions if o.os_version in found)


def render_latest(catalog: Catalog, repo: str, t: Messages) -> str:
    """What `latest` points to: "4.8 on Windows Server Core 2016, Windows Server Core 2019"."""
    model = catalog.repository(repo)
    images = model.latest
    if not images:
        raise UnknownValueError(f"{model.info.repository} has no 'latest' tag (expected a repository that has one)")
    versions = sorted({i.version or i.channel or "" for i in images}, key=version_key)
    names = [o.name for o in catalog.platforms.os_versions if o.os_version in {i.os_version for i in images}]
    return t.text("guide.latest", versions=", ".join(versions), names=", ".join(names))


def _commit(repository: str, commit: str | None) -> Markup | str:
    """A commit, abbreviated as git does and linked to its page; a dash for a source that is not a repository."""
    if not commit:
        return "—"
    return md_link(f"https://github.com/{repository}/commit/{commit}", code(commit[:7]))


def _day(day) -> str:
    return day.isoformat() if hasattr(day, "isoformat") else str(day or "—")


def render_catalog_sources(catalog: Catalog, t: Messages) -> str:
    """Where each repository's tags, the digests and the lifecycle dates come from: upstream file, commit (linked)
    and the commit's date, as `make sync` recorded them."""
    rows = []
    for model in catalog.repositories:
        src = model.source
        file = md_link(src.url, join([src.repository, code(src.manifest)], " "))
        rows.append([repo_link(model), file, _commit(src.repository, src.commit), _day(src.date)])
    for model in catalog.repositories:
        if model.registry:  # one row per registry record file is too many: the source is shared
            record = model.registry.source
            url = f"https://github.com/{record.repository}/blob/{record.commit}/{record.file}"
            file = md_link(url, join([record.repository, code(record.file)], " "))
            label = t.text("guide.sources_registry")
            rows.append([label, file, _commit(record.repository, record.commit), _day(record.commit_date)])
            break
    for source in catalog.lifecycle.sources:
        # A commit links to its repository's page: the first two parts of a github.com URL.
        repository = "/".join(source.url.removeprefix("https://github.com/").split("/")[:2])
        commit = _commit(repository, source.commit if source.url.startswith("https://github.com/") else None)
        rows.append([t.text("guide.sources_lifecycle"), md_link(source.url, source.name), commit, _day(source.date)])
    headers = [t.text(f"guide.sources_{k}") for k in ("data", "file", "commit", "date")]
    return markdown_table(headers, rows)

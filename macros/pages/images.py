"""Macros for the repository pages, the images index, the lifecycle page and the catalog API page."""

from __future__ import annotations

from ..render import api, feeds, images, rebuilds
from ..render.html import text
from .passthrough import passthrough
from .source import guide, messages


def _searchable(html: str) -> str:
    return passthrough(html, searchable=True)


def repository_title(repo: str) -> str:
    """The human title of a repository ("ASP.NET Core Runtime")."""
    return str(text(messages().repository_text(guide().catalog.repository(repo).info, "title")))


def repository_overview(repo: str) -> str:
    """What the repository is for and holds, when to use it or not, and a `docker pull` line."""
    return images.render_overview(guide().catalog, repo, messages())


def featured_tags(repo: str) -> str:
    """Per channel: the floating tags by OS and variant, derived from the catalog, each with its recent
    rebuilds from the registry record (kept out of the search index: digests are not what readers search)."""
    catalog = guide().catalog

    def rebuild_list(channel: str | None) -> str:
        html = rebuilds.render_rebuilds(catalog, repo, channel, messages())
        return passthrough(html) if html else ""

    return images.render_featured_tags(catalog, repo, messages(), finished_html=_searchable, after_table=rebuild_list)


def support_status(repo: str) -> str:
    """Support status of each channel of the repository, for the build date."""
    return images.render_support_status(guide().catalog, repo, messages())


def tag_resolution(repo: str) -> str:
    """What `latest` is, and every multi-platform tag with what it resolves to."""
    return images.render_tag_resolution(guide().catalog, repo, messages(), finished_html=passthrough)


def tag_tools(repo: str) -> str:
    """The "show ended" toggle and the tag filter, above the page's tag tables (it filters all of them)."""
    return passthrough(images.render_tag_filter(guide().catalog, repo, messages()))


def goto_tag(repo: str = "") -> str:
    """The "go to tag" box: any tag, reference, old name or digest, to its row (`repo`'s tags first)."""
    repository = guide().catalog.repository(repo).info.repository if repo else ""
    return passthrough(images.render_goto_tag(messages(), repository))


def tag_tables(repo: str) -> str:
    """Every tag, one row per platform image, by OS and architecture."""
    return images.render_tag_listing(guide().catalog, repo, messages(), finished_html=passthrough)


def image_index() -> str:
    """One row per image repository, linking to its page."""
    return images.render_image_index(guide().catalog, messages())


def lifecycle_table() -> str:
    """Every .NET channel with its dates, status and the repositories that carry it."""
    return images.render_lifecycle(guide().catalog, messages())


def catalog_api_url(site_url: str) -> str:
    """The stable address of the machine-readable catalog on the built site."""
    return site_url.rstrip("/") + "/" + api.API_PATH


def feed_links(site_url: str) -> str:
    """Links to the Atom feed of publishes and the end-of-support calendar (pass `config.site_url`)."""
    return feeds.render_feed_links(site_url)


def catalog_api_fields() -> str:
    """The documented keys of api/catalog.json, one table per level."""
    return api.render_api_fields()


def digest_api_fields() -> str:
    """The keys of each entry of api/digests.json, one table."""
    return api.render_digest_fields()


def catalog_api_example(repo: str = "aspnet") -> str:
    """An excerpt of api/catalog.json for one tag of `repo`, pretty-printed."""
    return api.render_api_example(guide().catalog, repo)


MACROS = {
    f.__name__: f
    for f in (
        repository_title,
        repository_overview,
        featured_tags,
        support_status,
        tag_resolution,
        tag_tools,
        goto_tag,
        tag_tables,
        image_index,
        lifecycle_table,
        catalog_api_url,
        feed_links,
        catalog_api_fields,
        catalog_api_example,
        digest_api_fields,
    )
}

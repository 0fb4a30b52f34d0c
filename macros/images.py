"""Macros for the repository pages, the images index, the lifecycle page and the catalog API."""
from __future__ import annotations

from pathlib import Path

from . import render_api, render_images
from .catalog import load_catalog
from .passthrough import passthrough


def _searchable(html: str) -> str:
    return passthrough(html, searchable=True)


def repository_title(repo: str) -> str:
    """The human title of a repository ("ASP.NET Core Runtime")."""
    return load_catalog().repository(repo).info.title


def repository_overview(repo: str) -> str:
    """What the repository is for and holds, when to use it or not, and a `docker pull` line."""
    return render_images.render_overview(load_catalog(), repo)


def featured_tags(repo: str) -> str:
    """Per channel: the floating tags by OS and variant, derived from the catalog."""
    return render_images.render_featured_tags(load_catalog(), repo, finished_html=_searchable)


def support_status(repo: str) -> str:
    """Support status of each channel of the repository, for the build date."""
    return render_images.render_support_status(load_catalog(), repo)


def tag_resolution(repo: str) -> str:
    """What `latest` is, and every multi-platform tag with what it resolves to."""
    return render_images.render_tag_resolution(load_catalog(), repo, finished_html=passthrough)


def tag_tables(repo: str) -> str:
    """The filter and every tag, one row per platform image, by OS and architecture."""
    return render_images.render_tag_listing(load_catalog(), repo, finished_html=passthrough)


def image_index() -> str:
    """One row per image repository, linking to its page."""
    return render_images.render_image_index(load_catalog())


def lifecycle_table() -> str:
    """Every .NET channel with its dates, status and the repositories that carry it."""
    return render_images.render_lifecycle(load_catalog())


def catalog_api_url(site_url: str) -> str:
    """The stable address of the machine-readable catalog on the built site."""
    return site_url.rstrip("/") + "/" + render_api.API_PATH


def catalog_api_fields() -> str:
    """The documented keys of api/catalog.json, one table per level."""
    return render_api.render_api_fields()


def catalog_api_example(repo: str = "aspnet") -> str:
    """An excerpt of api/catalog.json for one tag of `repo`, pretty-printed."""
    return render_api.render_api_example(load_catalog(), repo)


def write_catalog_api(site_dir: str | Path) -> Path:
    """Write api/catalog.json into the built site (called after the build)."""
    target = Path(site_dir) / render_api.API_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_api.render_catalog_json(load_catalog()), encoding="utf-8")
    return target


MACROS = {f.__name__: f for f in (
    repository_title, repository_overview, featured_tags, support_status, tag_resolution, tag_tables,
    image_index, lifecycle_table, catalog_api_url, catalog_api_fields, catalog_api_example,
)}

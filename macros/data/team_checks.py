"""team.yml against the catalog: a mirror that is a registry prefix, approved names the catalog knows,
exceptions that name a documented image and have not expired, links that are only web links.

Each problem names team.yml's line and the entry's path, like the rest of data/.
"""

from __future__ import annotations

import datetime
import re

from ..model.catalog import Catalog
from ..model.order import VARIANTS
from ..model.repositories import REGISTRY
from ..model.team import Team
from .errors import Problems
from .schema import line, replace

# A registry host (optionally with a port) and path, the way Docker reads the front of a reference:
# lowercase, no scheme, no tag or digest, no empty segment, no trailing slash.
MIRROR = re.compile(
    r"(?=.{1,200}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?"
    r"(/[a-z0-9]+([._-][a-z0-9]+)*)*"
)
# A repository path and tag inside a registry: dotnet/aspnet:8.0-bookworm-slim.
IMAGE = re.compile(r"(?P<repository>[a-z0-9]+([._/-][a-z0-9]+)*):(?P<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})")
# Text shown on pages and written into policy files: one line, no control or direction characters.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MAX_TEXT = 300
_SINGULAR = {"repositories": "repository", "channels": "channel", "os": "operating system", "variants": "variant"}


def check_team(team: Team, file: str, catalog: Catalog, today: datetime.date, problems: Problems) -> Team:
    """Record every problem of team.yml; return it with each exception's repository and tag filled in."""

    def add(obj, field: str, path: str, message: str) -> None:
        problems.add(file, line(obj, field), path, message)

    if team.mirror is not None:
        mirror = team.mirror
        if not MIRROR.fullmatch(mirror) or mirror.split("/")[0].split(":")[0].isdigit():
            add(
                team,
                "mirror",
                "mirror",
                f"got {mirror[:80]!r}, expected a registry and path such as "
                "myteam.azurecr.io/mcr (no https://, no tag, lowercase)",
            )
        elif mirror == REGISTRY or mirror.startswith(f"{REGISTRY}/"):
            add(
                team,
                "mirror",
                "mirror",
                f"got {mirror!r}, expected your own registry (leave mirror out to pull from mcr.microsoft.com)",
            )
    _check_text(team, "team", team.team, add)
    _check_approved(team, catalog, add)
    exceptions = tuple(_check_exception(team, n, e, catalog, today, add) for n, e in enumerate(team.exceptions))
    for n, contact in enumerate(team.contacts):
        _check_text(contact, "name", contact.name, add, f"contacts[{n}].name")
        _check_text(contact, "how", contact.how, add, f"contacts[{n}].how")
        if contact.url is not None:
            _check_url(contact, "url", contact.url, add, f"contacts[{n}].url")
    for n, link in enumerate(team.links):
        _check_text(link, "title", link.title, add, f"links[{n}].title")
        _check_url(link, "url", link.url, add, f"links[{n}].url")
    return replace(team, exceptions=exceptions)


def _check_text(obj, field: str, value: str, add, path: str = "") -> None:
    if _UNSAFE.search(value):
        add(obj, field, path or field, "expected one line of plain text (got a control or text-direction character)")
    elif len(value) > MAX_TEXT:
        add(obj, field, path or field, f"expected at most {MAX_TEXT} characters, got {len(value)}")


def _check_url(obj, field: str, url: str, add, path: str) -> None:
    if not re.fullmatch(r"(https://|mailto:)[^\s<>\"'`\\]{1,300}", url):
        add(obj, field, path, f"got {url[:80]!r}, expected an https:// or mailto: link")


def _check_approved(team: Team, catalog: Catalog, add) -> None:
    approved = team.approved
    known = {
        "repositories": [r.info.repository for r in catalog.repositories],
        "channels": list(dict.fromkeys(c for r in catalog.repositories for c in r.channels)),
        "os": list(catalog.distros) + list(catalog.os_versions),
        "variants": list(VARIANTS),
    }
    for name, choices in known.items():
        seen: set[str] = set()
        for index, value in enumerate(getattr(approved, name)):
            path = f"approved.{name}[{index}]"
            if value in seen:
                add(approved, f"{name}[{index}]", path, f"'{value}' is listed twice")
            elif value not in choices:
                shown = ", ".join(choices[:24]) + (", ..." if len(choices) > 24 else "")
                add(
                    approved,
                    f"{name}[{index}]",
                    path,
                    f"unknown {_SINGULAR[name]} '{value[:80]}' (expected one of: {shown})",
                )
            seen.add(value)


def _check_exception(team: Team, index: int, exception, catalog: Catalog, today: datetime.date, add):
    """The exception with its repository and tag; problems for a bad image, an unknown one, an expiry passed."""
    path = f"exceptions[{index}]"
    for field in ("reason", "owner"):
        _check_text(exception, field, getattr(exception, field), add, f"{path}.{field}")
    name = exception.image
    for registry in filter(None, (REGISTRY, team.mirror)):
        name = name.removeprefix(f"{registry}/")
    match = IMAGE.fullmatch(name)
    if not match:
        add(
            exception,
            "image",
            f"{path}.image",
            f"got {exception.image[:80]!r}, expected repository:tag such "
            "as dotnet/aspnet:8.0-bookworm-slim (mcr.microsoft.com/ or your mirror in front is allowed)",
        )
        return exception
    repository, tag = match["repository"], match["tag"]
    try:
        model = catalog.repository(repository)
    except KeyError as error:
        add(exception, "image", f"{path}.image", str(error.args[0]))
        return exception
    if model.info.repository != repository:  # a page name (aspnet) rather than the repository
        add(exception, "image", f"{path}.image", f"got '{repository}', expected {model.info.repository}")
    elif not model.has_tag(tag):
        add(
            exception,
            "image",
            f"{path}.image",
            f"tag '{tag}' is not in the catalog of {repository} (expected a documented tag)",
        )
    if exception.expires < today:
        add(
            exception,
            "expires",
            f"{path}.expires",
            f"expired on {exception.expires.isoformat()} (today is "
            f"{today.isoformat()}): renew it with a later date, or remove it and move {exception.image} onto "
            "the standard",
        )
    return replace(exception, repository=repository, tag=tag)

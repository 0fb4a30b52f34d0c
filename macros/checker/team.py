"""The checker in a team's edition: the team's standard as one more verdict (table.Policy).

A FROM that the catalog's rules would pass gets `outside-standard` when it names a tag or repository
the standard does not approve (model/team.py decides, tag by tag), pulls from the public registry
although the team has a mirror, or has no digest although the standard pins tag and digest.
References through the mirror are read as the images they mirror.
"""

from __future__ import annotations

from ..model.catalog import Catalog
from ..model.messages import Messages
from .messages import policy_texts
from .table import Policy

VERDICT = "outside-standard"


def team_policy(catalog: Catalog, english: Messages) -> Policy:
    """The standard of catalog.team as a checker policy (the catalog must be a team's edition), with the
    reasons in `english`, the table's language (each page says them in its own: messages.checker_words)."""
    team = catalog.team
    assert team is not None, "only a team's edition has a standard"
    outside: dict[str, tuple[str, ...]] = {}
    for model in catalog.repositories:
        tags = tuple(tag for tag, images in model.images_by_tag.items() if not model.approval(images[0], tag).ok)
        if tags and len(tags) == len(model.images_by_tag):
            outside[model.info.repository] = ("*",)
        elif tags:
            outside[model.info.repository] = tags
    return Policy(
        verdict=VERDICT,
        reason=policy_texts(team, english)["outside"],
        outside=outside,
        mirror=team.mirror or "",
        pin_digest=team.pinning == "tag+digest",
    )

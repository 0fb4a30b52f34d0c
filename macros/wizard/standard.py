"""The wizard in a team's edition: which answers end inside the team's standard (model/team.py).

A choice is approved when at least one path through it ends in images the standard approves; the
page offers those choices first and marks the others. On the public site every choice is approved.
"""

from __future__ import annotations

from dataclasses import replace

from ..model.catalog import Catalog
from ..model.team import APPROVED, Approval
from .answers import Outcome, Wizard


def outcome_approval(outcome: Outcome, catalog: Catalog) -> Approval:
    """Are the images of a result inside the standard? The first stage outside it says why."""
    for stage in (outcome.build, outcome.run):
        if stage is None:
            continue
        model = catalog.repository(stage.repository)
        images = model.resolve(stage.tag)
        approval = (
            model.approval(images[0], stage.tag) if images else Approval(False, "not in the catalog", "not_in_catalog")
        )
        if not approval.ok:
            subject = f"{stage.repository}:{stage.tag}"
            return replace(approval, why=f"{subject}: {approval.why}", subject=subject)
    return APPROVED


def approved_choices(wizard: Wizard, catalog: Catalog) -> dict[str, frozenset[str]]:
    """Question -> the values from which some path ends in approved images."""
    found: dict[str, set[str]] = {}
    verdicts: dict[Outcome, bool] = {}
    for answers, outcome in wizard.paths():
        if not outcome.ok:
            continue
        if outcome not in verdicts:
            verdicts[outcome] = outcome_approval(outcome, catalog).ok
        if verdicts[outcome]:
            for key, value in answers.items():
                found.setdefault(key, set()).add(value)
    return {key: frozenset(values) for key, values in found.items()}

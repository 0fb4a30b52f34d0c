"""Macros for the wizard pages: the step-by-step form with its default result, and the static decision guide."""

from __future__ import annotations

from ..render.wizard import render_decision_guide, render_link_keys, render_wizard
from .editions import DEFAULT
from .passthrough import passthrough
from .source import guide, messages


def wizard() -> str:
    """The wizard form with the default answers and their result (the script fetches wizard/data.json)."""
    # The data file is written once, at wizard/ (the guide plugin): another edition's page points there.
    t = messages()
    data_url = "data.json" if t.language == DEFAULT else "../../wizard/data.json"
    return passthrough(render_wizard(guide().wizard, guide().catalog, t, data_url))


def decision_guide() -> str:
    """The same decisions as tables, for readers without JavaScript."""
    return passthrough(render_decision_guide(guide().wizard, guide().catalog, messages()))


def wizard_link_keys() -> str:
    """The query-string keys a shared wizard link may hold, with their values (a Markdown table)."""
    return render_link_keys(guide().wizard, messages())


MACROS: dict = {"wizard": wizard, "decision_guide": decision_guide, "wizard_link_keys": wizard_link_keys}

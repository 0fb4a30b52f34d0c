"""The decision wizard: rules from data/wizard.yml, checked, then every path computed once.

rules.py (the schema) -> checks.py (the file on its own) -> tree.py with search.py (every path)
-> alternatives.py (ways out of a dead end, cheapest first) -> switch.py (the way forward from an
end-of-life channel) -> coverage.py (rules no path reaches). container.py gives each Linux result the
SDK's container publishing route; titles.py the titles of the pages the results link to.
"""

from __future__ import annotations

from pathlib import Path

from ..data.errors import Problems
from ..model.catalog import Catalog
from .alternatives import add_alternatives
from .answers import Wizard
from .checks import check_rules, version_options
from .coverage import report_unused
from .rules import WizardRules
from .switch import add_switches
from .titles import page_titles
from .tree import TreeBuilder


def build_wizard(rules: WizardRules, catalog: Catalog, file: str, docs_dir: Path) -> Wizard:
    """The checked wizard with every path resolved; raises DataError listing every problem."""
    problems = Problems()
    options = version_options(rules, catalog)
    check_rules(rules, file, catalog, docs_dir, options, problems)
    problems.raise_if_any()
    builder = TreeBuilder(rules, catalog, options, file, problems)
    wizard = builder.build()
    add_alternatives(wizard)
    add_switches(wizard)
    wizard.link_titles = page_titles(rules, docs_dir)
    report_unused(wizard, builder.coverage, file, problems)
    problems.raise_if_any()
    return wizard

"""mkdocs-macros entry point: registers the page macros and the checks around each page; no I/O here.

The build's other glue (finished HTML put back, the Guide loaded once, api/catalog.json written)
is the `guide` plugin in plugin.py, declared in mkdocs.yml.
"""

from .pages import checker, errors, facts, guide, home, images, layers, source, wizard


def define_env(env) -> None:
    source.start_build(env.conf)  # once per build, also for every rebuild of `mkdocs serve`
    for module in (home, images, guide, layers, facts, wizard, checker):
        for name, function in module.MACROS.items():
            env.macro(errors.reported(name, function), name)


def on_pre_page_macros(env) -> None:
    errors.check_page(env)


def on_post_page_macros(env) -> None:
    errors.raise_recorded(env)

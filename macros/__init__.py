"""mkdocs-macros entry point: registers the guide's macros and page checks; no I/O here."""
from . import guard, guide, home, images, wizard
from .passthrough import PassthroughExtension, PassthroughPlugin


def define_env(env) -> None:
    # passthrough() HTML comes back after Markdown (searchable) or after search indexing (the rest);
    # the plugin is registered the way MkDocs registers those named in mkdocs.yml.
    env.conf["markdown_extensions"].append(PassthroughExtension())
    env.conf["plugins"]["guide-passthrough"] = PassthroughPlugin()
    for module in (home, images, guide, wizard):
        for name, function in module.MACROS.items():
            env.macro(guard.guarded(env, name, function), name)


def on_pre_page_macros(env) -> None:
    guard.check_page(env)


def on_post_page_macros(env) -> None:
    guard.raise_recorded(env)


def on_post_build(env) -> None:
    images.write_catalog_api(env.conf["site_dir"])

"""Shared fixtures: a fixture data folder to break, one strict build of the real site, a
local HTTP server for it, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import datetime
import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from helpers import CHROMIUM, FIXTURE_DATA, ROOT, TODAY, build_site


def pytest_collection_modifyitems(items) -> None:
    """Every test that drives Chromium is marked `browser`, so `make test-fast` can leave them out."""
    for item in items:
        if {"page", "browser"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def fixture_data(tmp_path) -> Path:
    """A writable copy of the small fixture data folder, for rule tests to break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the real data/ (without the vendored upstream files, which only the sync reads)."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("upstream"))
    return target


@pytest.fixture(scope="session")
def tiny_versions(tmp_path_factory) -> Path:
    """A dotnet/versions checkout with one publish and no images: for sync tests about the catalog,
    which need not read the vendored registry history (129 publishes, about 1.6 s a run)."""
    folder = tmp_path_factory.mktemp("versions")
    docker = folder / "build-info" / "docker"
    docker.mkdir(parents=True)
    for name in (
        "dotnet-dotnet-docker-main",
        "dotnet-dotnet-docker-main-samples",
        "microsoft-dotnet-framework-docker-main",
    ):
        (docker / f"image-info.{name}.json").write_text('{"schemaVersion": "2.0", "repos": []}\n')
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_AUTHOR_DATE": "2026-08-20T12:00:00Z",
        "GIT_COMMITTER_DATE": "2026-08-20T12:00:00Z",
        "PATH": os.environ.get("PATH", ""),
    }
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "one publish"]):
        subprocess.run(["git", "-C", str(folder), *command], check=True, env=env, capture_output=True)
    return folder


@pytest.fixture(scope="session")
def today() -> datetime.date:
    return datetime.date.fromisoformat(TODAY)


@pytest.fixture(scope="session")
def english():
    """What generated content says in English (data/messages/en.yml), for renderer tests."""
    from macros.data.messages import load_messages

    return load_messages(ROOT / "data" / "messages", ROOT)["en"]


@pytest.fixture(scope="session")
def catalog(today):
    """The real catalog, as the site sees it on TODAY."""
    from macros.data.load import load_catalog

    return load_catalog(on=today)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    return _free_port()


@pytest.fixture(scope="session")
def site_url(site_port) -> str:
    return f"http://127.0.0.1:{site_port}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_url) -> Path:
    """The real site, built once per test session with site_url pointing at the test server."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, out, site_url)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_server(built_site, site_port, site_url):
    """Serve the built site on 127.0.0.1 for the browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site_url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def team_site_url() -> str:
    return f"http://127.0.0.1:{_free_port()}/"


@pytest.fixture(scope="session")
def team_site(tmp_path_factory, team_site_url) -> Path:
    """The team's edition of examples/team.yml (GUIDE_TEAM), built once per session for its own server."""
    out = tmp_path_factory.mktemp("team-site")
    result = build_site(ROOT, out, team_site_url, {"GUIDE_TEAM": str(ROOT / "examples" / "team.yml")})
    assert result.returncode == 0, f"team build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def team_server(team_site, team_site_url):
    """Serve the team's edition on 127.0.0.1 for the browser tests."""
    port = int(team_site_url.rsplit(":", 1)[1].strip("/"))
    handler = functools.partial(_QuietHandler, directory=str(team_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield team_site_url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless. A missing browser fails loudly: `make test` installs it."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_server):
    """A fresh page; any uncaught script error fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.base_url = site_server
    yield page
    context.close()
    assert not errors, f"uncaught errors in the page: {errors}"

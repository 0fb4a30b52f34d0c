"""The wizard in headless Chromium against the built site: every path, hand-picked answers, dead ends,
shareable links, keyboard, hostile links, instant navigation, accessibility, no JavaScript."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from macros.data.load import load_guide
from macros.model.repositories import REGISTRY

RESULT = "[data-wizard][data-ready] [data-wizard-result][data-outcome]"  # the script has taken over


@pytest.fixture(scope="module")
def wizard(catalog):
    return load_guide(on=catalog.today).wizard


def _open(page, query: str = ""):
    page.goto(page.base_url + "wizard/" + query)
    page.wait_for_selector(RESULT)
    return page


def _refs(page) -> dict:
    """{stage: image reference} of the result shown."""
    return {
        e.get_attribute("data-stage"): e.get_attribute("data-image-ref")
        for e in page.query_selector_all("[data-wizard-result] [data-image-ref]")
    }


def _query(page) -> dict:
    return dict(parse_qsl(urlsplit(page.url).query))


def _ref(name: str) -> str:
    return f"{REGISTRY}/dotnet/{name}"


# --- every path ----------------------------------------------------------------------------------

# Answers each path in turn by checking its radios (as a user would: only the answers that differ from
# the previous path, since the wizard remembers the others), and reads what the page shows.
_ANSWER_ALL = """paths => {
  const form = document.querySelector('[data-wizard] form'), out = document.querySelector('[data-wizard-result]');
  const current = {};
  return paths.map(path => {
    for (const [key, value] of path) {
      if (current[key] === value) continue;
      current[key] = value;
      const input = form.querySelector(`input[name="${key}"][value="${value}"]`);
      input.checked = true;
      input.dispatchEvent(new Event('change', {bubbles: true}));
    }
    const refs = {};
    out.querySelectorAll('[data-image-ref]').forEach(e => { refs[e.dataset.stage] = e.dataset.imageRef; });
    return {outcome: out.dataset.outcome, refs, url: location.search};
  });
}"""


def test_every_path_shows_images_that_exist(page, wizard, catalog):
    _open(page)
    paths = list(wizard.paths())
    shown = page.evaluate(_ANSWER_ALL, [[[k, v] for k, v in answers.items()] for answers, _ in paths])
    covered = set()
    for (answers, outcome), seen in zip(paths, shown, strict=True):
        assert dict(parse_qsl(seen["url"].lstrip("?"))) == answers, (answers, seen["url"])
        if not outcome.ok:
            assert seen["outcome"] == "unavailable" and not seen["refs"], answers
            continue
        assert seen["outcome"] == "result", answers
        for ref in seen["refs"].values():
            assert catalog.has_reference(ref), f"{answers}: {ref} is not in the catalog"
        expected = {"build": outcome.build.reference}
        if outcome.run:
            expected["run"] = outcome.run.reference
        assert seen["refs"] == expected, answers
        if outcome.run:
            name, tag = outcome.run.reference.removeprefix(f"{REGISTRY}/").split(":")
            for image in catalog.repository(name).resolve(tag):
                covered.add((name, image.channel, image.distro, frozenset(image.variants), image.architecture))
    # Every channel, distro, variant set and architecture a run-stage repository offers is reachable.
    offered = set()
    for _, outcome in paths:
        if outcome.ok and outcome.run:
            offered.add(outcome.run.repository)
    wanted = {
        (r, i.channel, i.distro, frozenset(i.variants), i.architecture)
        for r in offered
        for i in catalog.repository(r).images
    }
    missing = sorted(wanted - covered, key=str)
    assert not missing, f"{len(missing)} combinations the catalog offers are never recommended: {missing[:10]}"


# --- hand-picked answers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, build, run",
    [
        # ASP.NET Core on chiseled with globalization: the -extra chiseled image.
        ("?app=web&hardened=yes&globalization=yes", "sdk:10.0-noble", "aspnet:10.0-noble-chiseled-extra"),
        # Native AOT: the -aot SDK to build, runtime-deps chiseled to run (upstream's releasesapi sample).
        ("?deploy=aot&hardened=yes", "sdk:10.0-noble-aot", "runtime-deps:10.0-noble-chiseled"),
        # An Alpine console app.
        ("?app=console&distro=alpine", "sdk:10.0-alpine", "runtime:10.0-alpine"),
        # Windows Nano Server.
        (
            "?os=windows&windows=nanoserver&winver=ltsc2025",
            "sdk:10.0-nanoserver-ltsc2025",
            "aspnet:10.0-nanoserver-ltsc2025",
        ),
        # .NET Framework on Server Core.
        (
            "?framework=netfx&app=web&windows=servercore&winver=ltsc2022",
            "framework/sdk:4.8.1-windowsservercore-ltsc2022",
            "framework/aspnet:4.8.1-windowsservercore-ltsc2022",
        ),
        (
            "?framework=netfx&app=wcf&version=4.8&winver=ltsc2019",
            "framework/sdk:4.8-windowsservercore-ltsc2019",
            "framework/wcf:4.8-windowsservercore-ltsc2019",
        ),
        ("?version=8.0", "sdk:8.0-bookworm-slim", "aspnet:8.0-bookworm-slim"),
    ],
)
def test_hand_picked_answers(page, catalog, query, build, run):
    _open(page, query)
    assert _refs(page) == {"build": _ref(build), "run": _ref(run)}
    for ref in _refs(page).values():
        assert catalog.has_reference(ref)
    text = page.inner_text("[data-wizard-result]")
    dockerfile = page.get_attribute("[data-wizard-result] [data-slot=copy]", "data-clipboard-text")
    assert f"FROM {_ref(run)}" in dockerfile and _ref(build) in dockerfile
    assert page.inner_text("[data-slot=dockerfile]") == dockerfile
    assert "Exact version today, to record" in text and "docker buildx imagetools inspect " + _ref(run) in text
    fixed = page.inner_text("[data-slot=run] [data-slot=fixed]")
    assert catalog.has_reference(fixed) and fixed != _ref(run)
    link = page.locator("[data-slot=run] [data-slot=page]")
    slug, tag = run.split(":")[0].replace("/", "-"), run.split(":")[1]
    # Lands on the tag's row of the repository page (rows are anchored `tag-<tag>`), and says so.
    assert link.get_attribute("href") == f"../images/{slug}/?tag={tag}#tag-{tag}"
    assert link.inner_text() == f"{tag} on the dotnet/{run.split(':')[0]} page"
    reasons = page.query_selector_all("[data-slot=reasons] a")
    assert reasons and all(r.get_attribute("href").startswith("../guide/") for r in reasons)
    assert "Read more" not in text and all(len(r.inner_text()) > 8 for r in reasons)
    # Every image reference has a copy button holding exactly it.
    for stage in ("build", "run"):
        for slot in ("ref", "fixed"):
            shown = page.inner_text(f"[data-slot={stage}] [data-slot={slot}]")
            copied = page.get_attribute(f"[data-slot={stage}] [data-slot=copy-{slot}]", "data-clipboard-text")
            assert copied == shown and catalog.has_reference(shown)


def test_build_goal_shows_only_the_build_stage(page):
    _open(page, "?goal=build&distro=alpine")
    assert _refs(page) == {"build": _ref("sdk:10.0-alpine")}
    assert "app" not in _query(page) and "hardened" not in _query(page)
    assert "dotnet test" in page.inner_text("[data-slot=dockerfile]")


def test_support_status_warns_for_end_of_life_and_preview(page):
    _open(page, "?version=8.0")
    status = page.locator("[data-slot=status]")
    assert "danger" in status.get_attribute("class") and "End of life" in status.inner_text()
    _open(page, "?version=11.0")
    status = page.locator("[data-slot=status]")
    assert "warning" in status.get_attribute("class") and "Preview" in status.inner_text()
    _open(page, "?version=10.0")
    assert "In support until" in page.inner_text("[data-slot=status]")


# --- dead ends ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, because",
    [
        ("?distro=debian&version=10.0", "no Debian images"),
        ("?framework=netfx&windows=nanoserver", "Nano Server does not include it"),
        ("?distro=alpine&hardened=yes", "Alpine has no hardened variant"),
        ("?deploy=aot&os=windows", "Linux only"),
        ("?distro=azurelinux&arch=arm32", "Azure Linux images are not published for Arm32"),
    ],
)
def test_impossible_combinations_say_so_and_offer_alternatives(page, query, because):
    _open(page, query)
    result = page.locator("[data-wizard-result]")
    assert result.get_attribute("data-outcome") == "unavailable"
    assert because in result.inner_text()
    assert not _refs(page)
    alternatives = page.locator("[data-wizard-result] button[data-key]")
    assert alternatives.count() >= 1
    alternatives.first.click()
    assert result.get_attribute("data-outcome") == "result"
    assert _refs(page)


# --- links -----------------------------------------------------------------------------------------------


def test_url_round_trips(page, browser, site_server):
    _open(page)
    page.check("input[name=app][value=console]")
    page.check("input[name=distro][value=alpine]")
    page.check("input[name=globalization][value=yes]")
    page.check("input[name=arch][value=arm64]")
    shown = _refs(page)
    assert shown["run"] == _ref("runtime:10.0-alpine-extra-arm64v8")
    url = page.url
    query = _query(page)
    assert query == {
        "goal": "run",
        "framework": "dotnet",
        "app": "console",
        "deploy": "framework-dependent",
        "version": "10.0",
        "os": "linux",
        "distro": "alpine",
        "hardened": "no",
        "globalization": "yes",
        "arch": "arm64",
    }
    other = browser.new_context().new_page()
    other.goto(url)
    other.wait_for_selector(RESULT)
    assert _refs(other) == shown and other.url == url
    for key, value in query.items():
        assert other.is_checked(f"input[name={key}][value='{value}']")
    assert other.locator("[data-wizard-notice]").is_hidden()
    other.context.close()


def test_questions_that_do_not_matter_are_hidden(page):
    _open(page, "?framework=netfx")
    for key in ("deploy", "os", "distro", "hardened", "globalization", "composite", "arch"):
        assert page.locator(f"fieldset[data-key={key}]").is_hidden(), key
    for key in ("goal", "framework", "app", "version", "windows", "winver"):
        assert page.locator(f"fieldset[data-key={key}]").is_visible(), key
    assert page.locator("label[for='wz-version-10_0']").is_hidden()
    assert page.locator("label[for='wz-app-wcf']").is_visible()
    _open(page)
    assert page.locator("label[for='wz-app-wcf']").is_hidden()


@pytest.mark.parametrize(
    "query",
    [
        "?goal=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E",
        "?%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E=1&distro=%3Cb%3Ebold%3C%2Fb%3E",
        "?version=__proto__&__proto__=x&constructor=prototype&toString=1&hasOwnProperty=1",
        "?distro=" + "a" * 20000 + "&app=" + "%22%3E%3Csvg%20onload%3Dwindow.__pwned%3D1%3E" * 200,
        "?app=web&app=console&arch=multi%00&os=linux%0A",
    ],
)
def test_hostile_links_do_nothing(page, query):
    _open(page, query)
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("({}).x === undefined && Object.prototype.toString.call([]) === '[object Array]'")
    notice = page.locator("[data-wizard-notice]")
    assert notice.is_visible() and "ignored" in notice.inner_text()
    assert len(notice.inner_text()) < 400
    assert page.locator("[data-wizard-notice] *").count() == 0  # text only, never markup
    assert page.locator("[data-wizard] img, [data-wizard] svg, [data-wizard] b").count() == 0
    assert page.locator("[data-wizard-result]").get_attribute("data-outcome") == "result"
    assert all(len(v) < 40 for v in _query(page).values())


def test_unknown_keys_are_noticed_and_dropped(page):
    _open(page, "?colour=red&app=console")
    assert "colour" in page.inner_text("[data-wizard-notice]")
    assert "colour" not in _query(page) and _query(page)["app"] == "console"
    page.check("input[name=app][value=web]")
    assert page.locator("[data-wizard-notice]").is_hidden()


# --- keyboard, focus, accessibility -----------------------------------------------------------------


def test_keyboard_alone_reaches_a_result(page):
    _open(page)
    page.focus("input[name=goal]:checked")
    page.keyboard.press("Tab")  # framework
    page.keyboard.press("Tab")  # app
    page.keyboard.press("ArrowDown")  # console
    assert page.is_checked("input[name=app][value=console]")
    page.keyboard.press("Tab")  # deploy
    page.keyboard.press("ArrowDown")  # self-contained
    assert _refs(page)["run"].startswith(_ref("runtime-deps:10.0"))
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused radio has no visible focus"
    for _ in range(40):  # Tab on through the questions to the result's copy button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.slot") == "copy":
            break
    else:
        pytest.fail("the copy button cannot be reached with Tab")
    page.keyboard.press("Enter")  # Material's clipboard handler must not throw


def test_result_region_is_live_and_forms_are_native(page):
    _open(page)
    assert page.get_attribute("[data-wizard-result]", "aria-live") == "polite"
    assert page.locator("[data-wizard] fieldset > legend").count() == page.locator("[data-wizard] fieldset").count()
    assert page.locator("[data-wizard] input[type=radio]").count() > 30


@pytest.mark.parametrize("query", ["", "?distro=debian&version=10.0", "?framework=netfx", "?version=8.0"])
def test_axe_finds_no_serious_problem_in_the_wizard(page, query):
    from axe_playwright_python.sync_playwright import Axe

    _open(page, query)
    violations = (
        Axe()
        .run(page, context={"include": [["[data-wizard]"]]}, options={"resultTypes": ["violations"]})
        .response["violations"]
    )
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} {v['nodes'][0]['target']}"
        for v in violations
        if v.get("impact") in ("serious", "critical")
    ]
    assert not serious, serious


# --- instant navigation, back and forward -------------------------------------------------------------

_COUNT_REPLACES = """() => {
  window.__replaces = 0;
  if (!history.__counted) {
    const original = history.replaceState.bind(history);
    // Only the wizard's own calls (a relative "?..." URL): Material saves the scroll position with
    // replaceState too, after the shared link scrolled to the result.
    history.replaceState = (...args) => {
      if (String(args[2]).startsWith("?")) window.__replaces++;
      return original(...args);
    };
    history.__counted = true;
  }
}"""


def test_works_after_instant_navigation_and_back_forward(page):
    page.goto(page.base_url)
    page.evaluate("window.__sameDocument = true")
    page.click("a.md-nav__link[href$='wizard/']")
    page.wait_for_selector(RESULT)
    assert page.evaluate("window.__sameDocument") is True, "instant navigation did not happen"
    assert _refs(page)["run"] == _ref("aspnet:10.0-noble")
    page.check("input[name=app][value=console]")
    assert _refs(page)["run"] == _ref("runtime:10.0-noble")
    page.click("[data-slot=reasons] a[href$='guide/tags/']")  # the wizard page hides the side navigation
    page.wait_for_url("**/guide/tags/")
    page.go_back()
    page.wait_for_url("**/wizard/**")
    page.wait_for_selector(RESULT)
    page.go_forward()
    page.wait_for_url("**/guide/tags/")
    page.go_back()
    page.wait_for_url("**/wizard/**")
    page.wait_for_selector(RESULT)
    assert page.evaluate("window.__sameDocument") is True
    page.evaluate(_COUNT_REPLACES)
    page.check("input[name=distro][value=alpine]")
    assert page.evaluate("window.__replaces") == 1, "a change was handled more than once"
    assert _refs(page)["run"].startswith(_ref("runtime:10.0-alpine"))
    assert page.locator("[data-wizard]").count() == 1
    assert page.locator("[data-wizard-result] h2").count() == 1


def test_other_pages_are_left_alone(page):
    page.goto(page.base_url + "guide/tags/")
    page.wait_for_load_state("load")
    assert "?" not in page.url and page.locator("[data-wizard]").count() == 0


# --- without JavaScript ---------------------------------------------------------------------------------


def test_without_javascript_the_default_answer_and_the_tables_page(browser, site_server, wizard):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + "wizard/")
    assert page.locator("[data-wizard] form").is_hidden()
    _, default = wizard.walk({})
    assert page.get_attribute("[data-slot=run] [data-slot=ref]", "data-image-ref") == default.run.reference
    assert page.locator(".wizard-guide").count() == 0  # the tables have a page of their own
    assert page.locator("[data-wizard] noscript").count() == 1
    page.click(".wizard__nojs a")
    assert page.url == site_server + "wizard/tables/"
    guide = page.locator(".wizard-guide")
    assert guide.locator("table").count() > 20
    html = guide.inner_html().replace("<wbr>", "")  # the build lets inline code wrap after / : -
    _, outcome = wizard.walk({"hardened": "yes", "globalization": "yes"})
    assert f"{outcome.run.repository}:{outcome.run.tag}" in html
    assert "Not offered" in html
    context.close()


# --- the answer in view, end of life, the server's default ----------------------------------------------


def test_server_default_is_what_the_script_shows(page):
    """The result the server rendered equals the script's rendering of the same answers (so nothing moves)."""
    _open(page)
    assert page.evaluate("scrollY") == 0  # a link without answers opens at the top
    server = page.inner_text("[data-wizard-result]")
    assert "Your images" in server and "/t:PublishContainer" in server
    page.check("input[name=app][value=console]")
    page.check("input[name=app][value=web]")
    assert page.inner_text("[data-wizard-result]") == server


def test_shared_link_opens_on_the_result_on_a_phone(browser, site_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.base_url = site_server
    _open(page)
    bar = page.locator("[data-wizard-bar]")
    assert bar.is_visible() and bar.locator("a").get_attribute("href").endswith("#wizard-result")
    assert bar.inner_text().startswith(_ref("aspnet:10.0"))
    bar.locator("a").click()
    page.wait_for_function("Math.abs(document.querySelector('[data-wizard-result]').getBoundingClientRect().top) < 80")
    _open(page, "?app=console&distro=alpine")
    top = page.evaluate("document.querySelector('[data-wizard-result]').getBoundingClientRect().top")
    assert page.evaluate("scrollY") > 500 and 0 <= top < 100, top
    assert page.locator("[data-wizard-result] h2").is_visible()
    context.close()


def test_result_beside_the_questions_on_a_desktop(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    _open(page)
    form = page.locator("[data-wizard] form").bounding_box()
    result = page.locator("[data-wizard-result]").bounding_box()
    assert result["x"] >= form["x"] + form["width"] and result["y"] < 400
    assert page.locator("[data-wizard-bar]").is_hidden()
    page.mouse.wheel(0, 700)  # the questions scroll on, the result stays in view
    page.wait_for_function("scrollY > 600")
    assert page.evaluate("document.querySelector('[data-wizard] form').getBoundingClientRect().top") < -200
    assert 0 <= page.evaluate("document.querySelector('[data-wizard-result]').getBoundingClientRect().top") < 120


def test_end_of_life_answer_switches_in_one_click(page):
    _open(page, "?version=8.0&deploy=aot&distro=alpine")
    status = page.locator("[data-slot=status]")
    assert "danger" in status.get_attribute("class")
    assert "no longer ships security fixes" in page.inner_text("[data-slot=stops]")
    diff = page.inner_text("[data-slot=diff]").splitlines()
    assert f"- FROM {_ref('runtime-deps:8.0-alpine')}" in diff and f"+ FROM {_ref('runtime-deps:10.0-alpine')}" in diff
    assert all(line[:2] in ("- ", "+ ") for line in diff) and len(diff) < 10  # only what changes
    assert any("clang" in line for line in diff if line.startswith("- "))  # 10.0 has an -aot SDK image
    switch = page.locator("[data-slot=switch]")
    assert switch.inner_text() == "Switch to .NET 10.0"
    switch.click()
    assert _query(page)["version"] == "10.0" and _query(page)["deploy"] == "aot"
    assert _refs(page) == {"build": _ref("sdk:10.0-alpine-aot"), "run": _ref("runtime-deps:10.0-alpine")}
    assert "In support until" in page.inner_text("[data-slot=status]")
    assert page.locator("[data-slot=eol]").is_hidden()
    # A default 8.0 answer is on Debian, which 10.0 does not have: the switch moves the distro too.
    _open(page, "?version=8.0")
    page.click("[data-slot=switch]")
    assert _query(page)["distro"] == "ubuntu" and _refs(page)["run"] == _ref("aspnet:10.0-noble")


def test_dead_end_offers_the_in_place_upgrade_first(page):
    _open(page, "?framework=netfx&version=4.8&windows=servercore&winver=ltsc2022")
    first = page.locator("[data-wizard-result] .wizard__alts li").first
    assert "4.8 apps run unchanged on 4.8.1" in first.inner_text()
    first.locator("button").click()
    assert _refs(page)["run"] == _ref("framework/aspnet:4.8.1-windowsservercore-ltsc2022")
    assert page.locator("[data-slot=sdk]").is_hidden()  # the SDK route is for .NET on Linux


def test_a_data_file_that_does_not_load_is_said(page):
    page.route("**/wizard/data.json*", lambda route: route.abort())
    page.goto(page.base_url + "wizard/")
    notice = page.locator("[data-wizard-notice]")
    notice.wait_for(state="visible")
    assert "could not be loaded" in notice.inner_text()
    assert page.locator("[data-slot=run] [data-image-ref]").count() == 1  # the server's answer stays

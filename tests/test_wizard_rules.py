"""The wizard's rules (data/wizard.yml): validation on a tiny file with file:line, and every path of the real one."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from helpers import line_containing, replace_once
from macros.data.errors import DataError
from macros.data.load import load_guide, load_wizard
from macros.render.wizard import (
    data_version,
    render_decision_guide,
    render_wizard,
    result_view,
    tag_href,
    wizard_data,
    wizard_json,
    wizard_words,
)
from macros.wizard.alternatives import way_out
from macros.wizard.rules import KEYS

TINY = Path(__file__).parent / "fixtures" / "wizard" / "wizard.yml"


@pytest.fixture
def tiny(tmp_path):
    """A writable copy of the tiny wizard, in data/, with a docs/ folder holding the linked page."""
    (tmp_path / "data").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("# Page\n")
    target = tmp_path / "data" / "wizard.yml"
    shutil.copy(TINY, target)
    return target


def _load(path, catalog):
    return load_wizard(path, catalog, path.parent.parent / "docs")


def _problems(path, catalog) -> list[str]:
    with pytest.raises(DataError) as caught:
        _load(path, catalog)
    return [str(p) for p in caught.value.problems]


# --- the tiny file ---------------------------------------------------------------------------------


def test_tiny_wizard_is_valid_and_every_path_ends(tiny, catalog):
    wizard = _load(tiny, catalog)
    paths = list(wizard.paths())
    assert paths and all(o.ok or o.because for _, o in paths)
    answers, outcome = wizard.walk({})
    assert answers == {"app": "web", "version": "10.0", "distro": "ubuntu", "hardened": "no"}
    assert outcome.run.reference == "mcr.microsoft.com/dotnet/aspnet:10.0-noble"
    assert outcome.build.reference == "mcr.microsoft.com/dotnet/sdk:10.0-noble"
    # The default distro follows the channel's plain tag: Debian for 8.0.
    assert wizard.walk({"version": "8.0"})[0]["distro"] == "debian"
    _, dead = wizard.walk({"distro": "debian"})
    assert dead.because == ".NET 10.0 has no Debian images."
    assert ("distro", "ubuntu", "Ubuntu as the base: only the FROM lines change.") in dead.alternatives


def test_unknown_question_names_file_andline_containing(tiny, catalog):
    replace_once(tiny, "  - id: hardened", "  - id: hardening")
    messages = _problems(tiny, catalog)
    line = line_containing(tiny, "id: hardening")
    assert any(
        m.startswith(f"data/wizard.yml:{line}: questions[3].id: unknown question 'hardening'") for m in messages
    ), messages


def test_unknown_field_names_file_andline_containing(tiny, catalog):
    replace_once(tiny, "    legend: Hardened?", "    legend: Hardened?\n    colour: red")
    [message] = _problems(tiny, catalog)
    assert message.startswith(f"data/wizard.yml:{line_containing(tiny, 'colour')}: questions[3].colour: unknown field")


def test_unreachable_option(tiny, catalog):
    replace_once(
        tiny,
        '      - {value: "no", label: "No"}',
        '      - {value: "no", label: "No"}\n      - {value: maybe, label: Maybe, when: [{distro: [debian]}]}',
    )
    messages = _problems(tiny, catalog)
    assert (
        f"data/wizard.yml:{line_containing(tiny, 'value: maybe')}: "
        "questions[3].options[2]: option 'maybe' can never be chosen (unreachable)"
    ) in messages


def test_path_without_image_or_explanation(tiny, catalog):
    replace_once(tiny, '  - when: [{distro: [debian]}]\n    because: "{version} has no {distro} images."', "  []")
    replace_once(tiny, "dead_ends:\n  []", "dead_ends: []")
    messages = _problems(tiny, catalog)
    line = line_containing(tiny, "dead_ends:")
    assert any(
        m.startswith(
            f"data/wizard.yml:{line}: dead_ends: no image fits ?app=web&version=10.0&distro=debian "
            "and no dead end explains why"
        )
        for m in messages
    ), messages


def test_unknown_repository(tiny, catalog):
    replace_once(tiny, "repository: dotnet/runtime,", "repository: dotnet/runtimes,")
    messages = _problems(tiny, catalog)
    assert any(
        m.startswith(
            f"data/wizard.yml:{line_containing(tiny, 'dotnet/runtimes')}: "
            f"run[1].repository: unknown repository 'dotnet/runtimes'"
        )
        for m in messages
    ), messages


def test_rule_never_used(tiny, catalog):
    replace_once(
        tiny,
        "\nbuild:",
        "\n  - {when: [{app: [console]}], repository: dotnet/runtime-deps, reason: never., link: page.md}\n\nbuild:",
    )
    messages = _problems(tiny, catalog)
    assert (
        f"data/wizard.yml:{line_containing(tiny, 'dotnet/runtime-deps')}: "
        "run[2]: never used by any path (remove it, or fix its `when`)"
    ) in messages


def test_stale_dead_end_is_reported(tiny, catalog):
    replace_once(
        tiny, "dead_ends:\n", 'dead_ends:\n  - when: [{distro: [ubuntu]}]\n    because: "Ubuntu is not offered."\n'
    )
    messages = _problems(tiny, catalog)
    assert (
        f"data/wizard.yml:{line_containing(tiny, 'Ubuntu is not offered') - 1}: "
        "dead_ends[0]: never used by any path (remove it, or fix its `when`)"
    ) in messages


def test_condition_on_a_later_question(tiny, catalog):
    replace_once(tiny, "    legend: What kind of app?", "    legend: What kind of app?\n    when: [{distro: [ubuntu]}]")
    messages = _problems(tiny, catalog)
    assert any(
        m.startswith(
            f"data/wizard.yml:{line_containing(tiny, 'when: [{distro: [ubuntu]}]')}: "
            f"questions[0].when[0].distro: "
            "'distro' is not asked before this point"
        )
        for m in messages
    ), messages


def test_condition_with_unknown_value(tiny, catalog):
    replace_once(tiny, "when: [{distro: [ubuntu]}]", "when: [{distro: [ubuntoo]}]")
    messages = _problems(tiny, catalog)
    assert any(
        m.startswith(
            f"data/wizard.yml:{line_containing(tiny, 'ubuntoo')}: "
            f"questions[3].when[0].distro: 'ubuntoo' is not an option of 'distro'"
        )
        for m in messages
    ), messages


def test_link_to_missing_page(tiny, catalog):
    replace_once(tiny, "reason: sdk builds., link: page.md", "reason: sdk builds., link: nowhere.md")
    messages = _problems(tiny, catalog)
    assert any(
        m.startswith(f"data/wizard.yml:{line_containing(tiny, 'nowhere.md')}: build[0].link: no page docs/nowhere.md")
        for m in messages
    ), messages


def test_unknown_placeholders(tiny, catalog):
    replace_once(tiny, "{version} has no {distro} images.", "{version} has no {flavour} images.")
    replace_once(tiny, "FROM {run}", "FROM {runtime}")
    messages = _problems(tiny, catalog)
    assert any("dead_ends[0].because: unknown placeholder {flavour}" in m for m in messages), messages
    assert any("dockerfiles[0].text: unknown placeholder {runtime}" in m for m in messages), messages


def test_ways_out_name_questions_and_answers_that_exist(tiny, catalog):
    replace_once(
        tiny, '{key: distro, text: "{to} as the base', '{key: distro, to: [fedora], text: "{target} as the base'
    )
    messages = _problems(tiny, catalog)
    assert any("ways_out[0].to: 'fedora' is not an option of 'distro'" in m for m in messages), messages
    assert any("ways_out[0].text: unknown placeholder {target}" in m for m in messages), messages
    assert all(m.startswith("data/wizard.yml:") for m in messages), messages


def test_default_must_be_an_option(tiny, catalog):
    replace_once(tiny, '    default: "no"', "    default: perhaps")
    messages = _problems(tiny, catalog)
    assert any(
        m.startswith(
            f"data/wizard.yml:{line_containing(tiny, 'default: perhaps')}: "
            f"questions[3].default: 'perhaps' is not one of its options"
        )
        for m in messages
    ), messages


def test_yaml_booleans_are_caught(tiny, catalog):
    replace_once(tiny, '      - {value: "yes", label: "Yes"}', "      - {value: yes, label: Yes}")
    messages = _problems(tiny, catalog)
    assert any(
        m.startswith(
            f"data/wizard.yml:{line_containing(tiny, 'value: yes, label: Yes')}: "
            f"questions[3].options[0].value: expected a string"
        )
        for m in messages
    ), messages


# --- the real file --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(catalog):
    return load_guide(on=catalog.today).wizard


def test_every_real_path_ends_in_an_existing_image_or_an_explained_dead_end(real, catalog):
    results = dead = 0
    for answers, outcome in real.paths():
        if outcome.ok:
            results += 1
            assert outcome.build and catalog.has_reference(outcome.build.reference), answers
            assert outcome.run is None or catalog.has_reference(outcome.run.reference), answers
            assert outcome.run is None or catalog.has_reference(outcome.run.fixed_reference), answers
            assert catalog.has_reference(outcome.build.fixed_reference), answers
            assert outcome.dockerfile is not None and outcome.reasons
            assert (outcome.run is None) == (answers["goal"] == "build")
        else:
            dead += 1
            assert outcome.because and "(unexplained)" not in outcome.because
            assert outcome.alternatives, f"dead end without an alternative: {answers}"
            for key, value, why in outcome.alternatives:
                assert real.walk({**answers, key: value})[1].ok and why
    assert results > 500 and dead > 0


def test_every_question_key_is_the_public_contract(real):
    assert KEYS == (
        "goal",
        "framework",
        "app",
        "deploy",
        "version",
        "os",
        "distro",
        "windows",
        "winver",
        "hardened",
        "globalization",
        "composite",
        "arch",
    )
    contract = {
        "goal": {"run", "build"},
        "framework": {"dotnet", "netfx"},
        "app": {"web", "console", "wcf"},
        "deploy": {"framework-dependent", "self-contained", "aot"},
        "os": {"linux", "windows"},
        "distro": {"ubuntu", "debian", "alpine", "azurelinux"},
        "hardened": {"yes", "no"},
        "globalization": {"yes", "no"},
        "composite": {"yes", "no"},
        "arch": {"multi", "amd64", "arm64", "arm32"},
        "windows": {"nanoserver", "servercore"},
        "winver": {"ltsc2025", "ltsc2022", "ltsc2019", "1809", "ltsc2016"},
    }
    for key, values in contract.items():
        assert {o.value for o in real.options(key)} == values, key
    assert {o.value for o in real.options("version")} >= {"10.0", "8.0", "4.8.1", "4.8"}


@pytest.mark.parametrize(
    "answers, run, build",
    [
        (
            {"hardened": "yes", "globalization": "yes"},
            "dotnet/aspnet:10.0-noble-chiseled-extra",
            "dotnet/sdk:10.0-noble",
        ),
        ({"deploy": "aot", "hardened": "yes"}, "dotnet/runtime-deps:10.0-noble-chiseled", "dotnet/sdk:10.0-noble-aot"),
        ({"app": "console", "distro": "alpine"}, "dotnet/runtime:10.0-alpine", "dotnet/sdk:10.0-alpine"),
        ({"os": "windows"}, "dotnet/aspnet:10.0-nanoserver-ltsc2025", "dotnet/sdk:10.0-nanoserver-ltsc2025"),
        (
            {"framework": "netfx", "windows": "servercore", "winver": "ltsc2022"},
            "dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022",
            "dotnet/framework/sdk:4.8.1-windowsservercore-ltsc2022",
        ),
        ({"version": "8.0"}, "dotnet/aspnet:8.0-bookworm-slim", "dotnet/sdk:8.0-bookworm-slim"),
        (
            {"hardened": "yes", "distro": "azurelinux", "arch": "arm64"},
            "dotnet/aspnet:10.0-azurelinux3.0-distroless-arm64v8",
            "dotnet/sdk:10.0-azurelinux3.0",
        ),
    ],
)
def test_hand_picked_answers(real, answers, run, build):
    _, outcome = real.walk(answers)
    assert outcome.run.reference == f"mcr.microsoft.com/{run}"
    assert outcome.build.reference == f"mcr.microsoft.com/{build}"


def test_data_file_is_json_and_its_version_follows_its_content(real, catalog):
    text = wizard_json(real, catalog)
    assert json.loads(text) == wizard_data(real, catalog)
    assert data_version(text) == data_version(wizard_json(real, catalog))  # the same bytes for the same data
    assert data_version(text) != data_version(text.replace("10.0", "10.1"))


# --- ways out of a dead end, the way forward from end of life ------------------------------------


def test_ways_out_start_with_the_in_place_upgrade(real):
    """.NET Framework 4.8 on Windows Server 2022: 4.8.1 first, not another host."""
    _, outcome = real.walk({"framework": "netfx", "version": "4.8", "windows": "servercore", "winver": "ltsc2022"})
    assert not outcome.ok
    key, value, why = outcome.alternatives[0]
    assert (key, value) == ("version", "4.8.1") and why.startswith("4.8 apps run unchanged on 4.8.1")
    assert [k for k, _, _ in outcome.alternatives][1] == "winver"


def test_ways_out_are_cheapest_first_and_never_to_end_of_life(real):
    ways = real.rules.ways_out
    for answers, outcome in real.paths():
        if outcome.ok:
            continue
        efforts = [way_out(ways, k, answers[k], v) for k, v, _ in outcome.alternatives]
        assert None not in efforts and efforts == sorted(efforts), answers
        for key, value, _ in outcome.alternatives:
            assert key != "goal", answers  # building instead of running is no way to run an app
            if key == "version":
                assert real.channel_labels[value][0] != "eol", answers


def test_end_of_life_results_switch_to_the_newest_supported_channel(real):
    supported = [c for c, (status, _, _) in real.channel_labels.items() if status == "supported"]
    switched = 0
    for answers, outcome in real.paths():
        status, _, stops = real.channel_labels.get(outcome.channel, (None, None, None))
        if not outcome.ok or status not in ("eol", "ending"):
            assert not outcome.switch
            continue
        assert stops and "security fixes" in stops.lower()
        if answers.get("framework") == "netfx":
            continue
        assert outcome.switch and outcome.switch[0][0] == "version", answers
        target = outcome.switch[0][1]
        assert real.channel_labels[target][0] == "supported"
        _, after = real.walk({**answers, **dict(outcome.switch)})
        assert after.ok and after.channel == target, answers
        switched += 1
    assert switched > 100
    # .NET 8.0 on Debian (its default) moves to 10.0, whose images are not on Debian: the distro follows.
    _, outcome = real.walk({"version": "8.0"})
    newest = max(supported, key=lambda c: [int(p) for p in c.split(".")])
    assert dict(outcome.switch) == {"version": newest, "distro": "ubuntu"}


# --- the page ------------------------------------------------------------------------------------


def test_embedded_tree_walks_like_the_model(real, catalog):
    """The JSON the page embeds gives the same answer as the model on every path (a Python twin of wizard.js)."""
    data = wizard_data(real, catalog)

    def walk(answers):
        n, path = 0, {}
        while n >= 0:
            key_index, default, kids = data["nodes"][n]
            key = data["keys"][key_index]
            value = answers.get(key) if answers.get(key) in kids else default
            path[key] = value
            n = kids[value]
        return path, data["outcomes"][-n - 1]

    for answers, outcome in real.paths():
        path, found = walk(answers)
        assert path == answers
        if outcome.ok:
            repo = data["repos"][found["run" if outcome.run else "build"][0]][0]
            stage = outcome.run or outcome.build
            assert f"{repo}:{found['run' if outcome.run else 'build'][1]}" == stage.reference
        else:
            assert data["texts"][found["no"]] == outcome.because


def test_page_html_and_static_guide(real, catalog, english):
    html = render_wizard(real, catalog, english)
    assert html.count("<fieldset") == len(KEYS)
    assert 'aria-live="polite"' in html
    assert "<script" not in html  # the data is a file of its own, fetched and cached
    assert f'data-wizard-src="data.json?v={data_version(wizard_json(real, catalog))}"' in html
    guide = render_decision_guide(real, catalog, english)
    assert "dotnet/aspnet:10.0-noble-chiseled-extra" in guide
    assert 'data-outcome="unavailable"' in guide
    # Same answers as the model for every default-architecture path.
    for answers, outcome in real.paths():
        if answers.get("arch", "multi") == "multi" and outcome.ok and outcome.run:
            assert f"{outcome.run.repository}:{outcome.run.tag}" in guide


def test_server_renders_the_default_answer_and_its_result(real, catalog, english):
    """What the page shows before the script runs is the result of a link without answers."""
    html = render_wizard(real, catalog, english)
    path, outcome = real.walk({})
    for key, value in path.items():
        ident = f"wz-{key}-{value}".replace(".", "_")
        assert f'id="{ident}" name="{key}" value="{value}" checked' in html, key
    assert html.count(" checked") == len(path)
    assert f'data-image-ref="{outcome.run.reference}"' in html and f'data-image-ref="{outcome.build.reference}"' in html
    assert f'data-clipboard-text="{outcome.run.fixed_reference}"' in html
    view = _view(real, catalog, english, int(html.split('data-start="')[1].split('"')[0]))
    assert view["run"]["ref"] == outcome.run.reference
    assert view["run"]["href"] == tag_href("../images/aspnet/", outcome.run.tag)
    assert "Read more" not in html


def test_tag_links_land_on_the_row():
    assert tag_href("../images/aspnet/", "10.0-noble") == "../images/aspnet/?tag=10.0-noble#tag-10.0-noble"


def _view(real, catalog, messages, index: int) -> dict:
    sayers: dict = {}
    data = wizard_data(real, catalog, sayers)
    return result_view(data, index, wizard_words(real, catalog, data, sayers, messages), messages)


def test_result_view_carries_the_windows_server_warning(real, catalog, english):
    """The server's rendering of a result says what wizard.js says for it, the Windows warning included."""
    data = wizard_data(real, catalog)
    warned = [i for i, o in enumerate(data["outcomes"]) if "w" in o]
    assert warned
    for index in warned[:20]:
        view = _view(real, catalog, english, index)
        assert data["texts"][data["outcomes"][index]["w"]] in view["status_text"]
        assert view["status_class"] in ("warning", "danger")


def test_the_words_of_the_result_say_the_data_file_again_in_each_language(real, catalog, english):
    """English words are the data file's own texts (so the English page reads as before), and the Korean
    words say every one of them in Korean: dead ends, ways out, Windows warnings, reasons, channel statuses."""
    korean = load_guide(on=catalog.today).messages["ko"]  # with its wizard.ko.yml texts
    sayers: dict = {}
    data = wizard_data(real, catalog, sayers)
    words = wizard_words(real, catalog, data, sayers, english)
    assert words["texts"] == data["texts"]
    assert words["reasons"] == data["reasons"]
    assert words["channels"] == data["channels"]
    said = wizard_words(real, catalog, data, sayers, korean)
    hangul = re.compile(r"[\uac00-\ud7a3]")
    assert len(said["texts"]) == len(data["texts"]) > 20
    assert [t for t in said["texts"] if not hangul.search(t)] == []
    assert [r for r in said["reasons"] if not (hangul.search(r[0]) and hangul.search(r[2]))] == []
    assert [
        c for c, s in said["channels"].items() if not hangul.search(s[1]) or (s[2] and not hangul.search(s[2]))
    ] == []
    assert all(hangul.search(sentence) for sentence in said["ui"].values())
    assert any("Windows Server 2016 지원이" in t for t in said["texts"])  # the os warning, said again

"""Load data/wizard.yml, check it against the catalog, and compute every path's answer (the decision tree)."""
from __future__ import annotations

import string
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Literal, Optional

from .catalog import DATA_DIR, ROOT, load_catalog, read_model
from .errors import Problems
from .model import REGISTRY, Catalog, Image, Variant, version_key
from .schema import line
from .yamlio import display_path

DOCS_DIR = ROOT / "docs"


# --- the schema (these classes are it) ---------------------------------------------------

@dataclass(frozen=True)
class When:
    """One condition: every listed question has one of the listed answers. Keys = the link contract."""

    goal: tuple[str, ...] = ()
    framework: tuple[str, ...] = ()
    app: tuple[str, ...] = ()
    deploy: tuple[str, ...] = ()
    version: tuple[str, ...] = ()
    os: tuple[str, ...] = ()
    distro: tuple[str, ...] = ()
    windows: tuple[str, ...] = ()
    winver: tuple[str, ...] = ()
    hardened: tuple[str, ...] = ()
    globalization: tuple[str, ...] = ()
    composite: tuple[str, ...] = ()
    arch: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # (key, allowed values) for each key named: holds() reads it for every rule on every path.
        object.__setattr__(self, "_items", tuple((f.name, getattr(self, f.name)) for f in fields(self)
                                                 if getattr(self, f.name)))

    def items(self) -> tuple:
        """(key, allowed values) for each key the condition names, in asking order."""
        return self._items


KEYS = tuple(f.name for f in fields(When))  # the query-string keys, in asking order


def holds(conditions: tuple[When, ...], answers: dict) -> bool:
    """No condition: always; otherwise any one condition (every key it names has an allowed answer).

    Plain loops over precomputed items: the wizard asks this tens of thousands of times a build.
    """
    if not conditions:
        return True
    answer = answers.get
    for condition in conditions:
        for key, allowed in condition._items:
            if answer(key) not in allowed:
                break
        else:
            return True
    return False


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    help: Optional[str] = None
    when: tuple[When, ...] = ()
    distro: Optional[str] = None             # the catalog distro this answer selects
    os_version_suffix: Optional[str] = None  # Windows: nanoserver + "-" + ltsc2025
    arch: Optional[str] = None               # the catalog architecture (none: multi-platform)


@dataclass(frozen=True)
class Question:
    id: str
    legend: str
    help: Optional[str] = None
    when: tuple[When, ...] = ()
    options: tuple[Option, ...] = ()
    # "channels": the options are the channels of the build-stage repository, from the catalog.
    options_from: Optional[Literal["channels"]] = None
    default: Optional[str] = None
    # newest_lts: the newest LTS channel in support; plain_tag: the distro of the channel's plain tag.
    default_from: Optional[Literal["newest_lts", "plain_tag"]] = None


@dataclass(frozen=True)
class VariantRule:
    when: tuple[When, ...]
    variant: Variant


@dataclass(frozen=True)
class StageRule:
    repository: str
    reason: str
    link: str
    when: tuple[When, ...] = ()
    variants: tuple[Variant, ...] = ()
    # Tried only when the rule before it holds but the catalog cannot satisfy it.
    fallback: bool = False


@dataclass(frozen=True)
class DeadEnd:
    when: tuple[When, ...]
    because: str
    # A policy, not a catalog gap: applies whenever `when` holds, even if some image would match.
    block: bool = False


@dataclass(frozen=True)
class Reason:
    when: tuple[When, ...]
    text: str
    link: str


@dataclass(frozen=True)
class Dockerfile:
    when: tuple[When, ...]
    text: str


@dataclass(frozen=True)
class WizardRules:
    questions: tuple[Question, ...]
    run_variants: tuple[VariantRule, ...]
    run: tuple[StageRule, ...]
    build: tuple[StageRule, ...]
    dead_ends: tuple[DeadEnd, ...]
    reasons: tuple[Reason, ...]
    dockerfiles: tuple[Dockerfile, ...]


# --- the computed answers ------------------------------------------------------------------

@dataclass(frozen=True)
class Stage:
    """One recommended image: floating reference, fixed tag, and the repository page."""

    repository: str
    slug: str
    tag: str
    fixed_tag: str

    @property
    def reference(self) -> str:
        return f"{REGISTRY}/{self.repository}:{self.tag}"

    @property
    def fixed_reference(self) -> str:
        return f"{REGISTRY}/{self.repository}:{self.fixed_tag}"


@dataclass(frozen=True)
class Outcome:
    """What one path ends in: images (a result) or `because` (a dead end) with alternatives."""

    channel: Optional[str] = None
    run: Optional[Stage] = None
    build: Optional[Stage] = None
    reasons: tuple[int, ...] = ()      # indexes into Wizard.reasons
    dockerfile: Optional[int] = None   # index into WizardRules.dockerfiles
    because: Optional[str] = None
    alternatives: tuple[tuple[str, str], ...] = ()  # (key, value): change one answer

    @property
    def ok(self) -> bool:
        return self.because is None


@dataclass
class Node:
    """A question asked at one point of the tree; children are Nodes or Outcomes."""

    key: str
    children: dict  # value -> Node | Outcome
    default: str = ""
    has_result: bool = False


@dataclass
class Wizard:
    rules: WizardRules
    root: Node
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (text, docs path)
    version_options: tuple[Option, ...] = ()
    channel_labels: dict = field(default_factory=dict)

    def question(self, key: str) -> Question:
        return next(q for q in self.rules.questions if q.id == key)

    def options(self, key: str) -> tuple[Option, ...]:
        question = self.question(key)
        return self.version_options if question.options_from == "channels" else question.options

    def walk(self, answers: dict, start: Optional[Node] = None) -> tuple[dict, Outcome]:
        """The path a set of answers takes (unusable answers replaced by defaults) and its end.

        `start` begins the walk at a node below the root (the path then holds only what follows it).
        """
        node, path = self.root if start is None else start, {}
        while isinstance(node, Node):
            value = answers.get(node.key)
            if value not in node.children:
                value = node.default
            path[node.key] = value
            node = node.children[value]
        return path, node

    def paths(self, node=None, path=None):
        """Every (answers, outcome) pair: all the paths through the questions."""
        node = self.root if node is None else node
        path = {} if path is None else path
        if not isinstance(node, Node):
            yield dict(path), node
            return
        for value, child in node.children.items():
            path[node.key] = value
            yield from self.paths(child, path)
            del path[node.key]


# --- loading -----------------------------------------------------------------------------------

_cache: dict = {}


def load_wizard(path: Path | None = None, catalog: Catalog | None = None, docs_dir: Path | None = None) -> Wizard:
    """The validated rules with every path computed; cached until the file or catalog changes."""
    path = Path(path or DATA_DIR / "wizard.yml").resolve()
    catalog = catalog or load_catalog()
    docs_dir = Path(docs_dir or DOCS_DIR)
    stat = path.stat() if path.exists() else None
    key = (str(path), stat and (stat.st_mtime_ns, stat.st_size), id(catalog), str(docs_dir))
    if key not in _cache:
        _cache.clear()
        _cache[key] = _load(path, catalog, docs_dir)
    return _cache[key]


def _load(path: Path, catalog: Catalog, docs_dir: Path) -> Wizard:
    problems = Problems()
    root = path.parent.parent
    rules = read_model(path, WizardRules, problems, root)
    problems.raise_if_any()
    file = display_path(path, root)
    version_options = _version_options(rules, catalog)
    _check_rules(rules, file, catalog, docs_dir, version_options, problems)
    problems.raise_if_any()
    wizard = _Builder(rules, catalog, version_options, file, problems).build()
    problems.raise_if_any()
    return wizard


def _version_options(rules: WizardRules, catalog: Catalog) -> tuple[Option, ...]:
    """One option per channel of the build-stage repositories, newest first, with its product."""
    channels = []
    for rule in rules.build:
        try:
            repo = catalog.repository(rule.repository)
        except KeyError:
            continue
        channels += [c for c in repo.channels if c not in channels and c in catalog.channels]
    options = []
    # .NET first, then .NET Framework; newest first within each.
    channels.sort(key=version_key, reverse=True)
    channels.sort(key=lambda c: catalog.channel(c).product == ".NET Framework")
    for channel in channels:
        info = catalog.channel(channel)
        options.append(Option(value=channel, label=f"{info.product} {channel}", help=info.status_label))
    return tuple(options)


def _check_rules(rules, file, catalog, docs_dir, version_options, problems: Problems) -> None:
    """Checks on the file alone (and names in the catalog), before any path is computed."""
    seen: dict[str, int] = {}
    values: dict[str, set] = {}
    for index, question in enumerate(rules.questions):
        where = f"questions[{index}]"
        if question.id not in KEYS:
            problems.add(file, line(question, "id"), f"{where}.id",
                         f"unknown question '{question.id}' (expected one of the link keys: {', '.join(KEYS)})")
        elif question.id in seen:
            problems.add(file, line(question, "id"), f"{where}.id", f"'{question.id}' is asked twice")
        seen[question.id] = index
        if question.options_from and question.options:
            problems.add(file, line(question, "options"), f"{where}.options", "give options or options_from, not both")
        if not question.options_from and not question.options:
            problems.add(file, line(question), f"{where}.options", "expected at least one option (or options_from: channels)")
        options = version_options if question.options_from == "channels" else question.options
        values[question.id] = {o.value for o in options}
        for n, option in enumerate(question.options):
            if [o.value for o in question.options].count(option.value) > 1:
                problems.add(file, line(option, "value"), f"{where}.options[{n}].value", f"'{option.value}' is listed twice")
            if option.distro and option.distro not in catalog.distros:
                problems.add(file, line(option, "distro"), f"{where}.options[{n}].distro",
                             f"unknown distro '{option.distro}' (expected one of: {', '.join(sorted(catalog.distros))})")
            if option.arch and option.arch not in catalog.architectures:
                problems.add(file, line(option, "arch"), f"{where}.options[{n}].arch",
                             f"unknown architecture '{option.arch}' (expected one of: {', '.join(catalog.architectures)})")
        if question.default is not None and question.default not in values[question.id]:
            problems.add(file, line(question, "default"), f"{where}.default",
                         f"'{question.default}' is not one of its options ({', '.join(sorted(values[question.id]))})")
        if question.default is None and question.default_from is None:
            problems.add(file, line(question), f"{where}.default", "missing (expected default or default_from)")
    order = [q.id for q in rules.questions]
    # Conditions may only name questions asked earlier, with values those questions offer.
    for index, question in enumerate(rules.questions):
        _check_when(question.when, order[:index], values, file, f"questions[{index}].when", question, problems)
        for n, option in enumerate(question.options):
            _check_when(option.when, order[:index], values, file, f"questions[{index}].options[{n}].when", option, problems)
    for section in ("run_variants", "run", "build", "dead_ends", "reasons", "dockerfiles"):
        for index, entry in enumerate(getattr(rules, section)):
            _check_when(entry.when, order, values, file, f"{section}[{index}].when", entry, problems)
    for section in ("run", "build"):
        for index, rule in enumerate(getattr(rules, section)):
            try:
                catalog.repository(rule.repository)
            except KeyError as error:
                problems.add(file, line(rule, "repository"), f"{section}[{index}].repository", error.args[0])
    for section in ("run", "build", "reasons"):
        for index, entry in enumerate(getattr(rules, section)):
            page = entry.link.split("#")[0]
            if not (docs_dir / page).is_file():
                problems.add(file, line(entry, "link"), f"{section}[{index}].link",
                             f"no page docs/{page} (expected a path under docs/, like guide/tags.md)")
    for index, dead_end in enumerate(rules.dead_ends):
        for name in _placeholders(dead_end.because):
            if name not in KEYS:
                problems.add(file, line(dead_end, "because"), f"dead_ends[{index}].because",
                             f"unknown placeholder {{{name}}} (expected one of: {', '.join(KEYS)})")
    for index, dockerfile in enumerate(rules.dockerfiles):
        for name in _placeholders(dockerfile.text):
            if name not in ("build", "run"):
                problems.add(file, line(dockerfile, "text"), f"dockerfiles[{index}].text",
                             f"unknown placeholder {{{name}}} (expected {{build}} or {{run}})")


def _placeholders(text: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return ["(unbalanced brace)"]


def _check_when(conditions, earlier, values, file, where, owner, problems) -> None:
    for n, condition in enumerate(conditions):
        for key, allowed in condition.items():
            at = line(owner, "when")
            if key not in earlier:
                problems.add(file, at, f"{where}[{n}].{key}",
                             f"'{key}' is not asked before this point (expected one of: {', '.join(earlier) or 'nothing'})")
                continue
            for value in allowed:
                if value not in values.get(key, ()):
                    problems.add(file, at, f"{where}[{n}].{key}",
                                 f"'{value}' is not an option of '{key}' (expected one of: {', '.join(sorted(values[key]))})")


# --- computing every path ------------------------------------------------------------------------

def _named(tag: str, os_version: str) -> bool:
    return f"-{os_version}-" in f"-{tag}-"


def _pick_tags(image: Image, multi: bool) -> Optional[tuple[str, str]]:
    """(floating tag, fixed tag) naming the image's OS version; multi-platform when asked (Linux)."""
    tags = image.shared_tags if multi and image.os == "linux" else image.platform_tags
    named = [t for t in tags if _named(t, image.os_version)]
    floating = sorted((t for t in named if not image.is_fixed(t)), key=lambda t: (len(t), t))
    fixed = sorted((t for t in named if image.is_fixed(t)), key=lambda t: (len(t), t))
    if not floating or not fixed:
        return None
    return floating[0], fixed[0]


class _Builder:
    """Walks every path through the questions and resolves each to images or a dead end."""

    def __init__(self, rules: WizardRules, catalog: Catalog, version_options, file: str, problems: Problems):
        self.rules, self.catalog, self.file, self.problems = rules, catalog, file, problems
        self.version_options = version_options
        self.os_order = {o.os_version: n for n, o in enumerate(catalog.platforms.os_versions)}
        self.option_by = {(q.id, o.value): o for q in rules.questions for o in q.options}
        self.used: set = set()
        self._channel_os_cache: dict = {}
        self._image_index: dict = {}
        self._found: dict = {}
        self.reasons: list[tuple[str, str]] = [(r.text, r.link) for r in rules.reasons]
        base = len(self.reasons)
        self.run_reason = {i: base + i for i in range(len(rules.run))}
        self.reasons += [(r.reason, r.link) for r in rules.run]
        base = len(self.reasons)
        self.build_reason = {i: base + i for i in range(len(rules.build))}
        self.reasons += [(r.reason, r.link) for r in rules.build]
        self.unexplained: dict = {}
        self.no_dockerfile: list = []

    def options(self, question: Question):
        return self.version_options if question.options_from == "channels" else question.options

    def build(self) -> Wizard:
        root = self._visit({})
        wizard = Wizard(rules=self.rules, root=root, reasons=self.reasons, version_options=self.version_options,
                        channel_labels={c.channel: (c.status, c.status_label) for c in self.catalog.lifecycle.channels})
        self._add_alternatives(wizard)
        self._report_unused(root)
        return wizard

    # The tree -------------------------------------------------------------------------------

    def _next_question(self, answers: dict) -> Optional[Question]:
        for question in self.rules.questions:
            if question.id not in answers and holds(question.when, answers):
                return question
        return None

    def _visit(self, answers: dict):
        question = self._next_question(answers)
        if question is None:
            return self._resolve(answers)
        children = {}
        for option in self._offered(question, answers):
            if holds(option.when, answers):
                answers[question.id] = option.value
                children[option.value] = self._visit(answers)
                del answers[question.id]
        if not children:
            self.problems.add(self.file, line(question), f"questions[{self.rules.questions.index(question)}]",
                              f"no option can be chosen after {_query(answers)}")
            return Outcome(because="(no option)")
        node = Node(key=question.id, children=children)
        node.has_result = any(c.has_result if isinstance(c, Node) else c.ok for c in children.values())
        preferred = self._preferred(question, answers)
        good = [v for v, c in children.items() if (c.has_result if isinstance(c, Node) else c.ok)]
        node.default = preferred if preferred in good else (good[0] if good else (
            preferred if preferred in children else next(iter(children))))
        return node

    def _offered(self, question: Question, answers: dict):
        """The options of a question; channels are those of the build-stage repository for these answers."""
        if question.options_from != "channels":
            return question.options
        repo = self._build_repository(answers)
        channels = set(repo.channels) if repo else set()
        return [o for o in self.version_options if o.value in channels]

    def _preferred(self, question: Question, answers: dict) -> Optional[str]:
        if question.default is not None:
            return question.default
        if question.default_from == "newest_lts":
            offered = [o.value for o in self._offered(question, answers)]
            infos = [self.catalog.channel(v) for v in offered]
            for wanted in (lambda c: c.release_type == "lts" and c.in_support, lambda c: c.in_support, lambda c: True):
                found = [c.channel for c in infos if wanted(c)]
                if found:
                    return max(found, key=version_key)
            return None
        if question.default_from == "plain_tag":
            repo = self._build_repository(answers)
            images = [i for i in repo.images if i.channel == answers.get("version") and i.os == "linux"] if repo else []
            best = None
            for image in images:
                for tag in image.shared_tags:
                    if not _named(tag, image.os_version) and image.distro not in tag:
                        if best is None or len(tag) < len(best[0]):
                            best = (tag, image.distro)
            if best:
                return next((o.value for o in question.options if o.distro == best[1]), None)
        return None

    def _build_repository(self, answers):
        for rule in self.rules.build:
            if holds(rule.when, answers):
                return self.catalog.repository(rule.repository)
        return None

    # One path -------------------------------------------------------------------------------

    def _platform(self, answers: dict):
        """(distro, exact os_version or None, architecture or None) from the answers."""
        distro = os_version = arch = None
        for key in ("distro", "windows"):
            option = self.option_by.get((key, answers.get(key)))
            if option and option.distro:
                distro = option.distro
        suffix = self.option_by.get(("winver", answers.get("winver")))
        if suffix and suffix.os_version_suffix and distro:
            os_version = f"{distro}-{suffix.os_version_suffix}"
        arch_option = self.option_by.get(("arch", answers.get("arch")))
        if arch_option:
            arch = arch_option.arch
        return distro, os_version, arch

    def _find(self, repository: str, channel: str, distro, os_version, arch, variants, multi: bool,
              prefer_os: Optional[str] = None) -> Optional[tuple[Image, tuple[str, str]]]:
        """The best image (and its tags) of a repository for a channel and platform (memoised: many
        paths differ only in answers that do not change which image fits)."""
        key = (repository, channel, distro, os_version, arch, frozenset(variants), multi, prefer_os)
        if key not in self._found:
            self._found[key] = self._search(*key)
        return self._found[key]

    def _search(self, repository: str, channel: str, distro, os_version, arch, wanted: frozenset, multi: bool,
                prefer_os: Optional[str]) -> Optional[tuple[Image, tuple[str, str]]]:
        found = []
        for image in self._images(repository, channel, distro):
            if frozenset(image.variants) != wanted:
                continue
            if os_version and image.os_version != os_version:
                continue
            if arch and image.architecture != arch:
                continue
            tags = _pick_tags(image, multi)
            if tags:
                found.append((self._os_rank(image, prefer_os, self._channel_os(repository, channel)), image, tags))
        if not found:
            return None
        found.sort(key=lambda item: item[0], reverse=True)
        return found[0][1], found[0][2]

    def _images(self, repository: str, channel: str, distro: str) -> list:
        key = (repository, channel, distro)
        if key not in self._image_index:
            self._image_index[key] = [i for i in self.catalog.repository(repository).images
                                      if i.channel == channel and i.distro == distro]
        return self._image_index[key]

    def _channel_os(self, repository: str, channel: str) -> frozenset:
        """OS versions a channel's tags without an OS version point to (10.0 -> noble, 10.0-alpine -> alpine3.24)."""
        key = (repository, channel)
        if key not in self._channel_os_cache:
            self._channel_os_cache[key] = frozenset(
                i.os_version for i in self.catalog.repository(repository).images
                if i.channel == channel and any(not _named(t, i.os_version) for t in i.tags))
        return self._channel_os_cache[key]

    def _os_rank(self, image: Image, prefer_os: Optional[str], channel_os: frozenset) -> tuple:
        """Prefer the OS version of the other stage, then the one the channel's floating tags use, then the newest."""
        return (image.os_version == prefer_os, image.os_version in channel_os,
                self.os_order.get(image.os_version, -1), image.architecture == "amd64")

    def _resolve(self, answers: dict) -> Outcome:
        channel = answers.get("version")
        distro, os_version, arch = self._platform(answers)
        multi = answers.get("arch") in (None, "multi")
        variants = []
        for index, rule in enumerate(self.rules.run_variants):
            if holds(rule.when, answers):
                variants.append(rule.variant)
                self.used.add(("run_variants", index))
        for index, dead_end in enumerate(self.rules.dead_ends):
            if dead_end.block and holds(dead_end.when, answers):
                return self._dead_end(answers, index)
        run = run_image = None
        run_index = None
        run_rules = _candidates(self.rules.run, answers)
        for index, rule in run_rules:
            found = self._find(rule.repository, channel, distro, os_version, arch, list(rule.variants) + variants, multi)
            if found:
                run_image, tags = found
                run = self._stage(rule.repository, tags)
                run_index = index
                break
        if run_rules and run is None:
            return self._dead_end(answers)
        build = None
        build_index = None
        for index, rule in _candidates(self.rules.build, answers):
            # The build stage runs on the build machine: its architecture matters only for Native AOT
            # (which compiles for the machine it runs on) or when building is the goal.
            needs_arch = arch if (run is None or "aot" in rule.variants) else None
            prefer = run_image.os_version if run_image else None
            found = self._find(rule.repository, channel, distro, os_version, needs_arch, rule.variants, True, prefer)
            if found:
                build = self._stage(rule.repository, found[1])
                build_index = index
                break
        if build is None:
            return self._dead_end(answers)
        if run_index is not None:
            self.used.add(("run", run_index))
        self.used.add(("build", build_index))
        reasons = [i for i, r in enumerate(self.rules.reasons) if holds(r.when, answers)]
        for i in reasons:
            self.used.add(("reasons", i))
        reasons = ([self.run_reason[run_index]] if run_index is not None else []) + [self.build_reason[build_index]] + reasons
        dockerfile = next((i for i, d in enumerate(self.rules.dockerfiles) if holds(d.when, answers)), None)
        if dockerfile is None:
            self.no_dockerfile.append(dict(answers))
        else:
            self.used.add(("dockerfiles", dockerfile))
        for stage in (run, build):
            if stage and not self.catalog.has_reference(stage.reference):
                self.problems.add(self.file, 0, _query(answers), f"{stage.reference} is not in the catalog")
        return Outcome(channel=channel, run=run, build=build, reasons=tuple(reasons), dockerfile=dockerfile)

    def _stage(self, repository: str, tags: tuple[str, str]) -> Stage:
        info = self.catalog.repository(repository).info
        return Stage(repository=info.repository, slug=info.slug, tag=tags[0], fixed_tag=tags[1])

    def _dead_end(self, answers: dict, only: Optional[int] = None) -> Outcome:
        for index, dead_end in enumerate(self.rules.dead_ends):
            if (only is None and not dead_end.block or index == only) and holds(dead_end.when, answers):
                self.used.add(("dead_ends", index))
                labels = {k: self._label(k, v) for k, v in answers.items()}
                text = dead_end.because.format_map(_Labels(labels))
                return Outcome(channel=answers.get("version"), because=text)
        key = _query(answers)
        self.unexplained.setdefault("x", []).append(key)
        return Outcome(channel=answers.get("version"), because="(unexplained)")

    def _label(self, key: str, value: str) -> str:
        if key == "version":
            return next((o.label for o in self.version_options if o.value == value), value)
        option = self.option_by.get((key, value))
        return option.label if option else value

    # After the tree -------------------------------------------------------------------------------

    def _add_alternatives(self, wizard: Wizard) -> None:
        """Each dead end offers the closest results: one answer changed, the latest questions first."""

        def fix(node, path):
            if not isinstance(node, Node):
                return node
            for value, child in list(node.children.items()):
                path[node.key] = value
                if isinstance(child, Outcome) and not child.ok:
                    node.children[value] = _with_alternatives(wizard, child, dict(path))
                else:
                    fix(child, path)
                del path[node.key]
            return node

        fix(wizard.root, {})

    def _report_unused(self, root) -> None:
        offered = set()

        def collect(node):
            if isinstance(node, Node):
                for value, child in node.children.items():
                    offered.add((node.key, value))
                    collect(child)

        collect(root)
        for index, question in enumerate(self.rules.questions):
            if not any(key == question.id for key, _ in offered):
                self.problems.add(self.file, line(question), f"questions[{index}]", f"'{question.id}' is never asked (its `when` never holds)")
                continue
            for n, option in enumerate(self.options(question)):
                if (question.id, option.value) not in offered:
                    at = line(option, "value") if question.options else line(question)
                    self.problems.add(self.file, at, f"questions[{index}].options[{n}]",
                                      f"option '{option.value}' can never be chosen (unreachable)")
        for section in ("run_variants", "run", "build", "dead_ends", "reasons", "dockerfiles"):
            for index, entry in enumerate(getattr(self.rules, section)):
                if (section, index) not in self.used:
                    self.problems.add(self.file, line(entry), f"{section}[{index}]", "never used by any path (remove it, or fix its `when`)")
        for key in self.unexplained.get("x", [])[:5]:
            self.problems.add(self.file, line(self.rules, "dead_ends"), "dead_ends",
                              f"no image fits {key} and no dead end explains why "
                              f"({len(self.unexplained['x'])} such paths; add an entry whose `when` holds)")
        for answers in self.no_dockerfile[:5]:
            self.problems.add(self.file, line(self.rules, "dockerfiles"), "dockerfiles",
                              f"no Dockerfile for {_query(answers)} ({len(self.no_dockerfile)} such paths)")


def _candidates(rules, answers: dict) -> list:
    """The first rule whose `when` holds, then the fallbacks right after it whose `when` holds too."""
    found = []
    for index, rule in enumerate(rules):
        if found and not rule.fallback:
            break
        if holds(rule.when, answers) and (found or not rule.fallback):
            found.append((index, rule))
    return found


class _Labels(dict):
    def __missing__(self, key):
        return "this choice"


def _with_alternatives(wizard: Wizard, outcome: Outcome, path: dict) -> Outcome:
    found = []
    node = wizard.root
    nodes = []
    while isinstance(node, Node):  # the questions along this path
        nodes.append(node)
        node = node.children[path[node.key]]
    for node in reversed(nodes):
        for value, child in node.children.items():
            if value == path[node.key]:
                continue
            # The questions before `node` keep their answers, so the walk can start at its child.
            _, end = wizard.walk(path, start=child)
            if end.ok:
                found.append((node.key, value))
                break  # one alternative per question
        if len(found) == 3:
            break
    return Outcome(channel=outcome.channel, because=outcome.because, alternatives=tuple(found))


def _query(answers: dict) -> str:
    return "?" + "&".join(f"{k}={answers[k]}" for k in KEYS if k in answers)



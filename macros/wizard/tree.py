"""Walk every path through the questions and resolve each to images (a result) or a dead end."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data.errors import Problems
from ..data.schema import line
from ..model.catalog import Catalog
from ..model.order import version_key
from .answers import Node, Outcome, Stage, Wizard
from .container import container_properties
from .dockerfile import prepare
from .rules import KEYS, Question, WizardRules, holds
from .search import ImageSearch


@dataclass
class Coverage:
    """What the paths used, so rules that no path reaches can be reported."""

    used: set = field(default_factory=set)  # (section, index)
    unexplained: list = field(default_factory=list)  # answers with no image and no dead end
    no_dockerfile: list = field(default_factory=list)


def query(answers: dict) -> str:
    """The answers as the wizard's link spells them: ?goal=run&..."""
    return "?" + "&".join(f"{k}={answers[k]}" for k in KEYS if k in answers)


class TreeBuilder:
    def __init__(self, rules: WizardRules, catalog: Catalog, version_options, file: str, problems: Problems):
        self.rules, self.catalog, self.file, self.problems = rules, catalog, file, problems
        self.version_options = version_options
        self.option_by = {(q.id, o.value): o for q in rules.questions for o in q.options}
        self.search = ImageSearch(catalog)
        self.coverage = Coverage()
        self._dockerfile_ids: dict[str, int] = {}
        self._container_ids: dict[str, int] = {}
        self.phrases: dict[str, tuple[str, dict]] = {}
        # Reasons by index: the rules' own reasons, then each run rule's, then each build rule's.
        self.reasons: list[tuple[str, str]] = [(r.text, r.link) for r in rules.reasons]
        self.run_reason = {i: len(self.reasons) + i for i in range(len(rules.run))}
        self.reasons += [(r.reason, r.link) for r in rules.run]
        self.build_reason = {i: len(self.reasons) + i for i in range(len(rules.build))}
        self.reasons += [(r.reason, r.link) for r in rules.build]

    def build(self) -> Wizard:
        root = self._visit({})  # first: visiting fills the Dockerfiles
        return Wizard(
            dockerfiles=list(self._dockerfile_ids),
            containers=list(self._container_ids),
            rules=self.rules,
            root=root,
            reasons=self.reasons,
            version_options=self.version_options,
            channel_labels={c.channel: (c.status, c.status_label, _stops(c)) for c in self.catalog.lifecycle.channels},
            phrases=self.phrases,
        )

    # The tree -------------------------------------------------------------------------------

    def _next_question(self, answers: dict) -> Question | None:
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
            self.problems.add(
                self.file,
                line(question),
                f"questions[{self.rules.questions.index(question)}]",
                f"no option can be chosen after {query(answers)}",
            )
            return Outcome(because="(no option)")
        node = Node(key=question.id, children=children)
        good = [v for v, c in children.items() if (c.has_result if isinstance(c, Node) else c.ok)]
        node.has_result = bool(good)
        preferred = self._preferred(question, answers)
        node.default = (
            preferred
            if preferred in good
            else (good[0] if good else (preferred if preferred in children else next(iter(children))))
        )
        return node

    def _offered(self, question: Question, answers: dict):
        """The options of a question; channels are those of the build-stage repository for these answers."""
        if question.options_from != "channels":
            return question.options
        repo = self._build_repository(answers)
        channels = set(repo.channels) if repo else set()
        return [o for o in self.version_options if o.value in channels]

    def _preferred(self, question: Question, answers: dict) -> str | None:
        if question.default is not None:
            return question.default
        if question.default_from == "newest_lts":
            offered = [o.value for o in self._offered(question, answers)]
            infos = [self.catalog.channel(v) for v in offered]
            for wanted in (lambda c: c.release_type == "lts" and c.in_support, lambda c: c.in_support, lambda _: True):
                found = [c.channel for c in infos if wanted(c)]
                if found:
                    return max(found, key=version_key)
            return None
        if question.default_from == "plain_tag":
            return self._plain_tag_distro(question, answers)
        return None

    def _plain_tag_distro(self, question: Question, answers: dict) -> str | None:
        """The option for the distro of the channel's shortest tag without an OS in it (10.0 -> Ubuntu)."""
        repo = self._build_repository(answers)
        images = [i for i in repo.images if i.channel == answers.get("version") and i.os == "linux"] if repo else []
        best = None
        for image in images:
            for tag in image.shared_tags:
                plain = not image.names_os(tag) and image.distro not in tag
                if plain and (best is None or len(tag) < len(best[0])):
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

    def _use(self, section: str, index: int) -> None:
        self.coverage.used.add((section, index))

    def _resolve(self, answers: dict) -> Outcome:
        channel = answers.get("version")
        distro, os_version, arch = self._platform(answers)
        multi = answers.get("arch") in (None, "multi")
        variants = []
        for index, rule in enumerate(self.rules.run_variants):
            if holds(rule.when, answers):
                variants.append(rule.variant)
                self._use("run_variants", index)
        for index, dead_end in enumerate(self.rules.dead_ends):
            if dead_end.block and holds(dead_end.when, answers):
                return self._dead_end(answers, index)
        run = run_image = run_index = None
        run_rules = _candidates(self.rules.run, answers)
        for index, rule in run_rules:
            found = self.search.find(
                rule.repository, channel, distro, os_version, arch, list(rule.variants) + variants, multi
            )
            if found:
                run_image, tags = found
                run, run_index = self._stage(rule.repository, tags), index
                break
        if run_rules and run is None:
            return self._dead_end(answers)
        build = build_index = None
        for index, rule in _candidates(self.rules.build, answers):
            # The build stage runs on the build machine: its architecture matters only for Native AOT
            # (which compiles for the machine it runs on) or when building is the goal.
            needs_arch = arch if (run is None or "aot" in rule.variants) else None
            prefer = run_image.os_version if run_image else None
            found = self.search.find(
                rule.repository, channel, distro, os_version, needs_arch, rule.variants, True, prefer
            )
            if found:
                build, build_index, build_image = self._stage(rule.repository, found[1]), index, found[0]
                break
        if build is None:
            return self._dead_end(answers)
        dockerfile = self._dockerfile(answers, arch, build_image)
        return self._result(answers, channel, run, run_index, build, build_index, dockerfile)

    def _dockerfile(self, answers: dict, arch, build_image) -> int | None:
        """Index into self.dockerfiles of the finished Dockerfile for these answers (stored once)."""
        index = next((i for i, d in enumerate(self.rules.dockerfiles) if holds(d.when, answers)), None)
        if index is None:
            self.coverage.no_dockerfile.append(dict(answers))
            return None
        self._use("dockerfiles", index)
        text = prepare(self.rules.dockerfiles[index].text, self.rules, self.catalog, arch, build_image)
        return self._dockerfile_ids.setdefault(text, len(self._dockerfile_ids))

    def _result(self, answers, channel, run, run_index, build, build_index, dockerfile) -> Outcome:
        if run_index is not None:
            self._use("run", run_index)
        self._use("build", build_index)
        reasons = [i for i, r in enumerate(self.rules.reasons) if holds(r.when, answers)]
        for i in reasons:
            self._use("reasons", i)
        reasons = (
            ([self.run_reason[run_index]] if run_index is not None else []) + [self.build_reason[build_index]] + reasons
        )
        for stage in (run, build):
            if stage and not self.catalog.has_reference(stage.reference):
                self.problems.add(self.file, 0, query(answers), f"{stage.reference} is not in the catalog")
        properties = container_properties(answers, run, self.catalog)
        container = None if properties is None else self._container_ids.setdefault(properties, len(self._container_ids))
        return Outcome(
            channel=channel, run=run, build=build, reasons=tuple(reasons), dockerfile=dockerfile, container=container
        )

    def _stage(self, repository: str, tags: tuple[str, str]) -> Stage:
        info = self.catalog.repository(repository).info
        return Stage(repository=info.repository, slug=info.slug, tag=tags[0], fixed_tag=tags[1])

    def _dead_end(self, answers: dict, only: int | None = None) -> Outcome:
        for index, dead_end in enumerate(self.rules.dead_ends):
            if ((only is None and not dead_end.block) or index == only) and holds(dead_end.when, answers):
                self._use("dead_ends", index)
                labels = {k: self._label(k, v) for k, v in answers.items()}
                because = dead_end.because.format_map(_Labels(labels))
                self.phrases[because] = (dead_end.because, labels)
                return Outcome(channel=answers.get("version"), because=because)
        self.coverage.unexplained.append(query(answers))
        return Outcome(channel=answers.get("version"), because="(unexplained)")

    def _label(self, key: str, value: str) -> str:
        if key == "version":
            return next((o.label for o in self.version_options if o.value == value), value)
        option = self.option_by.get((key, value))
        return option.label if option else value


def _candidates(rules, answers: dict) -> list:
    """The first rule whose `when` holds, then the fallbacks right after it whose `when` holds too."""
    found = []
    for index, rule in enumerate(rules):
        if found and not rule.fallback:
            break
        if holds(rule.when, answers) and (found or not rule.fallback):
            found.append((index, rule))
    return found


def _stops(channel) -> str | None:
    """What ends with a channel's support, for an end-of-life or soon-ending answer."""
    if channel.status == "eol":
        return (
            f"Microsoft no longer ships security fixes for {channel.title} (since {channel.eol.isoformat()}): "
            "vulnerabilities found from now on stay open in these images, and the tags are no longer rebuilt."
        )
    if channel.status == "ending":
        return (
            f"Security fixes for {channel.title} stop on {channel.eol.isoformat()}; after that, vulnerabilities "
            "found stay open in these images."
        )
    return None


class _Labels(dict):
    def __missing__(self, key):
        return "this choice"

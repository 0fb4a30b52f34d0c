"""What the wizard computes: the decision tree of questions, and each path's images or dead end."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.repositories import reference
from .rules import Option, Question, WizardRules


@dataclass(frozen=True)
class Stage:
    """One recommended image: floating reference, fixed tag, and the repository page."""

    repository: str
    slug: str
    tag: str
    fixed_tag: str

    @property
    def reference(self) -> str:
        return reference(self.repository, self.tag)

    @property
    def fixed_reference(self) -> str:
        return reference(self.repository, self.fixed_tag)


@dataclass(frozen=True)
class Outcome:
    """What one path ends in: images (a result) or `because` (a dead end) with alternatives."""

    channel: str | None = None
    run: Stage | None = None
    build: Stage | None = None
    reasons: tuple[int, ...] = ()  # indexes into Wizard.reasons
    dockerfile: int | None = None  # index into Wizard.dockerfiles (finished but for {build} and {run})
    container: int | None = None  # index into Wizard.containers: the SDK publishing route, where it applies
    because: str | None = None
    alternatives: tuple[tuple[str, str, str], ...] = ()  # (key, value, why): change one answer, cheapest first
    switch: tuple[
        tuple[str, str], ...
    ] = ()  # end of life or ending soon: (key, value) changes to the newest supported channel, version first

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
    channel_labels: dict = field(default_factory=dict)  # channel -> (status, status label, what stops or None)
    dockerfiles: list[str] = field(default_factory=list)  # every distinct Dockerfile an answer shows
    containers: list[str] = field(default_factory=list)  # every distinct project-file PropertyGroup ({run} left)
    link_titles: dict = field(default_factory=dict)  # docs path -> the title of that page (link texts)
    # A dead end's or a way out's English text -> (its template in wizard.yml, {placeholder: English label}),
    # so another language can say it again from its own template and labels (render/wizard.py).
    phrases: dict = field(default_factory=dict)

    def question(self, key: str) -> Question:
        return next(q for q in self.rules.questions if q.id == key)

    def options(self, key: str) -> tuple[Option, ...]:
        question = self.question(key)
        return self.version_options if question.options_from == "channels" else question.options

    def label(self, key: str, value: str) -> str:
        """The label the page shows for an answer (the value itself when no option has it)."""
        return next((o.label for o in self.options(key) if o.value == value), value)

    def walk(self, answers: dict, start: Node | None = None) -> tuple[dict, Outcome]:
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

"""The change report as Markdown: the body of the refresh workflow's pull request (`--report FILE`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceRow:
    """One upstream source the sync read: what it is, its commit and the commit's date."""

    name: str  # dotnet/dotnet-docker
    commit: str
    date: str

    @property
    def url(self) -> str:
        return f"https://github.com/{self.name}/commit/{self.commit}"


# (heading, what the section holds when nothing changed)
SECTIONS = {
    "catalog": ("Tags and versions", "No tag or version changes."),
    "registry": ("Digests", "No digest changes."),
    "lifecycle": ("Support lifecycle", "No lifecycle changes."),
}


def markdown_report(sources: list[SourceRow], sections: dict[str, list[str]]) -> str:
    """The sources read, then one section per kind of change. Every upstream value in it passed its grammar
    (tags, versions, digests, channels, commits), so it holds no Markdown; the lines go in code blocks anyway,
    so their indentation and `+`/`-` marks read as the sync printed them."""
    lines = ["## Upstream data refreshed by `make sync`", "", "| Source | Commit | Commit date |", "|---|---|---|"]
    lines += [f"| {s.name} | [`{s.commit[:12]}`]({s.url}) | {s.date} |" for s in sources]
    for key, (heading, nothing) in SECTIONS.items():
        found = sections.get(key, [])
        lines += ["", f"### {heading}", ""]
        lines += ["```text", *found, "```"] if found else [nothing]
    return "\n".join(lines) + "\n"

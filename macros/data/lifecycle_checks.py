"""The lifecycle, checked and joined: the generated .NET channels (lifecycle/dotnet.yml, from releases-index.json)
with the hand-kept facts (lifecycle.yml: GA dates the index lacks, .NET Framework channels, Windows Server)."""

from __future__ import annotations

import datetime

from ..model import grammar
from ..model.lifecycle import (
    Channel,
    Lifecycle,
    LifecycleSource,
    ReleaseChannel,
    ReleasesFile,
    channel_status,
    windows_status,
)
from ..model.order import version_key
from .errors import Problems
from .schema import line, replace

RELEASED = ("active", "maintenance", "eol")  # dotnet/core phases after GA


def _check_sources(lifecycle: Lifecycle, file: str, problems: Problems) -> None:
    for index, source in enumerate(lifecycle.sources):
        wrong = grammar.problem("commit", source.commit) if source.commit is not None else None
        if wrong:
            problems.add(file, line(source, "commit"), f"sources[{index}].commit", wrong)
        if not source.url.startswith("https://"):
            problems.add(
                file, line(source, "url"), f"sources[{index}].url", f"got {source.url!r}, expected an https:// URL"
            )


def _check_generated(releases: ReleasesFile, file: str, problems: Problems) -> None:
    """The generated file passed the sync's checks; these catch a hand edit of it."""
    for kind, name, value in (("commit", "commit", releases.source.commit), ("path", "file", releases.source.file)):
        wrong = grammar.problem(kind, value)
        if wrong:
            problems.add(file, line(releases.source, name), f"source.{name}", wrong)
    seen = set()
    for index, channel in enumerate(releases.channels):
        for kind, name in (("channel", "channel"), ("version", "latest_release")):
            wrong = grammar.problem(kind, getattr(channel, name))
            if wrong:
                problems.add(file, line(channel, name), f"channels[{index}].{name}", wrong)
        if channel.channel in seen:
            problems.add(file, line(channel, "channel"), f"channels[{index}].channel", "listed twice")
        seen.add(channel.channel)


def _ga(channel: ReleaseChannel, ga_dates: dict, hand: str, file: str, index: int, problems: Problems):
    """The GA day, kept by hand. The index shows it only in the weeks its X.Y.0 is the newest release: then the
    hand-kept day must exist (so it outlives those weeks) and agree."""
    position, kept = ga_dates.get(channel.channel, (0, None))
    if kept and channel.ga and kept.ga != channel.ga:
        problems.add(
            hand,
            line(kept, "ga"),
            f"ga_dates[{position}].ga",
            f"GA {kept.ga} differs from {channel.ga}, the day of {channel.channel}.0 in {file}",
        )
    elif kept is None and channel.ga:
        problems.add(
            file,
            line(channel, "ga"),
            f"channels[{index}].ga",
            f'channel {channel.channel} went GA on {channel.ga}: add `{{channel: "{channel.channel}", ga: '
            f"{channel.ga}}}` to ga_dates in {hand} (releases-index.json stops showing the day at its next release)",
        )
    elif kept is None and channel.support_phase in RELEASED:
        problems.add(
            file,
            line(channel, "support_phase"),
            f"channels[{index}]",
            f"channel {channel.channel} is released (support_phase {channel.support_phase}) but its GA date is "
            f"unknown: add it to ga_dates in {hand} (the day of its {channel.channel}.0 release)",
        )
    return kept.ga if kept else channel.ga


def _dotnet_channels(releases: ReleasesFile, lifecycle: Lifecycle, hand: str, file: str, problems) -> list[Channel]:
    ga_dates = {g.channel: (n, g) for n, g in enumerate(lifecycle.ga_dates)}
    channels = []
    for index, upstream in enumerate(releases.channels):
        ga = _ga(upstream, ga_dates, hand, file, index, problems)
        if ga and upstream.eol and upstream.eol < ga:
            problems.add(
                file,
                line(upstream, "eol"),
                f"channels[{index}].eol",
                f"end of life {upstream.eol} is before GA {ga} (expected a later date)",
            )
        channel = Channel(
            channel=upstream.channel,
            product=upstream.product,
            release_type=upstream.release_type,
            ga=ga,
            eol=upstream.eol,
        )
        channels.append(replace(channel, support_phase=upstream.support_phase, latest_release=upstream.latest_release))
    for index, kept in enumerate(lifecycle.ga_dates):
        if kept.channel not in {c.channel for c in releases.channels}:
            problems.add(
                hand,
                line(kept, "channel"),
                f"ga_dates[{index}].channel",
                f"channel '{kept.channel}' is not in {file} (expected a channel of releases-index.json)",
            )
    return sorted(channels, key=lambda c: version_key(c.channel), reverse=True)


def _hand_kept_channels(lifecycle: Lifecycle, file: str, problems: Problems) -> list[Channel]:
    """lifecycle.yml's channels: .NET Framework only (every .NET channel comes from releases-index.json)."""
    for index, channel in enumerate(lifecycle.channels):
        path = f"channels[{index}]"
        wrong = grammar.problem("channel", channel.channel)
        if wrong:
            problems.add(file, line(channel, "channel"), f"{path}.channel", wrong)
        if channel.product != ".NET Framework":
            problems.add(
                file,
                line(channel, "product"),
                f"{path}.product",
                f"got '{channel.product}', expected '.NET Framework': .NET channels come from releases-index.json "
                "(lifecycle/dotnet.yml, written by `make sync`)",
            )
        if channel.ga and channel.eol and channel.eol < channel.ga:
            problems.add(
                file,
                line(channel, "eol"),
                f"{path}.eol",
                f"end of life {channel.eol} is before GA {channel.ga} (expected a later date)",
            )
    return list(lifecycle.channels)


def _check_windows(lifecycle: Lifecycle, file: str, os_versions: set[str], problems: Problems) -> None:
    seen: dict[str, str] = {}
    for index, release in enumerate(lifecycle.windows):
        if not release.url.startswith("https://"):
            problems.add(file, line(release, "url"), f"windows[{index}].url", "expected an https:// URL")
        if release.mainstream_end and release.mainstream_end > release.extended_end:
            problems.add(
                file,
                line(release, "mainstream_end"),
                f"windows[{index}].mainstream_end",
                f"{release.mainstream_end} is after the end of extended support {release.extended_end}",
            )
        for n, os_version in enumerate(release.os_versions):
            where = f"windows[{index}].os_versions[{n}]"
            if os_version not in os_versions:
                problems.add(
                    file,
                    line(release, f"os_versions[{n}]"),
                    where,
                    f"unknown OS version '{os_version}' (expected one of platforms.yml's os_versions)",
                )
            elif os_version in seen:
                problems.add(
                    file, line(release, f"os_versions[{n}]"), where, f"'{os_version}' is also in {seen[os_version]}"
                )
            seen[os_version] = release.name


def join_lifecycle(
    lifecycle: Lifecycle,
    releases: ReleasesFile,
    files: tuple[str, str],
    os_versions: set[str],
    on: datetime.date,
    problems: Problems,
) -> Lifecycle:
    """Every channel (the generated .NET ones newest first, then .NET Framework) and Windows release, with its
    status on the day `on`; the sources include the generated file's, with its commit date."""
    hand, generated = files
    _check_sources(lifecycle, hand, problems)
    _check_generated(releases, generated, problems)
    _check_windows(lifecycle, hand, os_versions, problems)
    channels = _dotnet_channels(releases, lifecycle, hand, generated, problems)
    known = {c.channel for c in channels}  # the generated file's own duplicates are reported above
    for index, channel in enumerate(_hand_kept_channels(lifecycle, hand, problems)):
        if channel.channel in known:
            problems.add(
                hand,
                line(channel, "channel"),
                f"channels[{index}].channel",
                f"channel '{channel.channel}' is listed twice",
            )
        known.add(channel.channel)
        channels.append(channel)
    src = releases.source
    index = LifecycleSource(f"{src.repository} {src.file}", src.url, src.commit, src.date)
    return replace(
        lifecycle,
        sources=(index, *lifecycle.sources),
        channels=tuple(channel_status(c, on) for c in channels),
        windows=tuple(windows_status(w, on) for w in lifecycle.windows),
    )

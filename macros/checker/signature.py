"""What a tag's words say about the image: OS, variants, architecture (checker.js has the same function).

`10.0-noble-chiseled-extra-amd64` -> "ubuntu|chiseled+extra|amd64". The OS is the distro for Linux
and the OS version for Windows (the host must match it); an OS word also matches with a version
after it (`alpine` matches `alpine3.18`), so tags of OS versions no image uses any more still say
which distro they were.
"""

from __future__ import annotations

import re


def signature(tag: str, words: dict) -> str:
    text = f"-{tag.lower()}-"
    os = next((key for word, key in words["os"] if re.search(f"-{re.escape(word)}[0-9.]*-", text)), "")
    variants = [v for v in words["variants"] if f"-{v}-" in text]
    arch = next((name for suffix, name in words["arch"] if f"-{suffix}-" in text), "")
    return f"{os}|{'+'.join(variants)}|{arch}"


def signature_fallbacks(sig: str) -> list[str]:
    """Coarser signatures to try when a table has no replacement for `sig`: without the architecture,
    then without the variants, then the repository's default."""
    os, variants, _ = sig.split("|")
    found = []
    for coarser in (f"{os}|{variants}|", f"{os}||", "||"):
        if coarser != sig and coarser not in found:
            found.append(coarser)
    return found

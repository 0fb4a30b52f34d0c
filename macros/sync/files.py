"""Read upstream files defensively: regular files only, a size cap, strict UTF-8 and JSON, located errors."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from .errors import SyncError, Where, shown

MB = 1_000_000
MAX_MANIFEST = 8 * MB  # manifest.json is about 0.5 MB today
MAX_INCLUDE = 1 * MB  # included variable files, image sizes, SOURCES.md


def _kind(mode: int) -> str:
    return "a folder" if stat.S_ISDIR(mode) else "not a regular file (a pipe, device or socket)"


def _read_at_most(fd: int, count: int) -> bytes:
    chunks, left = [], count
    while left and (chunk := os.read(fd, min(left, MB))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Opened without blocking, so a FIFO cannot hang."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise SyncError(f"{shown(path)}: file not found") from None
    except OSError as error:
        raise SyncError(f"{shown(path)}: cannot read ({error.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SyncError(f"{shown(path)}: {_kind(info.st_mode)}, expected a file")
        data = _read_at_most(fd, limit + 1) if info.st_size <= limit else b""
    finally:
        os.close(fd)
    if info.st_size > limit or len(data) > limit:
        raise SyncError(f"{shown(path)}: larger than {limit:,} bytes, more than an upstream file may be")
    return data


def decode_text(data: bytes, name: str) -> str:
    """Strict UTF-8; `name` is how the file is shown in the message."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SyncError(f"{name}:{line}: not UTF-8 (byte 0x{data[error.start]:02x})") from None


def read_text(path: Path, limit: int) -> str:
    return decode_text(read_bytes(path, limit), shown(path))


def decode_json(data: bytes, name: str):
    """The parsed JSON of an upstream file's bytes; `name` is how the file is shown in a message."""
    text = decode_text(data, name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise SyncError(f"{name}:{error.lineno}: invalid JSON: {error.msg}") from None
    except RecursionError:
        raise SyncError(f"{name}: invalid JSON: nested too deeply to read") from None
    except ValueError as error:  # a number with more digits than Python converts
        raise SyncError(f"{name}: invalid JSON: {str(error).split(':')[0]}") from None


def read_json(path: Path, limit: int = MAX_INCLUDE):
    """The parsed JSON of one upstream file."""
    return decode_json(read_bytes(path, limit), shown(path))


def inside(root: Path, relative: str, where: Where) -> Path:
    """`root / relative`, refused unless it stays inside `root` once symbolic links are followed."""
    try:
        path = (root / relative).resolve()
    except (OSError, RuntimeError) as error:  # RuntimeError: a symbolic link loop (Python 3.11)
        raise where.error(f"cannot follow {shown(root / relative)} ({error})") from None
    if not path.is_relative_to(root.resolve()):
        raise where.error(f"{shown(root / relative)} leads outside {shown(root)}, expected a file inside it")
    return path

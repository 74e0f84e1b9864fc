"""Files only their owner can read, private from the moment they exist.

A `chmod` after creation leaves a window in which another user can open the file
(and keep the descriptor); these helpers create with mode 0600 instead. The
process umask is left alone: it is shared by every thread.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE = 0o600


def ensure_private(path: Path) -> None:
    """Create `path` empty with mode 0600 if missing; narrow it to 0600 if it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE)
    try:
        if os.fstat(fd).st_mode & 0o777 != PRIVATE:
            os.fchmod(fd, PRIVATE)
    finally:
        os.close(fd)


def narrow_if_present(path: Path) -> None:
    """Set an existing file (an older install's, or SQLite's -wal/-shm) to 0600."""
    try:
        if path.stat().st_mode & 0o777 != PRIVATE:
            os.chmod(path, PRIVATE)
    except FileNotFoundError:
        pass


def open_private(path: Path, *, append: bool = False) -> int:
    """A descriptor for writing `path`, created 0600 (truncated unless `append`)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
    fd = os.open(path, flags, PRIVATE)
    if os.fstat(fd).st_mode & 0o777 != PRIVATE:
        os.fchmod(fd, PRIVATE)
    return fd


def replace_private(path: Path, text: str) -> None:
    """Write `text` to `path` atomically and durably (temporary file, fsync, rename)."""
    tmp = path.with_name(path.name + ".tmp")
    fd = open_private(tmp)
    try:
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)

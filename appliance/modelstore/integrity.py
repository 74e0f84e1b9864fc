"""Is a model file intact? Cheap when nothing changed, a full sha256 when something did.

Hashing 500 MB at every start would cost seconds, so a fetch or verify writes a
stamp (`<model dir>/.verified.json`) recording each file's size, mtime_ns and
checked sha256. A later check trusts the stamp while the file's size and
mtime_ns still match it, and hashes the file again otherwise.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from appliance.modelstore.manifest import ModelFile

STAMP_NAME = ".verified.json"
CHUNK_BYTES = 1 << 20

FileState = Literal["present", "missing", "corrupt", "unverified"]


def read_chunks(f: BinaryIO) -> Iterator[bytes]:
    """An open file's bytes, 1 MiB at a time."""
    while chunk := f.read(CHUNK_BYTES):
        yield chunk


def sha256_of(path: Path, on_chunk: Callable[[int], object] | None = None) -> str:
    """The hex sha256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in read_chunks(f):
            digest.update(chunk)
            if on_chunk:
                on_chunk(len(chunk))
    return digest.hexdigest()


@dataclass(frozen=True)
class FileCheck:
    """The outcome of checking one file; `detail` is a short phrase for messages."""

    path: str
    state: FileState
    detail: str = ""


class Stamps:
    """The verification stamps of one model folder."""

    def __init__(self, model_dir: Path) -> None:
        self.model_dir = model_dir
        self._entries: dict[str, dict] = {}
        self._is_changed = False
        try:
            data = json.loads((model_dir / STAMP_NAME).read_text(encoding="utf-8"))
            self._entries = {k: v for k, v in data.get("files", {}).items() if isinstance(v, dict)}
        except (OSError, ValueError, AttributeError):
            # No stamp, or a damaged one: every file simply gets hashed again.
            self._entries = {}

    def is_trusted(self, entry: ModelFile, stat: os.stat_result) -> bool:
        """True when the file is unchanged since it was last hashed and found right."""
        stamp = self._entries.get(entry.path)
        return bool(
            stamp
            and stamp.get("sha256") == entry.sha256
            and stamp.get("size") == stat.st_size
            and stamp.get("mtime_ns") == stat.st_mtime_ns
        )

    def record(self, entry: ModelFile, stat: os.stat_result) -> None:
        """Remember that the file, as it is now, has the manifest's sha256."""
        self._entries[entry.path] = {
            "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns,
            "sha256": entry.sha256,
        }
        self._is_changed = True

    def forget(self, path: str) -> None:
        """Drop a file's stamp (it was found wrong or is being replaced)."""
        if self._entries.pop(path, None) is not None:
            self._is_changed = True

    def save(self) -> None:
        """Write the stamps atomically; a read-only models folder is not an error."""
        if not self._is_changed:
            return
        text = json.dumps({"version": 1, "files": self._entries}, indent=2, sort_keys=True)
        tmp: Path | None = None
        try:
            fd, name = tempfile.mkstemp(dir=self.model_dir, prefix=STAMP_NAME, suffix=".partial")
            tmp = Path(name)
            os.fchmod(fd, 0o644)  # readable by the service's user, like the models
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, self.model_dir / STAMP_NAME)
        except OSError:
            # Stamps only save time; without one the next check hashes again.
            if tmp is not None:
                with contextlib.suppress(OSError):
                    tmp.unlink()
            return
        self._is_changed = False


def check_file(
    model_dir: Path,
    entry: ModelFile,
    stamps: Stamps,
    *,
    may_hash: bool = True,
    force_hash: bool = False,
    on_chunk: Callable[[int], object] | None = None,
) -> FileCheck:
    """Check one file against the manifest: existence, size, then stamp or sha256.

    Args:
        model_dir: the model's folder.
        entry: the file's manifest entry.
        stamps: the folder's stamps; updated when a file is hashed.
        may_hash: False reports a changed-since-stamped file as "unverified"
            instead of hashing it (for quick listings).
        force_hash: hash even when the stamp would be trusted (`models verify`).
        on_chunk: called with the length of each chunk hashed (a progress bar).
    """
    path = model_dir / entry.path
    try:
        stat = path.stat()
    except FileNotFoundError:
        return FileCheck(entry.path, "missing", f"{model_dir.name}/{entry.path} not found")
    if stat.st_size != entry.size:
        stamps.forget(entry.path)
        return FileCheck(
            entry.path,
            "corrupt",
            f"file {entry.path}: size {stat.st_size} bytes, expected {entry.size}",
        )
    if not force_hash and stamps.is_trusted(entry, stat):
        return FileCheck(entry.path, "present")
    if not may_hash:
        return FileCheck(entry.path, "unverified", f"file {entry.path}: changed since last check")
    if sha256_of(path, on_chunk) != entry.sha256:
        stamps.forget(entry.path)
        return FileCheck(entry.path, "corrupt", f"file {entry.path}: sha256 mismatch")
    stamps.record(entry, stat)
    return FileCheck(entry.path, "present")

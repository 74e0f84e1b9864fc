"""The audit trail's head file: the newest record's number and chain value, sealed.

It sits beside the database so that rows deleted from the end are caught. The
seal is an HMAC over both values with a key derived from the audit secret, so the
file cannot be rewritten to match a shortened database without that secret. An
older copy of the file can still be put back; checkpoints kept off the box catch
that (see `checkpoints.py`).
"""

from __future__ import annotations

import fcntl
import hmac
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from appliance.governance.keys import AuditKeyError, derive
from appliance.governance.private_files import replace_private

RESET_HINT = ("Run `appliance audit verify` to see what is wrong. To start a new chain "
              "on purpose, run `appliance audit reset --i-understand` (it moves the old "
              "files aside and records the reset in the checkpoint log).")


class AuditChainError(AuditKeyError):
    """The database, its head file and the checkpoints disagree: refuse to write on.

    A subclass of `AuditKeyError` so that every caller that refuses to start on a
    bad key also refuses to start on a broken chain.
    """


@dataclass(frozen=True)
class Head:
    """The newest record as the head file remembers it."""

    seq: int
    chain: str
    is_legacy: bool = False  # written by a version that did not seal it


class HeadFile:
    """Reads and writes the sealed head file."""

    def __init__(self, path: Path, secret: bytes):
        """The head file at `path`, sealed with a key derived from `secret`."""
        self.path = path
        self._key = derive(secret, "head")

    def seal(self, seq: int, chain: str) -> str:
        """The HMAC over the head's number and chain value."""
        return hmac.new(self._key, f"{seq}:{chain}".encode("ascii"), sha256).hexdigest()

    def read(self) -> Head | None:
        """The head, or None when there is no file; raises when its seal is wrong."""
        try:
            parts = self.path.read_text(encoding="ascii").split()
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as e:
            raise AuditChainError(f"cannot read the audit head file {self.path} ({e}). "
                                  + RESET_HINT) from None
        if len(parts) in (2, 3) and parts[0].isdigit():
            seq, chain = int(parts[0]), parts[1]
            if len(parts) == 2:
                return Head(seq, chain, is_legacy=True)
            if hmac.compare_digest(parts[2], self.seal(seq, chain)):
                return Head(seq, chain)
        raise AuditChainError(
            f"the audit head file {self.path} was rewritten: its seal does not match "
            "(or it was made with another audit key). " + RESET_HINT)

    def write(self, seq: int, chain: str) -> None:
        """Replace the head, durably, with mode 0600."""
        replace_private(self.path, f"{seq} {chain} {self.seal(seq, chain)}\n")


class FileLock:
    """flock on the trail's lock file: the head is written after the commit, under it."""

    def __init__(self, fd: int):
        self.fd = fd

    def __enter__(self):
        fcntl.flock(self.fd, fcntl.LOCK_EX)

    def __exit__(self, *exc):
        fcntl.flock(self.fd, fcntl.LOCK_UN)


def disagreement(newest: tuple | None, head: Head | None) -> str:
    """"" when the newest row is the head's, else how they differ."""
    if newest is None and head is None:
        return ""
    if newest is None:
        return "empty"
    if head is None:
        return "no head"
    if newest[0] == head.seq:
        return "" if newest[8] == head.chain else "replaced"
    return "behind" if newest[0] > head.seq else "short"


def explain(problem: str, newest: tuple | None, head: Head | None) -> str:
    """The operator's sentence for a `disagreement`."""
    if problem == "empty":
        return (f"the database has no records, but the sealed head file says record "
                f"{head.seq} was written: the records were deleted")
    if problem == "no head":
        return (f"the head file is missing, but the database holds records up to {newest[0]}: "
                "it was deleted, perhaps with records from the end")
    if problem == "replaced":
        return f"record {newest[0]} is not the one the sealed head file recorded"
    if problem == "short":
        return (f"records {newest[0] + 1}-{head.seq} were deleted from the end (the sealed "
                f"head file says the newest is {head.seq})")
    return (f"the database goes on to record {newest[0]} but the head file stops at "
            f"{head.seq}: an older head file was put back, or records were added by another key")

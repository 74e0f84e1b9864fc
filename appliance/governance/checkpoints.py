"""Signed checkpoints of the audit chain, shipped off the box.

Every N records (and at most every T seconds) the trail signs "record `seq` had
chain value `chain`" with an Ed25519 key and appends it, as one JSON line, to a
checkpoint file (ideally on another mount, append-only) and/or to syslog. Anyone
with the public key can check these lines, and `verify` compares them with the
database: records deleted from the end, the start or altogether, and a chain
started afresh, disagree with a checkpoint written before. `appliance audit reset`
writes a signed "reset" line, after which the new chain is compared.

Ed25519 is the `cryptography` package's; the key is PEM (PKCS#8), mode 0600.
"""

from __future__ import annotations

import base64
import json
import logging
import logging.handlers
import os
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from hashlib import sha256
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from loguru import logger

from appliance.governance.keys import AuditKeyError
from appliance.governance.private_files import open_private

SYSLOG_TAG = "appliance-audit-checkpoint: "


def canonical(entry: dict) -> bytes:
    """The bytes that are signed and hashed: sorted keys, no spaces, UTF-8."""
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def load_or_create_signing_key(path: Path) -> Ed25519PrivateKey:
    """The Ed25519 signing key at `path`, created (0600, exclusively) on first use."""
    if path.exists():
        mode = path.stat().st_mode
        if mode & 0o077:
            raise AuditKeyError(f"audit signing key {path} can be read by group or others "
                                f"(mode {stat.filemode(mode)}); run `chmod 600 {path}`")
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError) as e:
            raise AuditKeyError(f"audit signing key {path} is not a PEM private key ({e}); "
                                "move it aside and a new one is made "
                                "(governance.audit.signing_key_file)") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise AuditKeyError(f"audit signing key {path} is not an Ed25519 key")
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return load_or_create_signing_key(path)
    with os.fdopen(fd, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    logger.warning(f"created a new audit signing key in {path} (mode 0600). Give verifiers "
                   "its public half: `appliance audit public-key`.")
    return key


def public_key_pem(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The public key as PEM text, what `appliance audit public-key` prints."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.PEM,
                               serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def load_public_key(path: Path) -> Ed25519PublicKey:
    """A verifier's public key from a PEM file (a private key file works too)."""
    data = path.read_bytes()
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError:
        try:
            key = serialization.load_pem_private_key(data, password=None).public_key()
        except (ValueError, TypeError):
            raise AuditKeyError(f"{path} is not a PEM public key; get one with "
                                "`appliance audit public-key` on the appliance") from None
    if not isinstance(key, Ed25519PublicKey):
        raise AuditKeyError(f"{path} is not an Ed25519 public key")
    return key


def key_id(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """A short fingerprint naming which appliance signed a line."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return sha256(raw).hexdigest()[:16]


def sign(key: Ed25519PrivateKey, entry: dict) -> dict:
    """`entry` with the signer's key id and an Ed25519 signature over the rest."""
    unsigned = {**entry, "key_id": key_id(key)}
    return {**unsigned, "sig": base64.b64encode(key.sign(canonical(unsigned))).decode("ascii")}


def is_signed_by(public: Ed25519PublicKey, entry: dict) -> bool:
    """Whether `entry`'s signature is `public`'s and covers everything else in it."""
    unsigned = {k: v for k, v in entry.items() if k != "sig"}
    try:
        public.verify(base64.b64decode(entry.get("sig", "")), canonical(unsigned))
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class Checkpoint:
    """A signed statement that record `seq` had chain value `chain` at time `at`."""

    seq: int
    chain: str
    at: str
    signed: dict = field(default_factory=dict, compare=False, repr=False)  # the line as signed


@dataclass
class CheckpointLog:
    """The checkpoints of the current chain (since the last reset), and what was wrong."""

    checkpoints: list[Checkpoint] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    resets: int = 0

    @property
    def newest(self) -> Checkpoint | None:
        """The checkpoint with the highest record number."""
        return max(self.checkpoints, key=lambda c: c.seq, default=None)


def read_checkpoint_log(lines: Iterable[str], public: Ed25519PublicKey) -> CheckpointLog:
    """Checkpoints from a checkpoint file or a syslog file, checked against `public`.

    Lines of other programs, and other appliances' checkpoints (another key id),
    are skipped; a line of this key with a bad signature is a problem. A torn last
    line (the writer was killed) is skipped.
    """
    log, mine = CheckpointLog(), key_id(public)
    for number, line in enumerate(lines, 1):
        start, end = line.find("{"), line.rfind("}")
        if start < 0 or end < start:
            continue
        try:
            entry = json.loads(line[start:end + 1])
        except json.JSONDecodeError:
            continue
        if not isinstance(entry, dict) or entry.get("key_id") != mine:
            continue
        if not is_signed_by(public, entry):
            log.problems.append(f"checkpoint line {number} was altered or forged: its "
                                "signature does not match")
            continue
        if entry.get("type") == "reset":
            log.checkpoints.clear()
            log.resets += 1
        elif entry.get("type") == "checkpoint":
            log.checkpoints.append(Checkpoint(int(entry["seq"]), entry["chain"], entry["at"],
                                              entry))
    return log


def read_checkpoint_file(path: Path, public: Ed25519PublicKey) -> CheckpointLog:
    """`read_checkpoint_log` of a file; an absent file has no checkpoints."""
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            return read_checkpoint_log(f, public)
    except FileNotFoundError:
        return CheckpointLog()


def _syslog_handler(address: str) -> logging.Handler:
    if address.startswith("/"):
        target: str | tuple[str, int] = address
    else:
        host, _, port = address.rpartition(":")
        target = (host, int(port))
    handler = logging.handlers.SysLogHandler(address=target)
    handler.setFormatter(logging.Formatter(SYSLOG_TAG + "%(message)s"))
    return handler


class Checkpointer:
    """Decides when a checkpoint is due, signs it and ships it to every sink."""

    def __init__(self, key: Ed25519PrivateKey, *, every_records: int = 100,
                 every_s: float | None = 3600.0, file: Path | None = None,
                 syslog_address: str | None = None, clock: Callable[[], float] = time.time):
        """Sign with `key`; append to `file` and/or send to syslog at `syslog_address`."""
        self.key = key
        self.every_records = every_records
        self.every_s = every_s
        self.file = file
        self.clock = clock
        self._syslog = _syslog_handler(syslog_address) if syslog_address else None
        self._last_seq: int | None = None
        self._last_time = clock()

    def recorded(self) -> CheckpointLog:
        """What the checkpoint file holds for the current chain (empty without a file)."""
        return read_checkpoint_file(self.file, self.key.public_key()) if self.file else \
            CheckpointLog()

    @property
    def last_seq(self) -> int | None:
        """The record the last checkpoint named (None: none yet)."""
        return self._last_seq

    def start_from(self, seq: int | None) -> None:
        """Count records towards the next checkpoint from `seq` (the last one written)."""
        self._last_seq = seq

    def is_due(self, seq: int) -> bool:
        """Whether record `seq` should be checkpointed now (by count or by time)."""
        if self._last_seq is not None and seq <= self._last_seq:
            return False
        if seq - (self._last_seq or 0) >= self.every_records:
            return True
        return self.every_s is not None and self.clock() - self._last_time >= self.every_s

    def write(self, seq: int, chain: str) -> None:
        """Sign and ship a checkpoint of record `seq`; a failed sink is logged, not raised."""
        self._ship(sign(self.key, {"type": "checkpoint", "seq": seq, "chain": chain,
                                   "at": _now()}))
        self._last_seq, self._last_time = seq, self.clock()

    def write_reset(self, last_seq: int | None, moved_to: str) -> None:
        """Sign and ship the start of a new chain, on purpose (`appliance audit reset`)."""
        self._ship(sign(self.key, {"type": "reset", "previous_last_seq": last_seq,
                                   "moved_to": moved_to, "at": _now()}))
        self._last_seq = None

    def _ship(self, entry: dict) -> None:
        line = canonical(entry).decode()
        if self.file is not None:
            try:
                self.file.parent.mkdir(parents=True, exist_ok=True)
                fd = open_private(self.file, append=True)
                try:
                    os.write(fd, (line + "\n").encode())  # one write: a kill cannot split it
                    os.fsync(fd)
                finally:
                    os.close(fd)
            except OSError as e:
                logger.error(f"audit checkpoint not written to {self.file} ({e}); fix "
                             "governance.audit.checkpoint_file or the mount it is on")
        if self._syslog is not None:
            record = logging.LogRecord("appliance.audit", logging.INFO, __file__, 0, line,
                                       None, None)
            self._syslog.handle(record)

    def close(self) -> None:
        """Close the syslog socket."""
        if self._syslog is not None:
            self._syslog.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def checkpointer_for(settings, *, clock: Callable[[], float] = time.time) -> Checkpointer | None:
    """The configured checkpointer (`governance.audit`), None when checkpoints are off."""
    if not settings.enable_checkpoints:
        return None
    return Checkpointer(load_or_create_signing_key(settings.signing_key_file),
                        every_records=settings.checkpoint_every_records,
                        every_s=settings.checkpoint_every_s, file=settings.checkpoint_file,
                        syslog_address=settings.checkpoint_syslog_address, clock=clock)

"""The audit key: from an environment variable, else a 0600 file created on first use.

One secret serves two purposes, each through its own derived key: Fernet
encryption of transcripts at rest, and the HMAC that chains audit records (a
plain hash chain could be recomputed by whoever edits the file; a keyed one
cannot).
"""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from loguru import logger


class AuditKeyError(Exception):
    """The audit key cannot be read or is not usable."""


def load_or_create_key(env_name: str, path: Path) -> bytes:
    """The audit secret (32 bytes): $env_name (base64) if set, else `path`, created if missing."""
    if value := os.environ.get(env_name, "").strip():
        return _decode(value, f"environment variable {env_name}")
    if path.exists():
        mode = path.stat().st_mode
        if mode & 0o077:
            raise AuditKeyError(
                f"audit key file {path} can be read by group or others "
                f"(mode {stat.filemode(mode)}); run `chmod 600 {path}`"
            )
        return _decode(path.read_text(encoding="ascii").strip(), f"audit key file {path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key()
    # O_EXCL: two processes starting together must not each write a different key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return load_or_create_key(env_name, path)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key.decode("ascii") + "\n")
    logger.warning(
        f"created a new audit key in {path} (mode 0600). Back it up: without it the "
        f"audit trail cannot be verified and transcripts in it cannot be read. "
        f"To supply your own, set {env_name} to a Fernet key (governance.audit.key_env)."
    )
    return base64.urlsafe_b64decode(key)


def _decode(value: str, origin: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(value.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raw = b""
    if len(raw) != 32:
        raise AuditKeyError(
            f"{origin} is not a Fernet key (32 bytes, url-safe base64); make one with "
            "`python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'`"
        )
    return raw


def derive(secret: bytes, purpose: str) -> bytes:
    """A 32-byte key for one purpose ("encrypt", "chain"), independent of the others."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"appliance-audit-{purpose}".encode()).derive(secret)


def fernet_for(secret: bytes) -> Fernet:
    """The cipher for transcripts and other sensitive fields at rest."""
    return Fernet(base64.urlsafe_b64encode(derive(secret, "encrypt")))

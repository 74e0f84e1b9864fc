"""Access tokens with roles, stored hashed: a stolen tokens file lets nobody in.

Tokens are 256-bit random strings, so one SHA-256 per token is enough (as for
GitHub's and PyPI's API tokens); a slow password hash would only slow every
request. The plain token is shown once, when it is created.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROLES = ("viewer", "client", "operator")
# What each role may do. viewer: read the audit trail, routes and the approval queue.
# client: converse (/ws, /v1). operator: all of it, plus approve and change config.
PERMISSIONS: dict[str, frozenset[str]] = {
    "viewer": frozenset({"read"}),
    "client": frozenset({"converse"}),
    "operator": frozenset({"read", "converse", "approve", "configure"}),
}
TOKEN_PREFIX = "apl_"


@dataclass(frozen=True)
class TokenInfo:
    """Who a token belongs to; never the token itself."""

    token_id: str
    name: str
    role: str
    created_at: str

    def may(self, permission: str) -> bool:
        """Whether this token's role grants `permission`."""
        return permission in PERMISSIONS[self.role]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class TokenStore:
    """Tokens in one SQLite file (mode 0600): create, look up, list, revoke."""

    def __init__(self, path: Path):
        """Open (or create) the store at `path`."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Created 0600 before SQLite opens it (SQLite gives its journal the same mode):
        # no moment at which others can read the digests.
        os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS tokens (id TEXT PRIMARY KEY, name TEXT, "
                       "role TEXT NOT NULL, digest TEXT NOT NULL UNIQUE, created_at TEXT, "
                       "revoked INTEGER NOT NULL DEFAULT 0)")
        os.chmod(self.path, 0o600)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path)

    def create(self, role: str, name: str = "") -> tuple[TokenInfo, str]:
        """A new token for `role`; returns its record and the plain token (shown once)."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        info = TokenInfo(secrets.token_hex(4), name or role, role,
                         datetime.now(UTC).isoformat(timespec="seconds"))
        with self._connect() as db:
            db.execute("INSERT INTO tokens (id, name, role, digest, created_at) "
                       "VALUES (?,?,?,?,?)",
                       (info.token_id, info.name, role, _digest(token), info.created_at))
        return info, token

    def lookup(self, token: str) -> TokenInfo | None:
        """The live token matching `token`, or None (one indexed look-up by its digest)."""
        with self._connect() as db:
            row = db.execute("SELECT id, name, role, created_at FROM tokens "
                             "WHERE digest = ? AND revoked = 0", (_digest(token),)).fetchone()
        return TokenInfo(*row) if row else None

    def list(self) -> list[tuple[TokenInfo, bool]]:
        """Every token and whether it is revoked."""
        with self._connect() as db:
            rows = db.execute("SELECT id, name, role, created_at, revoked FROM tokens "
                              "ORDER BY created_at").fetchall()
        return [(TokenInfo(i, n, r, c), bool(revoked)) for i, n, r, c, revoked in rows]

    def revoke(self, token_id: str) -> bool:
        """Revoke a token by id; False when there is no such live token."""
        with self._connect() as db:
            changed = db.execute("UPDATE tokens SET revoked = 1 WHERE id = ? AND revoked = 0",
                                 (token_id,)).rowcount
        return changed == 1

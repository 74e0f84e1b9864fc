"""The audit trail: an append-only, HMAC-chained SQLite log of every turn and decision.

Each record carries the chain value of the one before and its own, an HMAC over
its content keyed by the audit secret, so editing, inserting or deleting a row
(or recomputing the chain without the key) shows up in `verify()`. Sensitive
fields (already masked transcripts, replies, tool arguments) are encrypted with
Fernet; the chain covers the ciphertext, so checking it needs no decryption.

Durability: WAL with synchronous=FULL, and `append()` returns only after the
commit, so a record reported as written survives a kill -9 or power loss. The
newest record's number and chain value are also kept in a small head file beside
the database, so dropping the last rows is caught too.

Written by hand because no maintained Python library offers a keyed, prunable
hash chain over SQLite; the primitives (HMAC, Fernet, HKDF) are the
`cryptography` package's and the standard library's.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from hashlib import sha256
from pathlib import Path

from cryptography.fernet import InvalidToken

from appliance.config import AuditSettings
from appliance.governance.keys import derive, fernet_for, load_or_create_key

GENESIS = "0" * 64
RECORD_KINDS = ("turn", "route", "tool_call", "approval", "policy_block", "error", "prune", "note",
                "operator_action", "wyoming")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    session_id TEXT,
    turn_id TEXT,
    data TEXT NOT NULL,
    secret BLOB,
    prev TEXT NOT NULL,
    chain TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_turn ON records (turn_id);
CREATE INDEX IF NOT EXISTS records_at ON records (at);
"""


@dataclass(frozen=True)
class AuditRecord:
    """One row as stored; `sensitive` is decrypted on read when the key allows."""

    seq: int
    at: str
    kind: str
    session_id: str | None
    turn_id: str | None
    data: dict
    sensitive: dict | None
    prev: str
    chain: str

    def to_dict(self) -> dict:
        """Flat form for export and display."""
        return {"seq": self.seq, "at": self.at, "kind": self.kind,
                "session_id": self.session_id, "turn_id": self.turn_id,
                "data": self.data, "sensitive": self.sensitive}

    def to_json_line(self) -> str:
        """One line of a JSON-lines export (`appliance audit export`, the console's)."""
        return json.dumps(self.to_dict(), ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class VerifyReport:
    """What `verify()` found: ok, or the first bad record and what is wrong with it."""

    ok: bool
    records: int
    first_bad_seq: int | None = None
    problem: str = ""


class AuditTrail:
    """Appends and reads audit records in one SQLite file; safe across threads."""

    def __init__(self, path: Path, secret: bytes):
        """Open (or create) the database at `path`, keyed by the audit `secret`."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._chain_key = derive(secret, "chain")
        self._fernet = fernet_for(secret)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)
        os.chmod(self.path, 0o600)

    @property
    def head_path(self) -> Path:
        """Newest record's number and chain value, to catch rows deleted from the end."""
        return self.path.with_name(self.path.name + ".head")

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def append(self, kind: str, data: dict, *, sensitive: dict | None = None,
               session_id: str | None = None, turn_id: str | None = None,
               at: datetime | None = None) -> int:
        """Write one record durably and return its number.

        `data` is stored readable (provider names, latencies, decisions); `sensitive`
        (masked transcripts, tool arguments) is encrypted. Neither may hold unmasked
        personal data: mask before calling.
        """
        if kind not in RECORD_KINDS:
            raise ValueError(
                f"unknown audit record kind {kind!r}; one of {', '.join(RECORD_KINDS)}")
        stamp = (at or datetime.now(UTC)).isoformat(timespec="microseconds")
        body = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
        secret = (self._fernet.encrypt(json.dumps(sensitive, default=str).encode())
                  if sensitive is not None else None)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute(
                    "SELECT seq, chain FROM records ORDER BY seq DESC LIMIT 1").fetchone()
                seq, prev = (row[0] + 1, row[1]) if row else (self._first_seq(), GENESIS)
                chain = self._chain(seq, stamp, kind, session_id, turn_id, body, secret, prev)
                self._db.execute(
                    "INSERT INTO records VALUES (?,?,?,?,?,?,?,?,?)",
                    (seq, stamp, kind, session_id, turn_id, body, secret, prev, chain),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._write_head(seq, chain)
        return seq

    async def append_async(self, kind: str, data: dict, **fields) -> int:
        """`append` on a worker thread: the event loop keeps serving audio while it syncs."""
        return await asyncio.to_thread(self.append, kind, data, **fields)

    def _first_seq(self) -> int:
        # After pruning everything, numbering continues where the head file left off.
        head = self._read_head()
        return head[0] + 1 if head else 1

    def _chain(self, seq, at, kind, session_id, turn_id, body, secret, prev) -> str:
        material = json.dumps(
            [seq, at, kind, session_id, turn_id, body,
             sha256(secret).hexdigest() if secret is not None else None, prev],
            separators=(",", ":"),
        ).encode()
        return hmac.new(self._chain_key, material, sha256).hexdigest()

    def _write_head(self, seq: int, chain: str) -> None:
        tmp = self.head_path.with_suffix(".tmp")
        tmp.write_text(f"{seq} {chain}\n", encoding="ascii")
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.head_path)

    def _read_head(self) -> tuple[int, str] | None:
        try:
            seq, chain = self.head_path.read_text(encoding="ascii").split()
            return int(seq), chain
        except (OSError, ValueError):
            return None

    def _rows(self, where: str = "", params: tuple = ()) -> Iterator[tuple]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT seq, at, kind, session_id, turn_id, data, secret, prev, chain "
                f"FROM records {where} ORDER BY seq", params).fetchall()
        yield from rows

    def _to_record(self, row: tuple) -> AuditRecord:
        seq, at, kind, session_id, turn_id, body, secret, prev, chain = row
        sensitive = None
        if secret is not None:
            try:
                sensitive = json.loads(self._fernet.decrypt(secret))
            except InvalidToken:
                sensitive = {"error": "cannot decrypt: this is not the key it was written with"}
        return AuditRecord(seq, at, kind, session_id, turn_id, json.loads(body), sensitive,
                           prev, chain)

    def records(self, *, since: datetime | None = None, turn_id: str | None = None,
                kind: str | None = None) -> Iterator[AuditRecord]:
        """Records in order: all, or from `since` (naive means UTC), of a turn, of a kind."""
        clauses, params = [], []
        if since is not None:
            if since.tzinfo is None:
                since = since.replace(tzinfo=UTC)
            clauses.append("at >= ?")
            params.append(since.astimezone(UTC).isoformat(timespec="microseconds"))
        if turn_id is not None:
            clauses.append("turn_id = ?")
            params.append(turn_id)
        if kind is not None:
            clauses.append("kind = ?")
            params.append(kind)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        for row in self._rows(where, tuple(params)):
            yield self._to_record(row)

    def count(self) -> int:
        """How many records are stored."""
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM records").fetchone()[0]

    def verify(self) -> VerifyReport:
        """Check every record's HMAC and link; name the first record that is wrong."""
        rows = list(self._rows())
        anchor = self._prune_anchor(rows)
        expected_seq, expected_prev = anchor if anchor else (1, GENESIS)
        for row in rows:
            seq, at, kind, session_id, turn_id, body, secret, prev, chain = row
            if seq != expected_seq:
                missing = (f"record {expected_seq}" if seq == expected_seq + 1
                           else f"records {expected_seq}-{seq - 1}")
                return VerifyReport(False, len(rows), expected_seq,
                                    f"{missing} deleted: the chain jumps from "
                                    f"{expected_seq - 1} to {seq}")
            if prev != expected_prev:
                return VerifyReport(False, len(rows), seq,
                                    f"record {seq} does not follow record {seq - 1}: a record "
                                    "before it was replaced, or it was inserted")
            if not hmac.compare_digest(
                chain, self._chain(seq, at, kind, session_id, turn_id, body, secret, prev)
            ):
                return VerifyReport(False, len(rows), seq,
                                    f"record {seq} was altered or forged: its content does not "
                                    "match its chain value")
            expected_seq, expected_prev = seq + 1, chain
        head = self._read_head()
        if head and head[0] >= expected_seq:
            return VerifyReport(False, len(rows), expected_seq,
                                f"records {expected_seq}-{head[0]} deleted from the end: the head "
                                f"file says the newest record is {head[0]}")
        if head and head[0] == expected_seq - 1 and rows and head[1] != expected_prev:
            return VerifyReport(False, len(rows), head[0],
                                f"record {head[0]} differs from the one the head file recorded")
        return VerifyReport(True, len(rows))

    def _prune_anchor(self, rows: list[tuple]) -> tuple[int, str] | None:
        """Where a pruned chain starts: the newest authentic prune record's anchor."""
        for row in reversed(rows):
            seq, at, kind, session_id, turn_id, body, secret, prev, chain = row
            if kind == "prune" and hmac.compare_digest(
                chain, self._chain(seq, at, kind, session_id, turn_id, body, secret, prev)
            ):
                data = json.loads(body)
                return data["first_kept"], data["anchor"]
        return None

    def prune(self, *, max_age: timedelta | None = None, max_records: int | None = None,
              now: datetime | None = None) -> int:
        """Delete the oldest records beyond the age or count limit; return how many went.

        A "prune" record is appended first, naming the first record kept and the
        chain value it follows, so `verify()` accepts the shortened chain but still
        catches any other deletion.
        """
        now = now or datetime.now(UTC)
        with self._lock:
            rows = self._db.execute("SELECT seq, at, prev FROM records ORDER BY seq").fetchall()
        cut = 0  # number of leading rows to delete
        if max_age is not None:
            limit = (now - max_age).isoformat(timespec="microseconds")
            cut = sum(1 for _, at, _ in rows if at < limit)
        if max_records is not None:
            # The prune record itself is one more row to keep.
            cut = max(cut, len(rows) + 1 - max_records)
        cut = min(cut, len(rows))
        if cut <= 0:
            return 0
        if cut < len(rows):
            first_kept, anchor = rows[cut][0], rows[cut][2]
        else:
            first_kept = rows[-1][0] + 1  # the prune record itself
            head = self._read_head()
            anchor = head[1] if head else GENESIS
        self.append("prune", {"first_kept": first_kept, "anchor": anchor, "deleted": cut,
                              "reason": _prune_reason(max_age, max_records)})
        with self._lock:
            self._db.execute("DELETE FROM records WHERE seq < ?", (first_kept,))
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return cut


def _prune_reason(max_age: timedelta | None, max_records: int | None) -> str:
    parts = []
    if max_age is not None:
        parts.append(f"older than {max_age.days} days")
    if max_records is not None:
        parts.append(f"beyond {max_records} records")
    return "retention: " + " or ".join(parts)


def open_audit_trail(settings: AuditSettings) -> AuditTrail:
    """The configured audit trail, its key loaded (or created on first run)."""
    return AuditTrail(settings.path, load_or_create_key(settings.key_env, settings.key_file))

"""The audit trail: an append-only, HMAC-chained SQLite log of every turn and decision.

Each record carries the chain value of the one before and its own, an HMAC over
its content keyed by the audit secret, so editing, inserting or deleting a row
(or recomputing the chain without the key) shows up in `verify()`. Sensitive
fields (already masked transcripts, replies, tool arguments) are encrypted with
Fernet; the chain covers the ciphertext, so checking it needs no decryption.

Durability: WAL with synchronous=FULL, and `append()` returns only after the
commit, so a record reported as written survives a kill -9 or power loss. The
newest record's number and chain value are kept in a sealed head file beside the
database (`audit_head.py`), compared with the database on opening and before
every append: a trail cut short refuses to grow a forked chain. Signed
checkpoints shipped elsewhere (`checkpoints.py`) catch what the head file cannot:
the store deleted whole, or an older head file put back.

Written by hand because no maintained Python library offers a keyed, prunable
hash chain over SQLite; the primitives (HMAC, Fernet, HKDF, Ed25519) are the
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
from loguru import logger

from appliance.config import AuditSettings
from appliance.governance.audit_head import (
    RESET_HINT,
    AuditChainError,
    FileLock,
    HeadFile,
    disagreement,
    explain,
)
from appliance.governance.audit_verify import GENESIS, VerifyReport, verify_rows
from appliance.governance.checkpoints import Checkpointer, CheckpointLog, checkpointer_for
from appliance.governance.keys import derive, fernet_for, load_or_create_key
from appliance.governance.private_files import ensure_private, narrow_if_present

__all__ = ["GENESIS", "RECORD_KINDS", "AuditChainError", "AuditRecord", "AuditTrail",
           "VerifyReport", "open_audit_trail"]

RECORD_KINDS = ("turn", "route", "tool_call", "approval", "policy_block", "error", "prune", "note",
                "operator_action", "wyoming", "agent_turn")
_COLUMNS = "seq, at, kind, session_id, turn_id, data, secret, prev, chain"
_BATCH = 500  # rows read per hold of the lock

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
        """Flat form for export and display, with the chain fields."""
        return {"seq": self.seq, "at": self.at, "kind": self.kind,
                "session_id": self.session_id, "turn_id": self.turn_id,
                "data": self.data, "sensitive": self.sensitive,
                "prev": self.prev, "chain": self.chain}

    def to_json_line(self) -> str:
        """One line of a plain JSON-lines export (the console's)."""
        return json.dumps(self.to_dict(), ensure_ascii=False) + "\n"


class AuditTrail:
    """Appends and reads audit records in one SQLite file; safe across threads and processes."""

    def __init__(self, path: Path, secret: bytes, *, checkpointer: Checkpointer | None = None,
                 check_at_open: bool = True, accept_legacy_head: bool = False):
        """Open (or create) the database at `path`, keyed by the audit `secret`.

        Args:
            path: The SQLite file; its head file and lock file sit beside it.
            secret: The audit secret (see `keys.py`).
            checkpointer: Signs and ships checkpoints; None for none.
            check_at_open: Refuse to open a trail whose head file, database and
                checkpoints disagree (False to read and verify a damaged trail).
            accept_legacy_head: Accept (and seal) an unsealed head file of an
                older version, once, when no checkpoint could contradict it.
        """
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._chain_key = derive(secret, "chain")
        self._fernet = fernet_for(secret)
        self._heads = HeadFile(self.head_path, secret)
        self._checkpointer = checkpointer
        self._lock = threading.Lock()
        self._broken: str | None = None
        self._stop = threading.Event()
        self._timer: threading.Thread | None = None
        # Created 0600 before SQLite sees them: its -wal and -shm take the database's mode.
        ensure_private(self.path)
        ensure_private(self.lock_path)
        self._lock_fd = os.open(self.lock_path, os.O_RDWR)
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)
        for name in (self.path.name + "-wal", self.path.name + "-shm", self.head_path.name):
            narrow_if_present(self.path.with_name(name))
        self.is_writer = check_at_open
        if check_at_open:
            try:
                self._check_at_open(accept_legacy_head)
            except BaseException:
                self._release()
                raise

    @property
    def head_path(self) -> Path:
        """Newest record's number and chain value, sealed, to catch rows deleted from the end."""
        return self.path.with_name(self.path.name + ".head")

    @property
    def lock_path(self) -> Path:
        """Held while appending, so processes sharing the trail take turns."""
        return self.path.with_name(self.path.name + ".lock")

    @property
    def broken(self) -> str | None:
        """Why appending stopped (the chain disagrees with its head), or None."""
        return self._broken

    def close(self) -> None:
        """Checkpoint what is not yet checkpointed (a writer's), then close."""
        self._stop.set()
        if self._timer is not None:
            self._timer.join(timeout=5)
        if self.is_writer:
            self.checkpoint_if_due(force=True)
        with self._lock:
            self._release()

    def _release(self) -> None:
        self._db.close()
        os.close(self._lock_fd)
        if self._checkpointer is not None:
            self._checkpointer.close()

    def append(self, kind: str, data: dict, *, sensitive: dict | None = None,
               session_id: str | None = None, turn_id: str | None = None,
               at: datetime | None = None) -> int:
        """Write one record durably and return its number.

        `data` is stored readable (provider names, latencies, decisions); `sensitive`
        (masked transcripts, tool arguments) is encrypted. Neither may hold unmasked
        personal data: mask before calling. Raises `AuditChainError` (and stops
        writing) when the database no longer ends where the head file says.
        """
        if kind not in RECORD_KINDS:
            raise ValueError(
                f"unknown audit record kind {kind!r}; one of {', '.join(RECORD_KINDS)}")
        stamp = (at or datetime.now(UTC)).isoformat(timespec="microseconds")
        body = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
        secret = (self._fernet.encrypt(json.dumps(sensitive, default=str).encode())
                  if sensitive is not None else None)
        with self._lock, self._exclusive():
            if self._broken:
                raise AuditChainError(self._broken)
            self._db.execute("BEGIN IMMEDIATE")
            try:
                newest = self._newest_row()
                self._reconcile(newest)
                seq, prev = (newest[0] + 1, newest[8]) if newest else (1, GENESIS)
                chain = self._chain((seq, stamp, kind, session_id, turn_id, body, secret, prev))
                self._db.execute("INSERT INTO records VALUES (?,?,?,?,?,?,?,?,?)",
                                 (seq, stamp, kind, session_id, turn_id, body, secret, prev,
                                  chain))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._heads.write(seq, chain)
            if self._checkpointer is not None and self._checkpointer.is_due(seq):
                self._checkpointer.write(seq, chain)
        return seq

    async def append_async(self, kind: str, data: dict, **fields) -> int:
        """`append` on a worker thread: the event loop keeps serving audio while it syncs."""
        return await asyncio.to_thread(self.append, kind, data, **fields)

    def _exclusive(self):
        return FileLock(self._lock_fd)

    def _newest_row(self) -> tuple | None:
        return self._db.execute(
            f"SELECT {_COLUMNS} FROM records ORDER BY seq DESC LIMIT 1").fetchone()

    def _reconcile(self, newest: tuple | None, *, accept_legacy: bool = False) -> None:
        """Raise unless the newest row is the head file's; heal a head one write behind."""
        try:
            head = self._heads.read()
            if head is not None and head.is_legacy and not accept_legacy:
                raise AuditChainError(f"the audit head file {self.head_path} is not sealed "
                                      "(an older version's, or replaced). " + RESET_HINT)
            problem = disagreement(newest, head)
        except AuditChainError as e:
            self._stop_writing(str(e))
        if problem == "":
            if head is not None and head.is_legacy:
                self._heads.write(newest[0], newest[8])
            return
        if (problem == "behind" and newest[0] == head.seq + 1 and newest[7] == head.chain
                and hmac.compare_digest(newest[8], self._chain(newest))):
            # Killed between the commit and the head write: the record is genuine.
            self._heads.write(newest[0], newest[8])
            logger.warning(f"audit trail: record {newest[0]} was written but its head was not "
                           "(the writer was killed); head brought up to date")
            return
        self._stop_writing(
            f"audit trail {self.path}: {explain(problem, newest, head)}; refusing to write "
            "a forked chain. " + RESET_HINT)

    def _stop_writing(self, message: str):
        self._broken = message
        logger.critical(f"AUDIT TRAIL STOPPED: {message}")
        raise AuditChainError(message)

    def _check_at_open(self, accept_legacy_head: bool) -> None:
        with self._lock, self._exclusive():
            newest = self._newest_row()
            self._reconcile(newest, accept_legacy=accept_legacy_head)
            if self._checkpointer is None:
                return
            recorded = self._checkpointer.recorded()
            problem = recorded.problems[0] if recorded.problems else ""
            last_seq = newest[0] if newest else 0
            checkpoint = recorded.newest
            if not problem and checkpoint is not None:
                if checkpoint.seq > last_seq:
                    problem = (f"records {last_seq + 1}-{checkpoint.seq} are missing: the "
                               f"checkpoint log {self._checkpointer.file} says record "
                               f"{checkpoint.seq} was written at {checkpoint.at}")
                else:
                    row = self._db.execute("SELECT chain FROM records WHERE seq = ?",
                                           (checkpoint.seq,)).fetchone()
                    if row is not None and row[0] != checkpoint.chain:
                        problem = (f"record {checkpoint.seq} is not the one checkpointed at "
                                   f"{checkpoint.at}: the chain was replaced or restarted")
            if problem:
                self._stop_writing(f"audit trail {self.path}: {problem}. " + RESET_HINT)
            self._checkpointer.start_from(checkpoint.seq if checkpoint else
                                          (newest[0] if newest else None))

    def checkpoint_if_due(self, *, force: bool = False) -> None:
        """Sign and ship a checkpoint of the newest record if one is due (or `force`)."""
        if self._checkpointer is None or self._broken:
            return
        with self._lock, self._exclusive():
            newest = self._newest_row()
            if newest is None:
                return
            try:
                self._reconcile(newest)
            except AuditChainError:
                return  # logged loudly by _reconcile; nothing more to sign
            last = self._checkpointer.last_seq
            if (force and (last is None or newest[0] > last)) or \
                    self._checkpointer.is_due(newest[0]):
                self._checkpointer.write(newest[0], newest[8])

    def start_checkpoint_timer(self) -> None:
        """Check every few seconds whether a checkpoint is due by time (`checkpoint_every_s`)."""
        every_s = self._checkpointer.every_s if self._checkpointer else None
        if every_s is None or self._timer is not None:
            return

        def run() -> None:
            while not self._stop.wait(min(every_s, 60.0)):
                try:
                    self.checkpoint_if_due()
                except Exception as e:  # a timer must not die silently
                    logger.error(f"audit checkpoint failed ({e})")

        self._timer = threading.Thread(target=run, name="audit-checkpoints", daemon=True)
        self._timer.start()

    def _chain(self, row: tuple) -> str:
        seq, at, kind, session_id, turn_id, body, secret, prev = row[:8]
        material = json.dumps(
            [seq, at, kind, session_id, turn_id, body,
             sha256(secret).hexdigest() if secret is not None else None, prev],
            separators=(",", ":"),
        ).encode()
        return hmac.new(self._chain_key, material, sha256).hexdigest()

    def _rows(self, clauses: list[str] = (), params: tuple = (), *,
              newest_first: bool = False) -> Iterator[tuple]:
        """Rows in batches: the lock is held per batch, never for the whole scan."""
        order, step = ("DESC", "<") if newest_first else ("ASC", ">")
        cursor: int | None = None
        while True:
            where = list(clauses) + ([f"seq {step} ?"] if cursor is not None else [])
            sql = (f"SELECT {_COLUMNS} FROM records "
                   f"{'WHERE ' + ' AND '.join(where) if where else ''} "
                   f"ORDER BY seq {order} LIMIT {_BATCH}")
            with self._lock:
                rows = self._db.execute(
                    sql, (*params, *([cursor] if cursor is not None else []))).fetchall()
            yield from rows
            if len(rows) < _BATCH:
                return
            cursor = rows[-1][0]

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
                kind: str | None = None, before_seq: int | None = None,
                after_seq: int | None = None, newest_first: bool = False
                ) -> Iterator[AuditRecord]:
        """Records in order: all, or from `since` (naive means UTC), of a turn, of a kind.

        `before_seq`/`after_seq` page through them; `newest_first` reverses the order.
        """
        clauses, params = [], []
        if since is not None:
            if since.tzinfo is None:
                since = since.replace(tzinfo=UTC)
            clauses.append("at >= ?")
            params.append(since.astimezone(UTC).isoformat(timespec="microseconds"))
        for clause, value in (("turn_id = ?", turn_id), ("kind = ?", kind),
                              ("seq < ?", before_seq), ("seq > ?", after_seq)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        for row in self._rows(clauses, tuple(params), newest_first=newest_first):
            yield self._to_record(row)

    def records_with_proof(self, *, after_seq: int | None = None
                           ) -> Iterator[tuple[AuditRecord, dict]]:
        """Records in order, each with what its HMAC covers beyond `to_dict()` (for exports)."""
        clauses, params = (["seq > ?"], (after_seq,)) if after_seq is not None else ([], ())
        for row in self._rows(clauses, params):
            secret = row[6]
            yield self._to_record(row), {
                "data_json": row[5],
                "secret_sha256": sha256(secret).hexdigest() if secret is not None else None}

    def count(self) -> int:
        """How many records are stored."""
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM records").fetchone()[0]

    def verify(self, checkpoints: CheckpointLog | None = None) -> VerifyReport:
        """Check every record's HMAC and link, the head file and the checkpoints.

        `checkpoints` default to the checkpointer's file, when there is one.
        """
        if checkpoints is None and self._checkpointer is not None:
            checkpoints = self._checkpointer.recorded()
        rows = list(self._rows())
        try:
            head, head_problem = self._heads.read(), ""
        except AuditChainError as e:
            head, head_problem = None, str(e)
        if head is not None and head.is_legacy:
            head_problem = (f"the head file {self.head_path} is not sealed: an older version's "
                            "(opening the trail once seals it) or a replaced one")
        return verify_rows(rows, self._chain, head, head_problem, checkpoints)

    def prune(self, *, max_age: timedelta | None = None, max_records: int | None = None,
              now: datetime | None = None) -> int:
        """Delete the oldest records beyond the age or count limit; return how many went.

        A "prune" record is appended first, naming the first record kept and the
        chain value it follows, so `verify()` accepts the shortened chain but still
        catches any other deletion.
        """
        now = now or datetime.now(UTC)
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, at, prev, chain FROM records ORDER BY seq").fetchall()
        cut = 0  # number of leading rows to delete
        if max_age is not None:
            limit = (now - max_age).isoformat(timespec="microseconds")
            cut = sum(1 for row in rows if row[1] < limit)
        if max_records is not None:
            # The prune record itself is one more row to keep.
            cut = max(cut, len(rows) + 1 - max_records)
        cut = min(cut, len(rows))
        if cut <= 0:
            return 0
        if cut < len(rows):
            first_kept, anchor = rows[cut][0], rows[cut][2]
        else:
            first_kept, anchor = rows[-1][0] + 1, rows[-1][3]  # the prune record follows
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


def open_audit_trail(settings: AuditSettings, *, is_writer: bool = True) -> AuditTrail:
    """The configured audit trail, its keys loaded (or created on first run).

    A writer (the service, `prune`) is checked at opening and signs checkpoints; a
    reader (`verify`, `show`, `export`) opens a damaged trail too.
    """
    secret = load_or_create_key(settings.key_env, settings.key_file)
    checkpointer = checkpointer_for(settings) if is_writer else None
    accept_legacy = checkpointer is None or not checkpointer.recorded().checkpoints
    trail = AuditTrail(settings.path, secret, checkpointer=checkpointer,
                       check_at_open=is_writer, accept_legacy_head=accept_legacy)
    if is_writer:
        trail.start_checkpoint_timer()
    return trail

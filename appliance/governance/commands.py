"""`appliance audit …` and `appliance tokens …`: the audit trail and access tokens from a shell."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

from tqdm import tqdm

from appliance.config import load_settings
from appliance.governance.audit import AuditTrail, open_audit_trail
from appliance.governance.keys import AuditKeyError
from appliance.governance.tokens import ROLES, TokenStore

EXIT_OK, EXIT_TAMPERED, EXIT_USAGE = 0, 1, 2


def options_parser(*names: str) -> argparse.ArgumentParser:
    """A parent parser: --config (and --db) accepted before or after the subcommand.

    Its defaults are SUPPRESS because parents share their actions: a default set on one
    parser would overwrite a value given to another; read them with getattr(args, …, None).
    """
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--config", default=argparse.SUPPRESS,
                         help="TOML settings file (default: $APPLIANCE_CONFIG)")
    if "db" in names:
        options.add_argument("--db", default=argparse.SUPPRESS,
                             help="audit database (default: governance.audit.path)")
    return options


def add_audit_commands(sub) -> None:
    """Register `appliance audit …`."""
    common = options_parser("db")
    audit = sub.add_parser("audit", parents=[common],
                           help="verify, show, export or prune the audit trail")
    actions = audit.add_subparsers(dest="audit_command", required=True)

    actions.add_parser("verify", parents=[common],
                       help="check the chain; names the first bad record")

    show = actions.add_parser("show", parents=[common], help="every record of one turn")
    show.add_argument("turn_id")

    export = actions.add_parser("export", parents=[common],
                                help="records as JSON lines or CSV")
    export.add_argument("--since", help="ISO date or time, e.g. 2026-11-01 or 2026-11-01T08:00")
    export.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    export.add_argument("--out", help="file to write (default: standard output)")

    prune = actions.add_parser("prune", parents=[common],
                               help="apply retention now (the chain stays verifiable)")
    prune.add_argument("--older-than-days", type=float, help="default: retention_days")
    prune.add_argument("--keep", type=int, help="keep at most N records (default: max_records)")
    audit.set_defaults(func=cmd_audit)


def cmd_audit(args: argparse.Namespace) -> int:
    """Dispatch `appliance audit …`; expected failures end in one line on stderr."""
    settings = load_settings(getattr(args, "config", None)).governance.audit
    if getattr(args, "db", None):
        settings = settings.model_copy(update={"path": Path(args.db)})
    if args.audit_command != "prune" and not settings.path.exists():
        print(f"error: no audit trail at {settings.path} (governance.audit.path); it is "
              "created when `appliance serve`, `kiosk` or `converse` first records a turn",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        trail = open_audit_trail(settings)
    except AuditKeyError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.audit_command == "verify":
            return _verify(trail)
        if args.audit_command == "show":
            return _show(trail, args.turn_id)
        if args.audit_command == "export":
            return _export(trail, args)
        return _prune(trail, args, settings)
    finally:
        trail.close()


def _verify(trail: AuditTrail) -> int:
    report = trail.verify()
    if report.ok:
        print(f"ok: {report.records} records, chain intact ({trail.path})")
        return EXIT_OK
    print(f"TAMPERED: first bad record {report.first_bad_seq}: {report.problem}")
    return EXIT_TAMPERED


def _show(trail: AuditTrail, turn_id: str) -> int:
    records = list(trail.records(turn_id=turn_id))
    if not records:
        print(f"error: no records for turn {turn_id!r}; `appliance audit export` lists turn ids",
              file=sys.stderr)
        return EXIT_USAGE
    for record in records:
        print(json.dumps(record.to_dict(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _export(trail: AuditTrail, args: argparse.Namespace) -> int:
    try:
        since = datetime.fromisoformat(args.since) if args.since else None
    except ValueError:
        print(f"error: --since {args.since!r} is not an ISO date or time; "
              "e.g. 2026-11-01 or 2026-11-01T08:00", file=sys.stderr)
        return EXIT_USAGE
    out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout  # noqa: SIM115
    try:
        records = trail.records(since=since)
        progress = tqdm(records, total=trail.count(), unit="record", desc="export",
                        disable=not args.out, file=sys.stderr)
        if args.format == "jsonl":
            for record in progress:
                out.write(record.to_json_line())
        else:
            writer = csv.writer(out)
            writer.writerow(["seq", "at", "kind", "session_id", "turn_id", "data", "sensitive"])
            for record in progress:
                row = record.to_dict()
                writer.writerow([row["seq"], row["at"], row["kind"], row["session_id"],
                                 row["turn_id"], json.dumps(row["data"], ensure_ascii=False),
                                 json.dumps(row["sensitive"], ensure_ascii=False)])
    finally:
        if args.out:
            out.close()
    return EXIT_OK


def _prune(trail: AuditTrail, args: argparse.Namespace, settings) -> int:
    days = args.older_than_days if args.older_than_days is not None else settings.retention_days
    keep = args.keep if args.keep is not None else settings.max_records
    deleted = trail.prune(max_age=timedelta(days=days) if days else None, max_records=keep)
    print(f"pruned {deleted} records; {trail.count()} kept, chain "
          f"{'intact' if trail.verify().ok else 'BROKEN'}")
    return EXIT_OK


def add_tokens_commands(sub) -> None:
    """Register `appliance tokens create|list|revoke`."""
    common = options_parser()
    tokens = sub.add_parser("tokens", parents=[common],
                            help="create, list or revoke API tokens (roles)")
    actions = tokens.add_subparsers(dest="tokens_command", required=True)
    create = actions.add_parser("create", parents=[common],
                                help="a new token; printed once, stored hashed")
    create.add_argument("--role", required=True, choices=ROLES,
                        help="viewer: read audit, routes, approvals; client: converse; "
                             "operator: everything, incl. approve and reload")
    create.add_argument("--name", default="", help="who or what it is for")
    actions.add_parser("list", parents=[common],
                       help="every token's id, name, role and state (never the token)")
    revoke = actions.add_parser("revoke", parents=[common], help="revoke a token by id")
    revoke.add_argument("token_id")
    tokens.set_defaults(func=cmd_tokens)


def cmd_tokens(args: argparse.Namespace) -> int:
    """Dispatch `appliance tokens …`."""
    store = TokenStore(load_settings(getattr(args, "config", None)).service.tokens_path)
    if args.tokens_command == "create":
        info, token = store.create(args.role, args.name)
        print(token)
        print(f"token {info.token_id} ({info.role}) created; it is shown only now and stored "
              f"hashed in {store.path}. Send it as 'Authorization: Bearer <token>'.",
              file=sys.stderr)
        return EXIT_OK
    if args.tokens_command == "list":
        for info, revoked in store.list():
            state = "revoked" if revoked else "active"
            print(f"{info.token_id}  {info.role:<8}  {state:<7}  {info.created_at}  {info.name}")
        return EXIT_OK
    if store.revoke(args.token_id):
        print(f"token {args.token_id} revoked")
        return EXIT_OK
    print(f"error: no active token with id {args.token_id!r}; see `appliance tokens list`",
          file=sys.stderr)
    return EXIT_USAGE

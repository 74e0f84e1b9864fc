"""`appliance audit …` and `appliance tokens …`: the audit trail and access tokens from a shell."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from appliance.config import load_settings
from appliance.governance.audit_commands import (
    EXIT_OK,
    EXIT_TAMPERED,
    EXIT_USAGE,
    run_audit_command,
    with_database,
)
from appliance.governance.keys import AuditKeyError
from appliance.governance.tokens import ROLES, TokenStore

__all__ = ["EXIT_OK", "EXIT_TAMPERED", "EXIT_USAGE", "add_audit_commands", "add_tokens_commands",
           "options_parser"]


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

    verify = actions.add_parser("verify", parents=[common],
                                help="check the chain (and checkpoints, or an export); names "
                                     "the first bad record")
    verify.add_argument("--checkpoints", type=Path,
                        help="checkpoint log or syslog file (default: checkpoint_file)")
    verify.add_argument("--public-key", type=Path,
                        help="PEM public key from `appliance audit public-key` (default: the "
                             "signing key's)")
    verify.add_argument("--export", type=Path,
                        help="check this export file instead of the database (needs only "
                             "--public-key)")

    show = actions.add_parser("show", parents=[common], help="every record of one turn")
    show.add_argument("turn_id")

    export = actions.add_parser("export", parents=[common],
                                help="records as signed JSON lines, or CSV")
    export.add_argument("--since", help="ISO date or time, e.g. 2026-11-01 or 2026-11-01T08:00")
    export.add_argument("--format", choices=["jsonl", "csv"], default="jsonl",
                        help="jsonl: verifiable with `verify --export`; csv: for spreadsheets")
    export.add_argument("--out", help="file to write, mode 0600 (default: standard output)")

    prune = actions.add_parser("prune", parents=[common],
                               help="apply retention now (the chain stays verifiable)")
    prune.add_argument("--older-than-days", type=float, help="default: retention_days")
    prune.add_argument("--keep", type=int, help="keep at most N records (default: max_records)")

    public_key = actions.add_parser("public-key", parents=[common],
                                    help="the public key that checks checkpoints and exports")
    public_key.add_argument("--out", help="file to write (default: standard output)")

    reset = actions.add_parser("reset", parents=[common],
                               help="start a new chain on purpose; the old files are moved "
                                    "aside (stop the service first)")
    reset.add_argument("--i-understand", action="store_true",
                       help="confirm: the old chain is closed and a signed reset is logged")
    audit.set_defaults(func=cmd_audit)


def cmd_audit(args: argparse.Namespace) -> int:
    """Dispatch `appliance audit …`; expected failures end in one line on stderr."""
    settings = load_settings(getattr(args, "config", None)).governance.audit
    if getattr(args, "db", None):
        settings = with_database(settings, Path(args.db))
    try:
        return run_audit_command(args, settings)
    except AuditKeyError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE


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

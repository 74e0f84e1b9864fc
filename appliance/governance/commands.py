"""What `appliance audit …` and `appliance tokens …` do: the audit trail and tokens.

`appliance.cli.audit` reads the command line; this is the work.
"""

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
from appliance.governance.tokens import TokenStore

__all__ = ["EXIT_OK", "EXIT_TAMPERED", "EXIT_USAGE", "run_audit", "run_tokens"]


def run_audit(args: argparse.Namespace) -> int:
    """Dispatch `appliance audit …`; expected failures end in one line on stderr."""
    settings = load_settings(getattr(args, "config", None)).governance.audit
    if getattr(args, "db", None):
        settings = with_database(settings, Path(args.db))
    try:
        return run_audit_command(args, settings)
    except AuditKeyError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE


def run_tokens(args: argparse.Namespace) -> int:
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

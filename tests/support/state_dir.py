"""Settings whose default state files (audit trail, tokens, ledgers) live in a folder of
the test's own, so nothing lands in the session's shared state directory."""

from __future__ import annotations

import os
from pathlib import Path

from appliance.config import STATE_DIR_ENV, Settings, load_settings


def settings_in(state: Path, overrides: dict, config: Path | None = None) -> Settings:
    """`config` (else the defaults) with `overrides`, its default state files under `state`."""
    before = os.environ.get(STATE_DIR_ENV)
    os.environ[STATE_DIR_ENV] = str(state)
    try:
        return (Settings.model_validate(overrides) if config is None
                else load_settings(config, overrides))
    finally:
        if before is None:
            os.environ.pop(STATE_DIR_ENV)
        else:
            os.environ[STATE_DIR_ENV] = before

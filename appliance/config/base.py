"""What every settings section shares: strictness, and where files live by default."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict

MODELS_DIR_ENV = "APPLIANCE_MODELS_DIR"
STATE_DIR_ENV = "APPLIANCE_STATE_DIR"


def default_models_dir() -> Path:
    """Where fetched models live unless the config or environment says otherwise."""
    if env := os.environ.get(MODELS_DIR_ENV):
        return Path(env)
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "appliance" / "models"


def default_state_dir() -> Path:
    """Where the audit trail, its key and the access tokens live unless configured."""
    if env := os.environ.get(STATE_DIR_ENV):
        return Path(env)
    state_home = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state_home) / "appliance"


class Section(BaseModel):
    """A settings section: unknown keys are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)

"""Intent settings: commands acted on before any model, timers, Home Assistant.

See README "Commands".
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, HttpUrl

from appliance.config.base import Section as _Section
from appliance.config.base import default_state_dir


class HomeAssistantSettings(_Section):
    """Where device commands go. With no `url`, the appliance says it has no devices."""

    url: HttpUrl | None = None  # e.g. "http://homeassistant.local:8123"
    # A long-lived access token: this environment variable, else `token_file` (0600).
    token_env: str = "APPLIANCE_HA_TOKEN"
    token_file: Path | None = None
    timeout_s: float = Field(5.0, gt=0)


class IntentSettings(_Section):
    """The command stage: Home Assistant's sentence grammar, matched before the LLM."""

    enabled: bool = True
    # Running timers are kept here, so a reload or a restart loses none.
    timers_path: Path = Field(default_factory=lambda: default_state_dir() / "timers.json")
    # More sentences, in hassil's YAML format (the appliance's own are in
    # appliance/intents/sentences/en.yaml); names and areas for device commands.
    extra_sentences: list[Path] = Field(default_factory=list)
    # Devices by the name people say: {"desk lamp" = "light.desk_lamp"}. With Home
    # Assistant configured, its own names and areas are added at start.
    devices: dict[str, str] = Field(default_factory=dict)
    areas: list[str] = Field(default_factory=list)
    homeassistant: HomeAssistantSettings = Field(default_factory=HomeAssistantSettings)

"""Typed settings for the whole appliance, loaded once from one TOML file.

Every field has a default, so every command works with no file at all. A bad
value is rejected before any audio opens, with the field's dotted name, what was
given and what is allowed.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator

from appliance.config.agents import AgentSettings
from appliance.config.base import Section as _Section
from appliance.config.governance import GovernanceSettings, ToolsSettings
from appliance.config.intents import IntentSettings
from appliance.config.ops import OpsSettings
from appliance.config.sections import (
    AudioSettings,
    KioskSettings,
    LLMSettings,
    ModelSettings,
    ProviderSettings,
    ProvidersSettings,
    RoutingSettings,
    ServiceSettings,
    STTSettings,
    TTSSettings,
    TurnSettings,
)

CONFIG_ENV = "APPLIANCE_CONFIG"


class Settings(_Section):
    """All settings; one section per capability."""

    turns: TurnSettings = Field(default_factory=TurnSettings)
    stt: STTSettings = Field(default_factory=STTSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    tts: TTSSettings = Field(default_factory=TTSSettings)
    audio: AudioSettings = Field(default_factory=AudioSettings)
    kiosk: KioskSettings = Field(default_factory=KioskSettings)
    service: ServiceSettings = Field(default_factory=ServiceSettings)
    models: ModelSettings = Field(default_factory=ModelSettings)
    providers: ProvidersSettings = Field(default_factory=ProvidersSettings)
    routing: RoutingSettings = Field(default_factory=RoutingSettings)
    governance: GovernanceSettings = Field(default_factory=GovernanceSettings)
    tools: ToolsSettings = Field(default_factory=ToolsSettings)
    ops: OpsSettings = Field(default_factory=OpsSettings)
    intents: IntentSettings = Field(default_factory=IntentSettings)
    agents: list[AgentSettings] = Field(default_factory=list)

    @field_validator("agents")
    @classmethod
    def _one_name_one_default(cls, agents: list[AgentSettings]) -> list[AgentSettings]:
        names = [a.name for a in agents]
        if twice := sorted({n for n in names if names.count(n) > 1}):
            raise ValueError(f"agent names must differ; {', '.join(twice)} is used twice")
        if sum(a.default for a in agents) > 1:
            raise ValueError("only one agent may be the default; "
                             f"{', '.join(a.name for a in agents if a.default)} all say so")
        return agents

    @property
    def default_agent(self) -> AgentSettings | None:
        """The agent for turns no other fits: the one marked default, else the first."""
        return next((a for a in self.agents if a.default), self.agents[0] if self.agents
                    else None)

    def providers_for(self, role: Literal["stt", "llm", "tts"]) -> list[ProviderSettings]:
        """The role's providers; by default its configured on-device model alone."""
        configured = getattr(self.providers, role)
        if configured:
            return list(configured)
        model = {"stt": self.stt.model, "llm": self.llm.model, "tts": self.tts.voice}[role]
        local = [ProviderSettings(name="local", kind="local", model=model)]
        if role == "llm" and self.llm.large_model not in (None, self.llm.model):
            local.append(ProviderSettings(name="local-large", kind="local",
                                          model=self.llm.large_model, tier="large"))
        return local


class ConfigError(Exception):
    """The configuration file is missing, unreadable or has invalid values."""


def _describe(error: dict) -> str:
    # A key that is empty or holds ".", ":" or a newline is quoted, so the line names it.
    field = ".".join(str(part) if re.fullmatch(r"[A-Za-z0-9_-]+", str(part)) else repr(part)
                     for part in error["loc"]) or "(top level)"
    given = error.get("input")
    if error["type"] == "extra_forbidden":
        return f"{field}: unknown setting (check the spelling; see README 'Configuration')"
    return f"{field}: {error['msg']} (got {given!r})"


def load_settings(path: Path | str | None = None, overrides: dict | None = None) -> Settings:
    """Load settings from `path`, $APPLIANCE_CONFIG, or the built-in defaults.

    Args:
        path: A TOML file. None means $APPLIANCE_CONFIG if set, else defaults only.
        overrides: Nested values applied on top of the file (command-line flags).

    Raises:
        ConfigError: with one line per bad field, naming it and what is allowed.
    """
    path = path or os.environ.get(CONFIG_ENV)
    data: dict = {}
    origin = "built-in defaults"
    if path:
        origin = str(path)
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {path} does not exist") from None
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"config file {path} cannot be read: {e}") from None
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"config file {path} is not valid TOML: {e}") from None
        except RecursionError:
            raise ConfigError(f"config file {path} nests arrays or tables too deeply to be a "
                              "configuration; see README 'Configuration'") from None
    for section, values in (overrides or {}).items():
        data.setdefault(section, {}).update({k: v for k, v in values.items() if v is not None})
    try:
        return Settings.model_validate(data)
    except ValidationError as e:
        lines = "\n  ".join(_describe(err) for err in e.errors())
        raise ConfigError(f"invalid settings in {origin}:\n  {lines}") from None

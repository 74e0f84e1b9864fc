"""Settings: one typed tree (`Settings`), loaded from one TOML file by `load_settings`.

A module per part: `sections` (the stages, the service, the routing), `governance`
(audit, personal data, policy, tools), `intents`, `ops`, `agents`, `models` (which model
names and paths each role takes) and `base` (where models and state live by default).
"""

from appliance.config.agents import AgentSettings
from appliance.config.base import (
    MODELS_DIR_ENV,
    STATE_DIR_ENV,
    default_models_dir,
    default_state_dir,
)
from appliance.config.governance import (
    ArgumentLimits,
    AuditSettings,
    GovernanceSettings,
    MCPServerSettings,
    PersonalDataSettings,
    PolicyRule,
    PolicySettings,
    ToolsSettings,
)
from appliance.config.intents import HomeAssistantSettings, IntentSettings
from appliance.config.ops import ConsoleSettings, OpsSettings, TracingSettings
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
from appliance.config.settings import CONFIG_ENV, ConfigError, Settings, load_settings

__all__ = [
    "CONFIG_ENV",
    "MODELS_DIR_ENV",
    "STATE_DIR_ENV",
    "AgentSettings",
    "ArgumentLimits",
    "AudioSettings",
    "AuditSettings",
    "ConfigError",
    "ConsoleSettings",
    "GovernanceSettings",
    "HomeAssistantSettings",
    "IntentSettings",
    "KioskSettings",
    "LLMSettings",
    "MCPServerSettings",
    "ModelSettings",
    "OpsSettings",
    "PersonalDataSettings",
    "PolicyRule",
    "PolicySettings",
    "ProviderSettings",
    "ProvidersSettings",
    "RoutingSettings",
    "STTSettings",
    "ServiceSettings",
    "Settings",
    "TTSSettings",
    "ToolsSettings",
    "TracingSettings",
    "TurnSettings",
    "default_models_dir",
    "default_state_dir",
    "load_settings",
]

"""The process's providers: local models loaded once, remote clients, and a router per role.

`Engines.reload` swaps in new settings between turns: local models still named
are kept warm, new ones are loaded before the swap, and conversations pick the
new routers up at their next turn.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from loguru import logger

from appliance.audio.volume import SpeakerVolume
from appliance.config import ConfigError, ProviderSettings, Settings
from appliance.config.agents import AgentSettings
from appliance.config.models import is_model_path
from appliance.governance import AuditKeyError, AuditTrail, open_audit_trail
from appliance.governance.masking import mask_text
from appliance.governance.word_lists import load_word_lists
from appliance.intents.chat import CommandStage
from appliance.intents.stage import Commands, HomeAssistantConfigError, build_commands
from appliance.modelstore import ModelStore, ModelStoreError
from appliance.modelstore.devices import choose_devices
from appliance.modelstore.own import check_own_model
from appliance.providers.cpu_priority import CpuPriority
from appliance.routing.breaker import CircuitBreaker
from appliance.routing.ledger import CostLedger
from appliance.routing.privacy import PrivacyPolicy
from appliance.routing.router import ProviderSlot, RoleRouter
from appliance.routing.stats import ProviderStats
from appliance.runtime.factories import load_local, remote_engine
from appliance.tools.assemble import apply_policy, build_tool_registry
from appliance.tools.registry import ToolRegistry

ROLES = ("stt", "llm", "tts")

# Called as models load: (models loaded so far, models to load, what is happening).
LoadProgress = Callable[[int, int, str], None]


class LocalModels:
    """Local engines by (role, model name), each loaded at most once."""

    def __init__(self, settings: Settings, progress: LoadProgress | None = None):
        self._store = ModelStore(settings.models.dir)
        self.devices = choose_devices(settings.models.device)
        logger.info(f"devices: {self.devices.describe()}")
        self._loaded: dict[tuple[str, str], Any] = {}
        # Who gets the cores first: the voice's first audio over background decoding.
        self.cpu = CpuPriority()
        self._folders: dict[str, Path] = {}  # of every model `check` found usable
        self._progress = progress
        self.expected = 0  # how many models this load will bring in, for progress

    def check(self, wanted: list[tuple[str, str]]) -> dict[str, Path]:
        """Check every model before loading any, so one run reports every fix.

        Raises:
            ModelStoreError: naming each missing or corrupt model and the fix.
        """
        folders, problems = {}, []
        for role, name in wanted:
            try:
                folders[name] = (check_own_model(role, name) if is_model_path(name)
                                 else self._store.require(name))
            except ModelStoreError as e:
                problems.append(str(e))
        self._folders.update(folders)
        if len(problems) == 1:
            raise ModelStoreError(problems[0])
        if problems:
            raise ModelStoreError(
                "several models are not usable:\n  " + "\n  ".join(problems)
                + f"\nRun: appliance models fetch --models-dir {self._store.models_dir}"
                "  (fetches them all)"
            )
        return folders

    def get(self, role: str, model: str, settings: Settings, folder: Path) -> Any:
        """The engine for `model` in `role`, loading it on first use."""
        key = (role, model)
        if key not in self._loaded:
            if self._progress:
                self._progress(len(self._loaded), self.expected, f"loading {role} model {model}")
            spec = None if is_model_path(model) else self._store.manifest.get(model)
            self._loaded[key] = load_local(role, folder, settings, spec, self.devices, self.cpu)
            if self._progress:
                self._progress(len(self._loaded), self.expected, f"loaded {role} model {model}")
        return self._loaded[key]

    def voice(self, name: str, settings: Settings) -> Any:
        """A voice `check` found usable, loaded on first use."""
        return self.get("tts", name, settings, self._folders[name])

    def loaded_names(self) -> list[tuple[str, str]]:
        """(role, model) of every loaded engine."""
        return list(self._loaded)

    def engines(self) -> list[Any]:
        """Every loaded engine."""
        return list(self._loaded.values())


@dataclass
class Engines:
    """Every provider of the process, with the routers that choose among them."""

    settings: Settings
    routers: dict[str, RoleRouter]
    local: LocalModels
    vad_model_path: Path
    smart_turn_model_path: Path
    ledger: CostLedger
    audit: AuditTrail | None = None
    tools: ToolRegistry | None = None
    tool_proposer: Any = None
    # Timers, volume, devices: acted on before any model (None: [intents] enabled = false).
    commands: Commands | None = None
    mcp_connections: list = field(default_factory=list)
    # Agent name -> the voice the device speaks its turns in, for agents with their own.
    agent_voices: dict[str, Any] = field(default_factory=dict)
    load_seconds: float = 0.0
    # Called with (session_id, "transcript" | "reply" | "turn", TurnRecord) by every
    # conversation: how metrics, traces and the console's live feed hear of turns.
    turn_listeners: list = field(default_factory=list)
    # Told of every provider failure and charge by every router (see RoleRouter), across
    # reloads: how metrics count errors and money per call, not per turn.
    route_observers: list = field(default_factory=list)

    def command_stage(self, session: str | None) -> CommandStage | None:
        """One conversation's command stage; None when commands are switched off."""
        return self.commands.stage(session) if self.commands is not None else None

    def agent_voice(self, agent: str) -> Any:
        """The agent's own voice; None when it speaks in the appliance's."""
        return self.agent_voices.get(agent)

    def router(self, role: str) -> RoleRouter:
        """The role's current router (replaced by `reload`)."""
        return self.routers[role]

    def _first_local(self, role: str) -> Any:
        return next(s.engine for s in self.routers[role].slots.values() if s.is_local)

    @property
    def stt(self) -> Any:
        """The first local speech-to-text engine (what the appliance serves as a hub)."""
        return self._first_local("stt")

    @property
    def llm(self) -> Any:
        """The first local language model."""
        return self._first_local("llm")

    @property
    def tts(self) -> Any:
        """The first local voice."""
        return self._first_local("tts")

    def reload(self, settings: Settings) -> None:
        """Load what the new settings need, then swap the routers in one step."""
        routers = _build_routers(settings, self.local, self.ledger, previous=self.routers,
                                 observers=self.route_observers)
        # Conversations look the router up per call: one assignment swaps them all.
        self.routers = routers
        self.agent_voices = _agent_voices(settings, self.local)
        if self.tools is not None:
            apply_policy(self.tools, settings)
        self.settings = settings
        logger.info("settings reloaded: " + ", ".join(
            f"{role}=[{', '.join(r.slots)}]" for role, r in routers.items()))

    async def start(self) -> None:
        """Start ringing timers, attach MCP servers, warm the tool proposer.

        Called in the event loop that will use them.
        """
        if self.commands is not None:
            await self.commands.start()
        if self.tools is None:
            return
        if self.settings.tools.mcp and not self.mcp_connections:
            from appliance.tools.mcp_servers import attach_mcp_servers

            self.mcp_connections = await attach_mcp_servers(self.tools, self.settings.tools.mcp)
        if getattr(self.tool_proposer, "is_local", False):
            from appliance.tools.chat import PROPOSER_PROMPT

            # Evaluates the instructions and tool list once (measured: 2.3 s on the first
            # turn otherwise); later turns reuse that prefix from llama.cpp's KV cache.
            await self.tool_proposer.propose_tool_calls(
                [{"role": "system", "content": PROPOSER_PROMPT},
                 {"role": "user", "content": "Hello."}], self.tools.specs())

    async def aclose(self) -> None:
        """Release every model and client."""
        if self.commands is not None:
            await self.commands.aclose()
        for connection in self.mcp_connections:
            await connection.aclose()
        closed = set()
        for router in self.routers.values():
            for slot in router.slots.values():
                if id(slot.engine) not in closed:
                    closed.add(id(slot.engine))
                    await slot.engine.aclose()
        if self.tool_proposer is not None and id(self.tool_proposer) not in closed:
            await self.tool_proposer.aclose()
        for engine in self.local.engines():  # an agent's voice has no router slot
            if id(engine) not in closed:
                closed.add(id(engine))
                await engine.aclose()
        if self.audit is not None:
            self.audit.close()


def _local_models(settings: Settings) -> list[tuple[str, str]]:
    """(role, model) of every on-device model the settings name."""
    wanted = [(role, p.model) for role in ROLES for p in settings.providers_for(role)
              if p.is_local]
    if settings.stt.second_opinion_model:
        wanted.append(("stt", settings.stt.second_opinion_model))
    wanted += [("tts", _agent_voice_name(agent, settings)) for agent in settings.agents
               if agent.voice or agent.length_scale is not None]
    return wanted


def _agent_voice_name(agent: AgentSettings, settings: Settings) -> str:
    """The voice file an agent speaks in: its own, else the device's."""
    return agent.voice or next(
        (p.model for p in settings.providers_for("tts") if p.is_local), settings.tts.voice)


def _agent_voices(settings: Settings, local: LocalModels) -> dict[str, Any]:
    """Each agent's own voice or pace, loaded once (a pace alone shares the voice)."""
    voices = {}
    for agent in settings.agents:
        if agent.voice or agent.length_scale is not None:
            voice = local.voice(_agent_voice_name(agent, settings), settings)
            if agent.length_scale is not None:
                voice = voice.paced(agent.length_scale)
            voices[agent.name] = voice
    return voices


def _local_engine(role: str, provider: ProviderSettings, settings: Settings, local: LocalModels,
                  folders: dict[str, Path]) -> Any:
    """A local provider's engine: its model, with the second speech model when one is set."""
    engine = local.get(role, provider.model, settings, folders[provider.model])
    second = settings.stt.second_opinion_model
    if role != "stt" or not second or second == provider.model:
        return engine
    from appliance.stt.second_opinion import SecondOpinionSTT

    return SecondOpinionSTT(engine, local.get(role, second, settings, folders[second]),
                            unsure_below=settings.stt.second_opinion_below, second_name=second)


def _same_second_opinion(role: str, provider: ProviderSettings, engine: Any,
                         settings: Settings) -> bool:
    """Whether a kept local speech engine still has the second model the settings ask for."""
    if role != "stt" or not provider.is_local:
        return True
    from appliance.stt.second_opinion import SecondOpinionSTT

    wanted = settings.stt.second_opinion_model
    if not isinstance(engine, SecondOpinionSTT):
        return wanted is None
    return engine.describe() == (wanted, settings.stt.second_opinion_below)


def _build_routers(settings: Settings, local: LocalModels, ledger: CostLedger,
                   previous: dict[str, RoleRouter] | None = None,
                   observers: list | None = None) -> dict[str, RoleRouter]:
    wanted = _local_models(settings)
    folders = local.check(wanted + [("vad", "silero-vad"), ("turn", "smart-turn-v3.2")])
    privacy = PrivacyPolicy(settings.routing.local_only_patterns,
                            settings.routing.detect_personal_data,
                            actions=dict(settings.governance.personal_data.actions))
    ledger.daily_budget_usd = settings.routing.daily_budget_usd
    routers = {}
    for role in ROLES:
        slots = []
        for provider in settings.providers_for(role):
            old = previous[role].slots.get(provider.name) if previous else None
            if (old is not None and old.settings == provider
                    and _same_second_opinion(role, provider, old.engine, settings)):
                slots.append(old)  # same provider: keep its engine and what we know of it
                continue
            engine = (_local_engine(role, provider, settings, local, folders)
                      if provider.is_local else remote_engine(role, provider))
            slots.append(ProviderSlot(
                settings=provider, engine=engine,
                stats=ProviderStats(window=settings.routing.stats_window),
                breaker=CircuitBreaker(settings.routing.breaker_failure_threshold,
                                       settings.routing.breaker_reset_s)))
        routers[role] = RoleRouter(role, slots, settings.routing, ledger=ledger, privacy=privacy,
                                   observers=observers)
        if previous:
            # A reload must not quietly undo an operator's (or the router's) demotion.
            routers[role].demotion.adopt(previous[role].demotion, [s.name for s in slots])
    return routers


def load_engines(settings: Settings, progress: LoadProgress | None = None, *,
                 volume: SpeakerVolume | None = None) -> Engines:
    """Load every configured local model and connect every remote provider.

    Args:
        settings: What to load.
        progress: Told before and after each local model loads (the console's bar).
        volume: The speaker's volume, which "louder" changes (the kiosk's).

    Raises:
        ModelStoreError: naming the missing or corrupt model and the command that fixes it.
    """
    started = time.monotonic()
    local = LocalModels(settings, progress)
    local.expected = len(set(_local_models(settings))) + (1 if settings.tools.enabled else 0)
    ledger = CostLedger(settings.routing.daily_budget_usd, path=settings.routing.cost_ledger_path)
    route_observers: list = []
    routers = _build_routers(settings, local, ledger, observers=route_observers)
    store = ModelStore(settings.models.dir)
    engines = Engines(
        settings=settings,
        routers=routers,
        local=local,
        vad_model_path=store.file_ending("silero-vad", ".onnx"),
        smart_turn_model_path=store.file_ending("smart-turn-v3.2", ".onnx"),
        ledger=ledger,
        audit=_open_audit(settings),
        route_observers=route_observers,
        agent_voices=_agent_voices(settings, local),
    )
    if settings.tools.enabled:
        engines.tools = build_tool_registry(settings, engines.audit, mask_text)
        engines.tool_proposer = _tool_proposer(settings, local)
    if settings.intents.enabled:
        # Device commands pass the tool gates: the tools' own registry when tools are on
        # (the LLM may then control devices too), else one for commands alone.
        gates = engines.tools or build_tool_registry(settings, engines.audit, mask_text)
        try:
            engines.commands = build_commands(settings.intents, volume=volume, registry=gates)
        except HomeAssistantConfigError as e:
            raise ConfigError(str(e)) from None
    # The masker's name, word and place lists and its tagger's model load on first use
    # (~1 s): here, with the models (the warm-up masks once), not on the first turn that
    # mentions a person.
    load_word_lists()
    mask_text("warm up: my name is Ann Lee, text Kwame Mensah at 1 Main Street, Leeds LS6 2AB")
    engines.load_seconds = time.monotonic() - started
    logger.info(f"models loaded in {engines.load_seconds:.1f} s")
    return engines


def _open_audit(settings: Settings) -> AuditTrail | None:
    """The audit trail, with retention applied once at start; None when switched off."""
    audit = settings.governance.audit
    if not audit.enabled:
        return None
    try:
        trail = open_audit_trail(audit)
    except AuditKeyError as e:
        raise ConfigError(f"governance.audit: {e}") from None
    pruned = trail.prune(
        max_age=timedelta(days=audit.retention_days) if audit.retention_days else None,
        max_records=audit.max_records)
    if pruned:
        logger.info(f"audit trail: {pruned} records past retention pruned")
    return trail


def _tool_proposer(settings: Settings, local: LocalModels) -> Any:
    """The model that proposes tool calls: a local model, or a configured remote provider."""
    name = settings.tools.model
    remote = next((p for p in settings.providers.llm if p.name == name and not p.is_local), None)
    if remote is not None:
        return remote_engine("llm", remote)
    folder = local.check([("tools", name)])[name]
    return local.get("tools", name, settings, folder)

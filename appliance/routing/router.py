"""Per-role routers: the providers of one role, their live health, and the routing strategy.

A `RoleRouter` is shared by every conversation of the process, so what one
conversation learns about a slow or failing provider protects the others. The
decision itself is the strategy object's; this module only gathers what the
strategy needs and books the outcome (statistics, breaker, demotion, cost).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from loguru import logger

from appliance.config import ProviderSettings, RoutingSettings
from appliance.llm.interface import ChatModel
from appliance.providers.errors import ProviderError
from appliance.routing.breaker import CircuitBreaker
from appliance.routing.demotion import DemotionTracker
from appliance.routing.kinds import RouteKind
from appliance.routing.ledger import CostLedger
from appliance.routing.privacy import PrivacyPolicy
from appliance.routing.stats import ProviderStats
from appliance.routing.strategy import (
    BudgetRoutingStrategy,
    Candidate,
    RouteDecision,
    RouteRequest,
    RoutingStrategy,
)
from appliance.stt.interface import SpeechToText
from appliance.tts.interface import TextToSpeech

Role = Literal["stt", "llm", "tts"]


@dataclass
class ProviderSlot:
    """One configured provider with the engine that serves it and its health."""

    settings: ProviderSettings
    engine: SpeechToText | ChatModel | TextToSpeech
    stats: ProviderStats
    breaker: CircuitBreaker

    @property
    def name(self) -> str:
        """The configured name."""
        return self.settings.name

    @property
    def is_local(self) -> bool:
        """Whether it runs on the device."""
        return self.settings.is_local

    @property
    def is_priced(self) -> bool:
        """Whether using it costs money."""
        s = self.settings
        return (s.price_per_1k_tokens + s.price_per_audio_minute + s.price_per_1k_chars) > 0


@dataclass
class Attempt:
    """One try at one provider within a turn."""

    provider: str
    outcome: str  # "ok" | "failed" | "cancelled" | "skipped"
    ms: float | None = None
    kind: str | None = None

    def to_json(self) -> dict:
        """JSON form for route reports."""
        return {"provider": self.provider, "outcome": self.outcome, "ms": self.ms,
                "kind": self.kind}


@dataclass
class RouteRecord:
    """What serving one role in one turn came to: the route report's entry."""

    provider: str  # "none" when nobody served it, "fallback" for the LLM's fallback line
    reason: str
    kind: RouteKind = RouteKind.LOCAL  # the reason as a fixed label
    ms: float | None = None
    attempts: list[Attempt] = field(default_factory=list)
    cost_usd: float = 0.0
    # The LLM's prompt, in the local model's tokens: what a turn's context costs.
    prompt_tokens: int | None = None

    def note(self, what: str, kind: RouteKind | None = None) -> None:
        """Add what happened next to the reason; `kind` names the route if more telling."""
        self.reason += f"; {what}"
        if kind is not None and kind.outranks(self.kind):
            self.kind = kind

    def to_json(self) -> dict:
        """The `route` entry of `converse --json` and of WebSocket turn events."""
        return {
            "provider": self.provider,
            "reason": self.reason,
            "kind": self.kind.value,
            "ms": None if self.ms is None else round(self.ms, 1),
            "attempts": [a.to_json() for a in self.attempts],
            "cost_usd": round(self.cost_usd, 6),
            **({} if self.prompt_tokens is None else {"prompt_tokens": self.prompt_tokens}),
        }


class RouteLog:
    """One conversation's route records for the turn in progress."""

    def __init__(self) -> None:
        self._records: dict[str, RouteRecord] = {}
        self.turn_started_at: float | None = None
        self.local_only_reason: str | None = None
        self.agent: str | None = None  # the agent serving the turn, when agents are set

    def start_turn(self) -> None:
        """A new user turn began: its budget counts from now."""
        self.turn_started_at = time.monotonic()
        self.local_only_reason = None
        self.agent = None

    def record(self, role: str, record: RouteRecord) -> None:
        """Keep the role's first record of the turn (e.g. the first TTS sentence)."""
        self._records.setdefault(role, record)

    def forget(self, role: str) -> None:
        """Drop the role's record of this turn: the role is being served again."""
        self._records.pop(role, None)

    def take(self, roles: tuple[str, ...] = ("agent", "llm", "tts")) -> dict[str, dict]:
        """Hand over and forget the records of `roles`."""
        return {role: self._records.pop(role).to_json() for role in roles if role in self._records}

    def elapsed_s(self) -> float:
        """Time spent in this turn so far."""
        return 0.0 if self.turn_started_at is None else time.monotonic() - self.turn_started_at


class RoleRouter:
    """Decides the provider order for one role and books every outcome."""

    def __init__(
        self,
        role: Role,
        slots: list[ProviderSlot],
        settings: RoutingSettings,
        *,
        ledger: CostLedger,
        privacy: PrivacyPolicy,
        strategy: RoutingStrategy | None = None,
        clock: Callable[[], float] = time.monotonic,
        observers: list | None = None,
    ):
        """Create the router.

        `observers` (shared, appended to later) get `provider_failed(role, name, kind)`
        and `provider_charged(role, name, usd)` for every call: the metrics.
        """
        self.role = role
        self.slots = {slot.name: slot for slot in slots}
        self.settings = settings
        self.ledger = ledger
        self.privacy = privacy
        self.strategy = strategy or BudgetRoutingStrategy()
        self.demotion = DemotionTracker(settings.demotion_cooldown_s, clock=clock)
        self.observers = observers if observers is not None else []

    @property
    def budget_s(self) -> float:
        """The per-turn latency budget."""
        return self.settings.latency_budget_ms / 1000

    def candidates(self) -> list[Candidate]:
        """What the strategy may choose from, in configured order."""
        return [
            Candidate(
                name=slot.name,
                is_local=slot.is_local,
                tier=slot.settings.tier,
                predicted_ttfb_s=slot.stats.predict_ttfb_s(),
                error_rate=slot.stats.error_rate,
                breaker_open=slot.breaker.state == "open",
                demoted=self.demotion.is_demoted(slot.name),
                trial_due=self.demotion.trial_due(slot.name),
                priced=slot.is_priced,
            )
            for slot in self.slots.values()
        ]

    def decide(
        self,
        *,
        budget_remaining_s: float,
        local_only_reason: str | None = None,
        escalation_reason: str | None = None,
        allow_hedging: bool = True,
    ) -> RouteDecision:
        """Ask the strategy for this turn's provider order."""
        request = RouteRequest(
            role=self.role,
            budget_remaining_s=budget_remaining_s,
            local_only_reason=local_only_reason,
            escalation_reason=escalation_reason,
            remote_allowed_by_cost=self.ledger.allows_remote(),
            hedging_enabled=self.settings.enable_hedging and allow_hedging,
        )
        return self.strategy.decide(request, self.candidates())

    def usable(self, name: str) -> bool:
        """Whether the breaker lets a request through now (claims the half-open probe)."""
        return self.slots[name].breaker.allow_request()

    def succeeded(self, name: str, ttfb_s: float) -> None:
        """Book a success and its time to first byte."""
        slot = self.slots[name]
        slot.stats.record_success(ttfb_s)
        slot.breaker.record_success()
        if not slot.is_local:
            if self.demotion.is_demoted(name):
                self.demotion.trial_result(name, ttfb_s, self.budget_s)
                if not self.demotion.is_demoted(name):
                    slot.stats.reset()
                    logger.info(f"{self.role} provider '{name}' re-promoted")
            else:
                self.demotion.update(name, slot.stats, self.budget_s)
                if self.demotion.is_demoted(name):
                    logger.warning(f"{self.role} provider '{name}' demoted: p95 over budget")

    def failed(self, name: str, error: BaseException) -> None:
        """Book a failure; a rate limit keeps the breaker open for as long as the server asked."""
        slot = self.slots[name]
        kind = error.kind if isinstance(error, ProviderError) else "internal"
        slot.stats.record_failure(kind)
        slot.breaker.record_failure()
        if isinstance(error, ProviderError) and error.retry_after_s:
            slot.breaker.retry_after(error.retry_after_s)
        if self.demotion.is_demoted(name):
            self.demotion.trial_result(name, None, self.budget_s)
        for observer in self.observers:
            observer.provider_failed(self.role, name, kind)
        logger.warning(f"{self.role} provider '{name}' failed ({kind}): {error}")

    def demote(self, name: str) -> None:
        """An operator takes `name` out of use until promoted (tried only if nothing else is up).

        Raises:
            KeyError: no such provider in this role.
        """
        self.slots[name]  # noqa: B018  (raises KeyError for an unknown name)
        self.demotion.demote(name)
        logger.warning(f"{self.role} provider '{name}' demoted by an operator")

    def promote(self, name: str) -> bool:
        """An operator puts `name` back in use, with fresh statistics and a closed breaker.

        Raises:
            KeyError: no such provider in this role.
        """
        slot = self.slots[name]
        was_demoted = self.demotion.promote(name)
        slot.stats.reset()
        slot.breaker.reset()
        logger.info(f"{self.role} provider '{name}' promoted by an operator")
        return was_demoted

    def charge(self, name: str, usd: float) -> None:
        """Add a remote call's cost to the day's spending."""
        if usd > 0:
            self.ledger.add(name, usd)
            for observer in self.observers:
                observer.provider_charged(self.role, name, usd)

    def snapshot(self) -> dict:
        """Health of every provider, for status pages and tests."""
        return {
            name: {
                "local": slot.is_local,
                "stats": slot.stats.snapshot(),
                "breaker": slot.breaker.snapshot(),
                "demoted": self.demotion.is_demoted(name),
                "demoted_by_operator": self.demotion.is_manual(name),
            }
            for name, slot in self.slots.items()
        }

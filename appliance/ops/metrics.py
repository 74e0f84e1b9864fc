"""Prometheus metrics (prometheus-client): what happened per turn, and the providers' state now.

Counters and histograms move as turns finish (`observe_turn`, a turn listener) and as
providers fail or charge (`provider_failed`, `provider_charged`, a router observer:
every call counts, not only a turn's first sentence). Breaker states, spending and
model state are read at scrape time from the engines, so they can never drift from
what the router really holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.process_collector import ProcessCollector

from appliance.routing.kinds import RouteKind
from appliance.turns import TurnRecord

# Seconds: fine steps around the 0.5 s voice-to-voice target, coarse out to the fallbacks.
LATENCY_BUCKETS = (0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0, 1.5, 2.0, 3.0,
                   5.0, 10.0)
STAGES = ("eot", "stt", "llm_ttft", "tts_ttfb")
# A typed turn has no speech: its end-of-turn, STT and "voice to voice" would be fiction.
SPOKEN_ONLY = ("eot", "stt", "voice_to_voice")
BREAKER_STATES = ("closed", "half_open", "open")


class ApplianceMetrics:
    """The process's metrics in their own registry (several apps can live in one process)."""

    def __init__(self, engines: Callable[[], Any], sessions: Callable[[], int] = lambda: 0):
        """Create the metrics.

        Args:
            engines: Returns the loaded `Engines`, or None while models load.
            sessions: Returns the number of open WebSocket conversations.
        """
        self.registry = CollectorRegistry()
        self.turns = Counter("appliance_turns", "Finished user turns, by how they ended.",
                             ["outcome", "source"], registry=self.registry)
        self.resumed = Counter("appliance_turns_resumed", "Requests heard again whole after the "
                               "user went on past a pause taken for the end of the turn.",
                               registry=self.registry)
        self.errors = Counter("appliance_provider_errors", "Failed provider attempts.",
                              ["role", "provider", "kind"], registry=self.registry)
        self.routes = Counter("appliance_route_decisions", "Which provider served each stage "
                              "and why.", ["role", "provider", "reason"], registry=self.registry)
        self.stage_latency = Histogram("appliance_stage_latency_seconds",
                                       "Latency of each stage of a turn.", ["stage"],
                                       buckets=LATENCY_BUCKETS, registry=self.registry)
        self.voice_to_voice = Histogram("appliance_voice_to_voice_seconds",
                                        "End of the user's speech to the first reply sample.",
                                        buckets=LATENCY_BUCKETS, registry=self.registry)
        self.cost = Counter("appliance_cost_usd", "Money spent on priced remote providers.",
                            ["role", "provider"], registry=self.registry)
        self.registry.register(_EnginesCollector(engines, sessions))
        # process_resident_memory_bytes, CPU seconds, open files (Linux /proc).
        ProcessCollector(registry=self.registry)

    def observe_turn(self, _session_id: str, kind: str, record: TurnRecord) -> None:
        """A turn listener: count a finished turn's outcome, timings, routes and costs."""
        if kind != "turn":
            return
        outcome = ("interrupted" if record.interrupted
                   else "answered" if record.reply.strip() else "unanswered")
        self.turns.labels(outcome, record.source).inc()
        if record.resumed:
            self.resumed.inc()
        for stage, ms in record.timings_ms().items():
            if ms is None or ms < 0 or (record.source == "text" and stage in SPOKEN_ONLY):
                continue
            if stage == "voice_to_voice":
                self.voice_to_voice.observe(ms / 1000)
            else:
                self.stage_latency.labels(stage).observe(ms / 1000)
        for role, route in record.route.items():
            if not isinstance(route, dict):
                continue
            self.routes.labels(role, route.get("provider", "none"),
                               route.get("kind", RouteKind.LOCAL)).inc()

    def provider_failed(self, role: str, provider: str, kind: str) -> None:
        """A router observer: one failed call."""
        self.errors.labels(role, provider, kind or "unknown").inc()

    def provider_charged(self, role: str, provider: str, usd: float) -> None:
        """A router observer: money spent on one call."""
        self.cost.labels(role, provider).inc(usd)

    def render(self) -> bytes:
        """The text exposition format."""
        return generate_latest(self.registry)


class _EnginesCollector:
    """Gauges read off the engines at scrape time."""

    def __init__(self, engines: Callable[[], Any], sessions: Callable[[], int]):
        self._engines = engines
        self._sessions = sessions

    def describe(self):
        """Nothing up front: the families depend on the configured providers."""
        return []

    def collect(self):
        """Breakers, demotions, today's spending, model state and open sessions."""
        engines = self._engines()
        ready = GaugeMetricFamily("appliance_models_ready",
                                  "1 once every model is loaded and warm, else 0.")
        ready.add_metric([], 1.0 if engines is not None else 0.0)
        yield ready
        sessions = GaugeMetricFamily("appliance_sessions", "Open WebSocket conversations.")
        sessions.add_metric([], float(self._sessions()))
        yield sessions
        if engines is None:
            return
        loaded = GaugeMetricFamily("appliance_model_loaded", "Local models in memory.",
                                   labels=["role", "model"])
        for role, model in engines.local.loaded_names():
            loaded.add_metric([role, model], 1.0)
        yield loaded
        breaker = GaugeMetricFamily("appliance_breaker_state",
                                    "Circuit breaker state per provider (1 = current state).",
                                    labels=["role", "provider", "state"])
        demoted = GaugeMetricFamily("appliance_provider_demoted",
                                    "1 while a provider is demoted.", labels=["role", "provider"])
        for role, router in engines.routers.items():
            for name, slot in router.slots.items():
                current = slot.breaker.state
                for state in BREAKER_STATES:
                    breaker.add_metric([role, name, state], 1.0 if state == current else 0.0)
                demoted.add_metric([role, name], 1.0 if router.demotion.is_demoted(name) else 0.0)
        yield breaker
        yield demoted
        spent = GaugeMetricFamily("appliance_cost_today_usd",
                                  "Spent today (local day) per provider.", labels=["provider"])
        for name, usd in engines.ledger.snapshot()["by_provider"].items():
            spent.add_metric([name], usd)
        yield spent

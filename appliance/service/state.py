"""What the HTTP handlers know of the process.

Its settings, its engines once loaded, who may do what, and where turns are reported.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from appliance.audio.volume import SpeakerVolume
from appliance.config import Settings
from appliance.ops.feed import EventFeed
from appliance.ops.history import TurnSeries
from appliance.ops.metrics import ApplianceMetrics
from appliance.ops.tracing import TurnTracer
from appliance.runtime.engines import Engines
from appliance.runtime.reloading import Reloader
from appliance.service.admission import Admission
from appliance.service.auth import Authorizer
from appliance.service.bench_job import BenchJob
from appliance.service.console_sessions import ConsoleSessions


@dataclass
class ServiceState:
    """What the HTTP handlers need to know about the process."""

    settings: Settings
    engines: Engines | None = None
    load_error: str | None = None
    started_at: float = field(default_factory=time.monotonic)
    ready_seconds: float | None = None
    admission: Admission | None = None
    failed: asyncio.Event = field(default_factory=asyncio.Event)
    reloader: Reloader | None = None
    authorizer: Authorizer | None = None
    console_sessions: ConsoleSessions | None = None
    feed: EventFeed = field(default_factory=EventFeed)
    series: TurnSeries = field(default_factory=TurnSeries)
    metrics: ApplianceMetrics | None = None
    tracer: TurnTracer | None = None
    # Model loading as the console shows it: {"done", "total", "step"}.
    load_progress: dict = field(default_factory=dict)
    # With `serve --kiosk`: the microphone loop's speaker volume, its stop, its last state.
    kiosk_volume: SpeakerVolume | None = None
    kiosk_stop: asyncio.Event = field(default_factory=asyncio.Event)
    kiosk_status: str | None = None
    # One console playground turn at a time: the box has two cores.
    playground_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    # The console's benchmark: the current or last run, and the task running it.
    bench_job: BenchJob = field(default_factory=BenchJob)
    bench_tasks: set[asyncio.Task] = field(default_factory=set)

    @property
    def sessions(self) -> int:
        """Voice conversations open now."""
        return self.admission.count("voice") if self.admission else 0

    def listen_to(self, engines: Engines) -> None:
        """Hook metrics, traces, the rate chart and the live feed onto every conversation."""
        engines.turn_listeners.extend(
            [self.metrics.observe_turn, self.series.observe_turn, self.feed.on_turn]
            + ([self.tracer.record_turn] if self.tracer else []))
        engines.route_observers.append(self.metrics)
        if engines.tools is not None:
            engines.tools.approvals.listeners.append(self.feed.on_approval)

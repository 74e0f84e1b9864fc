"""Operations settings: traces and the web console (see README "Operations")."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from appliance.config.base import Section as _Section


class TracingSettings(_Section):
    """One OpenTelemetry trace per turn, with a span per stage."""

    # "none" (the default: nothing leaves the process), "console" (spans printed
    # to stdout as JSON), or "otlp" (OTLP over HTTP to an existing collector).
    exporter: Literal["none", "console", "otlp"] = "none"
    otlp_endpoint: str = "http://127.0.0.1:4318/v1/traces"
    service_name: str = Field("edge-voice-appliance", min_length=1)


class ConsoleSettings(_Section):
    """The web console served by `appliance serve` at /console."""

    enabled: bool = True
    # How long a console login lasts before the operator token must be given again.
    session_hours: float = Field(12.0, gt=0, le=168)


class OpsSettings(_Section):
    """Metrics, traces and the web console."""

    tracing: TracingSettings = Field(default_factory=TracingSettings)
    console: ConsoleSettings = Field(default_factory=ConsoleSettings)

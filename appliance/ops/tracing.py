"""OpenTelemetry: one trace per turn, with a span per stage, written when the turn ends.

pipecat's own tracing hangs its stage spans on decorators of pipecat's service
classes; this appliance's stages are its own routed services, so the spans are
built here from the turn's recorded clock times instead. Each stage span carries
the provider that served it and the route reason.
"""

from __future__ import annotations

from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
)

from appliance.config import TracingSettings
from appliance.turns import TurnRecord

# (span name, start mark, end mark, route role): the stages, in order.
STAGE_SPANS = (
    ("vad", "speech_started_ns", "vad_stopped_ns", None),
    ("stt", "vad_stopped_ns", "transcript_ns", "stt"),
    ("end_of_turn", "speech_end_ns", "turn_end_ns", None),
    ("llm", "llm_start_ns", "llm_end_ns", "llm"),
    ("tts", "tts_start_ns", "tts_first_audio_ns", "tts"),
)
SPOKEN_ONLY = ("vad", "stt", "end_of_turn")


class TurnTracer:
    """Writes each finished turn as a trace to the configured exporter."""

    def __init__(self, settings: TracingSettings, exporter: SpanExporter | None = None):
        """Create the tracer; `exporter` (e.g. an in-memory one in tests) overrides settings."""
        self.provider = TracerProvider(
            resource=Resource.create({"service.name": settings.service_name}))
        if exporter is not None:
            self.provider.add_span_processor(SimpleSpanProcessor(exporter))
        elif settings.exporter == "console":
            self.provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
        elif settings.exporter == "otlp":
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            self.provider.add_span_processor(
                BatchSpanProcessor(OTLPSpanExporter(endpoint=settings.otlp_endpoint)))
        self._tracer = self.provider.get_tracer("appliance")

    def record_turn(self, session_id: str, kind: str, record: TurnRecord) -> None:
        """A turn listener: one trace per finished turn."""
        if kind != "turn":
            return
        marks = {name: getattr(record, name) for _, start, end, _ in STAGE_SPANS
                 for name in (start, end)}
        marks["bot_started_ns"] = record.bot_started_ns
        marks["bot_stopped_ns"] = record.bot_stopped_ns
        known = [at for at in marks.values() if at is not None]
        if not known:
            return
        offset = record.epoch_offset_ns
        root = self._tracer.start_span("turn", start_time=min(known) + offset, attributes={
            "appliance.turn_id": record.turn_id,
            "appliance.session_id": session_id,
            "appliance.source": record.source,
            "appliance.interrupted": record.interrupted,
            "appliance.resumed": record.resumed,
            **{f"appliance.{stage}_ms": ms for stage, ms in record.timings_ms().items()
               if ms is not None},
        })
        parent = trace.set_span_in_context(root)
        for name, start_mark, end_mark, role in STAGE_SPANS:
            if record.source == "text" and name in SPOKEN_ONLY:
                continue  # a typed turn has no speech to detect or transcribe
            start, end = marks[start_mark], marks[end_mark]
            if start is None or end is None:
                continue
            route = record.route.get(role) if role else None
            attributes = {}
            if isinstance(route, dict):
                attributes = {"appliance.provider": route.get("provider", ""),
                              "appliance.route_kind": route.get("kind", ""),
                              "appliance.route_reason": route.get("reason", "")}
            # A speculative transcript can be ready before VAD reports the pause.
            span = self._tracer.start_span(name, context=parent,
                                           start_time=min(start, end) + offset,
                                           attributes=attributes)
            span.end(end_time=end + offset)
        root.end(end_time=max(known) + offset)

    def shutdown(self) -> None:
        """Flush and stop the exporter."""
        self.provider.shutdown()

"""One trace per turn, a span per stage, at the times the stages really happened."""

import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from appliance.config import TracingSettings
from appliance.ops.tracing import TurnTracer
from tests.ops.turns import MS, finished_turn

pytestmark = pytest.mark.unit


@pytest.fixture
def traced():
    exporter = InMemorySpanExporter()
    return TurnTracer(TracingSettings(), exporter=exporter), exporter


def test_a_spoken_turn_is_one_trace_with_a_span_per_stage(traced):
    tracer, exporter = traced
    record = finished_turn()
    tracer.record_turn("ws-7", "transcript", record)  # not finished yet: nothing
    assert exporter.get_finished_spans() == ()
    tracer.record_turn("ws-7", "turn", record)
    spans = {s.name: s for s in exporter.get_finished_spans()}
    assert sorted(spans) == ["end_of_turn", "llm", "stt", "tts", "turn", "vad"]
    root = spans["turn"]
    assert root.parent is None
    assert root.attributes["appliance.turn_id"] == record.turn_id
    assert root.attributes["appliance.session_id"] == "ws-7"
    assert root.attributes["appliance.voice_to_voice_ms"] == 600.0
    for name in ("vad", "stt", "end_of_turn", "llm", "tts"):
        assert spans[name].parent.span_id == root.context.span_id
        assert spans[name].context.trace_id == root.context.trace_id
    offset = record.epoch_offset_ns
    assert spans["stt"].start_time == 1032 * MS + offset
    assert spans["stt"].end_time == 1200 * MS + offset
    assert (spans["tts"].end_time - spans["tts"].start_time) / MS == 210
    assert spans["llm"].attributes["appliance.provider"] == "local"
    assert "racing remote 'hub'" in spans["llm"].attributes["appliance.route_reason"]


def test_a_typed_turn_has_no_speech_spans(traced):
    tracer, exporter = traced
    tracer.record_turn("playground-1", "turn", finished_turn(source="text"))
    assert sorted(s.name for s in exporter.get_finished_spans()) == ["llm", "tts", "turn"]


def test_no_exporter_configured_means_nothing_is_sent():
    tracer = TurnTracer(TracingSettings(exporter="none"))
    tracer.record_turn("s", "turn", finished_turn())  # must not raise or print
    tracer.shutdown()

"""One trace per turn, a span per stage, at the times the stages really happened."""

import contextlib
import http.server
import threading

import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
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


@contextlib.contextmanager
def otlp_collector():
    """A real OTLP/HTTP receiver on 127.0.0.1: yields its endpoint and what it received."""
    received = []

    class Collector(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802  (the http.server API)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((self.path, self.headers["Content-Type"], body))
            self.send_response(200)
            self.send_header("Content-Type", "application/x-protobuf")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/v1/traces", received
    finally:
        server.shutdown()
        server.server_close()


def test_by_default_a_listening_collector_receives_nothing():
    """Tracing is off unless asked for: a collector at the endpoint hears nothing."""
    with otlp_collector() as (endpoint, received):
        quiet = TurnTracer(TracingSettings(otlp_endpoint=endpoint))
        quiet.record_turn("s", "turn", finished_turn())
        quiet.shutdown()  # would flush anything queued
        assert received == []
        # The same collector hears a tracer told to send: it was listening all along.
        sending = TurnTracer(TracingSettings(exporter="otlp", otlp_endpoint=endpoint))
        sending.record_turn("s", "turn", finished_turn())
        sending.shutdown()
        assert len(received) == 1


def test_otlp_sends_the_turn_to_a_collector_over_http():
    """A real OTLP/HTTP receiver on 127.0.0.1 gets the trace as protobuf."""
    with otlp_collector() as (endpoint, received):
        tracer = TurnTracer(TracingSettings(exporter="otlp", otlp_endpoint=endpoint,
                                            service_name="kiosk-3"))
        tracer.record_turn("ws-1", "turn", finished_turn())
        tracer.shutdown()  # flushes the batch
    assert received, "the collector got nothing"
    path, content_type, body = received[0]
    assert path == "/v1/traces" and content_type == "application/x-protobuf"
    request = ExportTraceServiceRequest.FromString(body)
    resource = request.resource_spans[0]
    service = {a.key: a.value.string_value for a in resource.resource.attributes}
    assert service["service.name"] == "kiosk-3"
    names = sorted(s.name for scope in resource.scope_spans for s in scope.spans)
    assert names == ["end_of_turn", "llm", "stt", "tts", "turn", "vad"]

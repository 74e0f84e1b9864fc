"""Operations: metrics, traces, the console's live feed and its files."""

from appliance.ops.feed import EventFeed
from appliance.ops.history import TurnSeries
from appliance.ops.logs import captured_logs
from appliance.ops.metrics import ApplianceMetrics
from appliance.ops.tracing import TurnTracer

__all__ = ["ApplianceMetrics", "EventFeed", "TurnSeries", "TurnTracer", "captured_logs"]

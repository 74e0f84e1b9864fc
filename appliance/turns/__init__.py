"""Turn taking: voice activity, end of turn, and the timeline of each turn."""

from appliance.turns.detection import make_turn_strategies, make_vad_analyzer
from appliance.turns.timeline import TurnRecord, TurnTimelineObserver

__all__ = ["TurnRecord", "TurnTimelineObserver", "make_turn_strategies", "make_vad_analyzer"]

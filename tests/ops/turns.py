"""A finished turn as the timeline records it, for the unit tests of what listens to turns."""

from appliance.turns import TurnRecord

MS = 1_000_000


def finished_turn(*, failed_hub: bool = False, cost: float = 0.0, reply: str = "Paris.",
                  source: str = "voice") -> TurnRecord:
    """A spoken turn: speech ends at 1 s, the reply starts 600 ms later."""
    attempts = [{"provider": "local", "outcome": "ok", "ms": 80.0, "kind": None}]
    if failed_hub:
        attempts.insert(0, {"provider": "hub", "outcome": "failed", "ms": None,
                            "kind": "timeout"})
    return TurnRecord(
        transcript="What is the capital of France?", reply=reply, source=source,
        speech_started_ns=0, speech_end_ns=1000 * MS, vad_stopped_ns=1032 * MS,
        transcript_ns=1200 * MS, turn_end_ns=1210 * MS, llm_start_ns=1212 * MS,
        llm_first_token_ns=1300 * MS, llm_end_ns=1500 * MS, tts_start_ns=1380 * MS,
        tts_first_audio_ns=1590 * MS, bot_started_ns=1600 * MS, bot_stopped_ns=2900 * MS,
        epoch_offset_ns=1_700_000_000_000 * MS,
        route={
            "stt": {"provider": "local", "reason": "stay local on 'local'", "kind": "local",
                    "ms": 168.0,
                    "attempts": [{"provider": "local", "outcome": "ok", "ms": 168.0,
                                  "kind": None}], "cost_usd": 0.0},
            "llm": {"provider": "local" if not cost else "cloud",
                    "reason": ("local 'local' unavailable; failing over to remote 'cloud'"
                               if cost else "stay local on 'local'; racing remote 'hub'"),
                    "kind": "failover" if cost else "hedged", "ms": 88.0, "attempts": attempts,
                    "cost_usd": cost},
            "tts": {"provider": "local", "reason": "stay local on 'local'", "kind": "local",
                    "ms": 210.0,
                    "attempts": [], "cost_usd": 0.0},
        })

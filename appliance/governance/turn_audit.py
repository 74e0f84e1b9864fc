"""Files every finished turn and every pipeline error in the audit trail, masked."""

from __future__ import annotations

from collections.abc import Callable

from loguru import logger
from pipecat.frames.frames import ErrorFrame
from pipecat.observers.base_observer import BaseObserver, FramePushed

from appliance.governance.audit import AuditChainError, AuditTrail
from appliance.turns.timeline import TurnRecord


class TurnAuditor:
    """One conversation's recorder: `await auditor(turn)` appends the turn, masked."""

    def __init__(self, trail: AuditTrail, mask_exchange: Callable[[str, str], tuple[str, str]],
                 session_id: str):
        """Record into `trail`, each transcript and its reply masked by `mask_exchange` first."""
        self.trail = trail
        self.mask_exchange = mask_exchange
        self.session_id = session_id

    async def __call__(self, turn: TurnRecord) -> None:
        """Append one finished turn; a failed write is logged, never raised into the pipeline."""
        data = {
            "timings_ms": turn.timings_ms(),
            "route": turn.route,
            "interrupted": turn.interrupted,
            "resumed": turn.resumed,
            "cost_usd": round(sum(r.get("cost_usd") or 0.0 for r in turn.route.values()
                                  if isinstance(r, dict)), 6),
        }
        if turn.stt_confidence is not None:
            data["stt"] = {"avg_logprob": turn.stt_confidence.avg_logprob,
                           "no_speech_prob": turn.stt_confidence.no_speech_prob}
        # The reply's names are masked when the user said them, not when it names the famous.
        transcript, reply = self.mask_exchange(turn.transcript, turn.reply)
        sensitive = {"transcript": transcript, "reply": reply}
        try:
            await self.trail.append_async("turn", data, sensitive=sensitive,
                                          session_id=self.session_id, turn_id=turn.turn_id)
        except AuditChainError as e:  # the chain no longer matches its head: nothing is written
            logger.critical(f"audit trail: turn {turn.turn_id} NOT RECORDED, writing stopped "
                            f"({e})")
        except Exception as e:  # the conversation goes on; the operator must hear of it
            logger.error(f"audit trail: turn {turn.turn_id} not recorded ({e})")


class ErrorAuditor(BaseObserver):
    """Files every pipeline error (once, masked) in the audit trail."""

    def __init__(self, trail: AuditTrail, mask: Callable[[str], str], session_id: str,
                 current_turn_id: Callable[[], str | None] = lambda: None):
        """Record into `trail`; `current_turn_id` ties an error to the turn it broke."""
        super().__init__()
        self.trail = trail
        self.mask = mask
        self.session_id = session_id
        self.current_turn_id = current_turn_id

    async def on_push_frame(self, data: FramePushed) -> None:
        """Append ErrorFrames the first time they are pushed."""
        frame = data.frame
        if not isinstance(frame, ErrorFrame) or not data.first_push:
            return
        record = {"error": self.mask(str(frame.error)), "fatal": bool(frame.fatal),
                  "source": type(data.source).__name__}
        try:
            await self.trail.append_async("error", record, session_id=self.session_id,
                                          turn_id=self.current_turn_id())
        except AuditChainError as e:
            logger.critical(f"audit trail: an error was NOT RECORDED, writing stopped ({e})")
        except Exception as e:
            logger.error(f"audit trail: an error was not recorded ({e})")

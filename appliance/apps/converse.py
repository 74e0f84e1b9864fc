"""Talking to the appliance with a recording: the `converse` command and the benchmark's core.

The recording goes through the very pipeline the kiosk uses, fed at wall-clock
pace and followed by room silence, and the reply is 'played' into a buffer.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import numpy as np
from pipecat.frames.frames import LLMMessagesAppendFrame
from pipecat.workers.runner import WorkerRunner

from appliance.audio.file_transport import FileTransport, PlaybackLog
from appliance.pipeline import Engines, build_conversation
from appliance.turns import TurnRecord

POLL_S = 0.05
# After the last reply (or the recording, if nothing was answered) this much
# quiet means the conversation is over.
QUIET_AFTER_S = 1.5
# No single answer may take longer than this to finish playing.
ANSWER_LIMIT_S = 60.0
# A typed turn still runs the voice pipeline, with this much room silence as input.
TYPED_SILENCE_SAMPLES = 3200


@dataclass
class ConverseResult:
    """Everything one recording produced."""

    turns: list[TurnRecord]
    playback: PlaybackLog
    input_seconds: float
    wall_seconds: float
    unfinished: TurnRecord | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def transcript(self) -> str:
        """What the user said, over all turns."""
        return " ".join(t.transcript for t in self.turns if t.transcript).strip()

    @property
    def reply(self) -> str:
        """What the appliance said back, over all turns."""
        return " ".join(t.reply.strip() for t in self.turns if t.reply).strip()

    def to_json(self) -> dict:
        """The `converse --json` document."""
        first = next((t for t in self.turns if t.reply), None)
        keys = ("eot", "stt", "llm_ttft", "tts_ttfb", "voice_to_voice")
        return {
            "turn_id": first.turn_id if first else None,
            "transcript": self.transcript,
            "reply": self.reply,
            "timings_ms": first.timings_ms() if first else dict.fromkeys(keys),
            "offsets_ms": first.offsets_ms() if first else {},
            "route": first.route if first else {},
            "turns": [
                {
                    "turn_id": t.turn_id,
                    "transcript": t.transcript,
                    "reply": t.reply.strip(),
                    "interrupted": t.interrupted,
                    "timings_ms": t.timings_ms(),
                    "route": t.route,
                    "stt_avg_logprob": t.stt_confidence.avg_logprob if t.stt_confidence else None,
                }
                for t in self.turns
            ],
            "input_seconds": round(self.input_seconds, 2),
            "reply_audio_seconds": round(self.playback.duration_s, 2),
            "wall_seconds": round(self.wall_seconds, 2),
            "notes": self.notes,
        }


async def converse_samples(engines: Engines, samples: np.ndarray, *,
                           build=build_conversation,
                           until_reply_starts: bool = False,
                           last_reply: bool = False,
                           typed: str | None = None) -> ConverseResult:
    """Speak `samples` (16 kHz mono int16) to a fresh conversation and collect the answer.

    Args:
        engines: The loaded providers.
        samples: The recording.
        build: Wires the pipeline around the transport (the benchmark swaps in pipecat's
            stock pipeline here).
        until_reply_starts: Stop once the first reply is written and starts playing,
            instead of waiting for it to finish: the benchmark measures up to the first
            reply sample, so waiting out every spoken answer would only triple its time.
        last_reply: With `until_reply_starts`, wait for the reply to what was said last
            (heard once all the recording is in), not the first: a request the user
            went on with after a pause is answered whole only then.
        typed: A typed message, answered as if it had been said (the console's playground).
    """
    settings = engines.settings
    transport = FileTransport(output_sample_rate_hz=settings.audio.output_sample_rate_hz)
    conversation = build(engines, transport)
    transport.input().enqueue(samples)
    input_seconds = len(samples) / 16000
    # Long enough for the slowest end-of-turn decision to fire on a finished utterance.
    settle_s = settings.turns.fallback_timeout_s + settings.turns.vad_stop_s + QUIET_AFTER_S
    runner = WorkerRunner(handle_sigint=False, check_dangling_tasks=False)
    await runner.add_workers(conversation.worker)
    started = time.monotonic()
    run = asyncio.ensure_future(runner.run())
    if typed:
        await conversation.worker.queue_frame(LLMMessagesAppendFrame(
            messages=[{"role": "user", "content": typed}], run_llm=True))
    timeline = conversation.timeline
    notes: list[str] = []
    try:
        if until_reply_starts:
            await _wait_until_reply_starts(timeline, started, input_seconds + settle_s, notes, run,
                                           not_before_s=input_seconds if last_reply else 0.0)
        else:
            await _wait_until_settled(transport, timeline, started, settle_s, input_seconds,
                                      notes, run)
    finally:
        await conversation.worker.cancel()
        await run
    if until_reply_starts:
        timeline.count_playing_turn()
    current = timeline.current
    unfinished = current if current and current.transcript else None
    if unfinished:
        notes.append("a turn was heard but not answered before the end")
    return ConverseResult(
        turns=list(timeline.turns),
        playback=transport.output().log,
        input_seconds=input_seconds,
        wall_seconds=time.monotonic() - started,
        unfinished=unfinished,
        notes=notes,
    )


async def _wait_until_reply_starts(timeline, started: float, limit_s: float,
                                   notes: list[str], run: asyncio.Future, *,
                                   not_before_s: float = 0.0) -> None:
    """Return once a reply is fully written and its first sample has played.

    With `not_before_s`, the reply to the turn in progress once that much of the
    recording has been heard (the latest), else the first turn's.
    """
    while not run.done():
        await asyncio.sleep(POLL_S)
        if not_before_s:
            if time.monotonic() - started < not_before_s:
                continue
            turn = timeline.current or (timeline.turns[-1] if timeline.turns else None)
        else:
            turn = timeline.turns[0] if timeline.turns else timeline.current
        if turn is not None and turn.bot_started_ns and (turn.llm_end_ns or turn.interrupted):
            return
        if turn is not None and _answered_empty(turn):
            return
        if time.monotonic() - started > limit_s + ANSWER_LIMIT_S:
            notes.append("stopped waiting: no reply started within the time limit")
            return


async def converse_text(engines: Engines, text: str, *,
                        build=build_conversation) -> ConverseResult:
    """Type `text` to a fresh conversation: the same pipeline from the LLM on, spoken reply."""
    return await converse_samples(engines, np.zeros(TYPED_SILENCE_SAMPLES, dtype=np.int16),
                                  build=build, typed=text)


def _answered_empty(turn: TurnRecord) -> bool:
    """The model finished without a word: there is nothing to play, so nothing to wait for."""
    return turn.llm_end_ns is not None and not turn.reply.strip()


async def _wait_until_settled(
    transport: FileTransport,
    timeline,
    started: float,
    settle_s: float,
    input_seconds: float,
    notes: list[str],
    run: asyncio.Future,
) -> None:
    """Return once the recording is fed, every heard turn is answered, and the room is quiet."""
    last_activity = started
    turns_seen = 0
    playback = transport.output().log
    while not run.done():
        await asyncio.sleep(POLL_S)
        now = time.monotonic()
        current = timeline.current
        busy = (
            not transport.input().utterance_fed.is_set()
            or (playback.last_write_at is not None and now - playback.last_write_at < 0.25)
            or (current is not None and bool(current.transcript) and not _answered_empty(current))
            or (current is not None and current.speech_started_ns and not current.vad_stopped_ns)
            or len(timeline.turns) != turns_seen
        )
        turns_seen = len(timeline.turns)
        if busy:
            last_activity = now
        quiet_needed = QUIET_AFTER_S if timeline.turns else settle_s
        if now - last_activity >= quiet_needed:
            return
        if now - started > input_seconds + settle_s + ANSWER_LIMIT_S:
            notes.append("stopped waiting: the answer took longer than the time limit")
            return

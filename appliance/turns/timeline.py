"""Per-turn timings, read off the frames as they pass: what a user waits for, stage by stage."""

from __future__ import annotations

import inspect
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from loguru import logger
from pipecat.frames.frames import (
    BotStartedSpeakingFrame,
    BotStoppedSpeakingFrame,
    InterruptionFrame,
    LLMFullResponseEndFrame,
    LLMFullResponseStartFrame,
    LLMMessagesAppendFrame,
    LLMTextFrame,
    TranscriptionFrame,
    TTSAudioRawFrame,
    TTSStartedFrame,
    UserStoppedSpeakingFrame,
    VADUserStartedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.observers.base_observer import BaseObserver, FramePushed

from appliance.stt.interface import Transcript
from appliance.turns.resumed import ResumedTranscriptionFrame

_NS_PER_MS = 1_000_000


@dataclass
class TurnRecord:
    """One user turn and the appliance's answer, with clock times in nanoseconds."""

    # What the audit trail files the turn under (`appliance audit show TURN_ID`).
    turn_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    transcript: str = ""
    reply: str = ""
    stt_confidence: Transcript | None = None
    interrupted: bool = False
    # The user went on after an earlier turn was taken at a pause: this is the whole request,
    # heard again (see `turns.resumed`).
    resumed: bool = False
    speech_started_ns: int | None = None
    speech_end_ns: int | None = None
    vad_stopped_ns: int | None = None
    transcript_ns: int | None = None
    turn_end_ns: int | None = None
    llm_start_ns: int | None = None
    llm_first_token_ns: int | None = None
    llm_end_ns: int | None = None
    tts_start_ns: int | None = None
    tts_first_audio_ns: int | None = None
    bot_started_ns: int | None = None
    bot_stopped_ns: int | None = None
    route: dict = field(default_factory=dict)
    # Add to the clock times above to get Unix time in ns (for traces and the console).
    epoch_offset_ns: int = 0
    # "voice", or "text" for a typed turn (the console's playground).
    source: str = "voice"

    def timings_ms(self) -> dict[str, float | None]:
        """Stage latencies in milliseconds; None where a stage did not happen.

        eot: end of speech to the turn being declared over (Smart Turn, and the
        transcript it waits for). stt: segment end to transcript. llm_ttft:
        context sent to first token. tts_ttfb: first sentence to first audio.
        voice_to_voice: end of speech to the first reply sample played.
        """

        def span(start: int | None, end: int | None) -> float | None:
            if start is None or end is None:
                return None
            return round((end - start) / _NS_PER_MS, 1)

        return {
            "eot": span(self.speech_end_ns, self.turn_end_ns),
            "stt": span(self.vad_stopped_ns, self.transcript_ns),
            "llm_ttft": span(self.llm_start_ns, self.llm_first_token_ns),
            "tts_ttfb": span(self.tts_start_ns, self.tts_first_audio_ns),
            "voice_to_voice": span(self.speech_end_ns, self.bot_started_ns),
        }


    def offsets_ms(self) -> dict[str, float | None]:
        """When each event happened, in ms after the end of speech: the waterfall's bars."""
        marks = {
            "vad_stopped": self.vad_stopped_ns,
            "transcript": self.transcript_ns,
            "turn_end": self.turn_end_ns,
            "llm_first_token": self.llm_first_token_ns,
            "tts_start": self.tts_start_ns,
            "tts_first_audio": self.tts_first_audio_ns,
            "bot_started": self.bot_started_ns,
        }
        if self.speech_end_ns is None:
            return dict.fromkeys(marks)
        return {name: None if at is None else round((at - self.speech_end_ns) / _NS_PER_MS, 1)
                for name, at in marks.items()}


# Called with ("transcript", turn) when the user's words are known, ("reply", turn)
# when the reply is written (it may still be playing), and ("turn", turn) when the
# reply has finished playing or was interrupted.
TurnEventCallback = Callable[[str, TurnRecord], Awaitable[None] | None]


class TurnTimelineObserver(BaseObserver):
    """Builds a `TurnRecord` per user turn and reports it when the reply ends.

    Frames are broadcast both ways and pass through many processors; only the
    first sighting of each event in a turn counts, so every time is the moment
    the event happened, not when a later processor saw it.
    """

    def __init__(self, on_event: TurnEventCallback | None = None, *, route_log=None,
                 recorders: list[Callable[[TurnRecord], Awaitable[None]]] | None = None,
                 listeners: list[TurnEventCallback] | None = None):
        """Create the observer.

        Args:
            on_event: Called on "transcript" and "turn" events.
            route_log: The conversation's routing record (anything with
                `take() -> dict`); its LLM and TTS entries join the finished turn.
            recorders: Awaited with every finished turn (the audit trail), whoever
                else listens to `on_event`.
            listeners: Called like `on_event` (metrics, traces, the console's feed).
        """
        super().__init__()
        self.on_event = on_event
        self.recorders = list(recorders or [])
        self.listeners = list(listeners or [])
        # Unix ns minus clock ns; the smallest difference seen is the least delayed one.
        self._epoch_offset_ns: int | None = None
        self._route_log = route_log
        self._current: TurnRecord | None = None
        self.turns: list[TurnRecord] = []
        self._seen: set[int] = set()
        self._last_speech_start_ns: int | None = None

    @property
    def current(self) -> TurnRecord | None:
        """The turn in progress, if any."""
        return self._current

    def count_playing_turn(self) -> None:
        """A run stopped while a reply plays: that turn is answered, so count it as done."""
        if self._current is not None and self._current.bot_started_ns:
            self.turns.append(self._current)
            self._current = None

    async def _emit(self, kind: str, record: TurnRecord) -> None:
        for listener in [self.on_event, *self.listeners]:
            if listener is None:
                continue
            try:
                result = listener(kind, record)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                # pipecat ends an observer whose handler raises: one broken listener
                # would silently stop the audit trail for the rest of the conversation.
                logger.exception(f"turn listener {listener!r} failed on a {kind} event")

    async def _finish(self, record: TurnRecord) -> None:
        if self._route_log is not None:
            record.route.update(self._route_log.take())
        self.turns.append(record)
        for recorder in self.recorders:
            await recorder(record)
        await self._emit("turn", record)

    def _turn(self) -> TurnRecord:
        if self._current is None:
            self._current = TurnRecord(epoch_offset_ns=self._epoch_offset_ns or 0)
        return self._current

    async def on_push_frame(self, data: FramePushed):
        """Record the first sighting of each turn event."""
        frame, at = data.frame, data.timestamp
        if frame.id in self._seen:
            return
        self._seen.add(frame.id)
        if len(self._seen) > 10_000:
            self._seen = {frame.id}
        offset = time.time_ns() - at
        if self._epoch_offset_ns is None or offset < self._epoch_offset_ns:
            self._epoch_offset_ns = offset
        await self._record(frame, at)

    async def _record(self, frame, at: int) -> None:
        if isinstance(frame, LLMMessagesAppendFrame) and frame.run_llm and self._current is None:
            await self._typed_turn(frame, at)
        elif isinstance(frame, VADUserStartedSpeakingFrame):
            self._last_speech_start_ns = at
            turn = self._turn()
            if turn.speech_started_ns is None:
                turn.speech_started_ns = at
        elif isinstance(frame, VADUserStoppedSpeakingFrame) and self._current:
            self._current.vad_stopped_ns = at
            self._current.speech_end_ns = at - int(frame.stop_secs * 1e9)
        elif isinstance(frame, TranscriptionFrame):
            turn = self._turn()
            turn.transcript = f"{turn.transcript} {frame.text}".strip()
            turn.resumed = turn.resumed or isinstance(frame, ResumedTranscriptionFrame)
            turn.transcript_ns = at
            if isinstance(frame.result, Transcript):
                turn.stt_confidence = frame.result
                if frame.result.route:
                    turn.route["stt"] = frame.result.route
            await self._emit("transcript", turn)
        elif isinstance(frame, UserStoppedSpeakingFrame) and self._current:
            self._current.turn_end_ns = at
        elif self._current is not None and self._current.turn_end_ns is not None:
            # Reply frames count only once the user's turn has ended: after a
            # barge-in the interrupted reply's last frames still drift past.
            await self._record_reply(self._current, frame, at)

    async def _typed_turn(self, frame: LLMMessagesAppendFrame, at: int) -> None:
        """A typed message: a turn whose words are known and whose "speech" ends now."""
        said = [m.get("content") for m in frame.messages
                if isinstance(m, dict) and m.get("role") == "user"]
        turn = self._turn()
        turn.source = "text"
        turn.transcript = " ".join(t for t in said if isinstance(t, str)).strip()
        turn.speech_started_ns = turn.speech_end_ns = turn.turn_end_ns = at
        turn.transcript_ns = at
        await self._emit("transcript", turn)

    async def _record_reply(self, turn: TurnRecord, frame, at: int) -> None:
        if isinstance(frame, LLMFullResponseStartFrame):
            turn.llm_start_ns = turn.llm_start_ns or at
        elif isinstance(frame, LLMTextFrame):
            turn.llm_first_token_ns = turn.llm_first_token_ns or at
            turn.reply += frame.text
        elif isinstance(frame, LLMFullResponseEndFrame):
            turn.llm_end_ns = at
            await self._emit("reply", turn)
            if not any(ch.isalnum() for ch in turn.reply):
                # Nothing to say ("stop", "never mind", no answer, or only punctuation):
                # no voice will start or stop, so the turn ends here, not in the next one.
                self._current = None
                await self._finish(turn)
        elif isinstance(frame, TTSStartedFrame):
            turn.tts_start_ns = turn.tts_start_ns or at
        elif isinstance(frame, TTSAudioRawFrame):
            turn.tts_first_audio_ns = turn.tts_first_audio_ns or at
        elif isinstance(frame, BotStartedSpeakingFrame):
            turn.bot_started_ns = turn.bot_started_ns or at
        elif isinstance(frame, InterruptionFrame) and turn.llm_start_ns is not None:
            turn.interrupted = True
            # The speech that interrupted is the start of the next turn.
            self._current = TurnRecord(speech_started_ns=self._last_speech_start_ns,
                                       epoch_offset_ns=self._epoch_offset_ns or 0)
            await self._finish(turn)
        elif isinstance(frame, BotStoppedSpeakingFrame) and turn.llm_end_ns is not None:
            turn.bot_stopped_ns = at
            self._current = None
            await self._finish(turn)

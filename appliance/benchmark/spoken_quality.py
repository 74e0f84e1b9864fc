"""`bench --quality`: spoken questions and conversations through `appliance serve`, scored.

Each question is synthesized (voices and speeds in rotation, a third with room
noise), spoken to the service's WebSocket at real-time pace like a person, and
its reply scored against the accepted answers. Latency is taken twice: the
service's own voice-to-voice from its `turn` event, and the client's, from the
end of the last voiced 20 ms frame it sent to the first reply audio it received.
The client's is what the user feels: it includes the socket, the server's
buffering and the event loop's delays that the pipeline's clock cannot see.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import websockets

from appliance.benchmark.conversations import Conversation
from appliance.benchmark.corpus import VOICES, synthesize
from appliance.benchmark.quality import ScoredReply, is_intent_answer, score_reply, summarise
from appliance.benchmark.questions import Question
from appliance.benchmark.sessions import CHUNK, ServiceProcess
from appliance.benchmark.wer import word_errors

# A turn not answered by then (nothing heard, or the service stuck) counts as unanswered.
TURN_TIMEOUT_S = 25.0


@dataclass(frozen=True)
class SpokenTurn:
    """One thing to say: its audio, where the speech in it ends, and what counts as right."""

    text: str
    answers: tuple[str, ...]
    group: str
    is_follow_up: bool
    voice: str
    samples: np.ndarray
    speech_end_s: float


@dataclass
class TurnResult:
    """What one spoken turn got back."""

    text: str
    voice: str
    transcript: str
    reply: str
    client_ms: float | None
    service_ms: float | None
    score: ScoredReply
    cut_offs: int = 0


@dataclass
class SpokenQualityRun:
    """Every turn of a run."""

    singles: list[TurnResult] = field(default_factory=list)
    conversations: list[TurnResult] = field(default_factory=list)
    service_ready_s: float | None = None

    def summary(self) -> dict:
        """Accuracy, follow-ups, degenerates, word error rate and both latencies."""
        turns = self.singles + self.conversations
        errors, words = word_errors([t.text for t in turns], [t.transcript for t in turns])

        def percentiles(values: list[float | None]) -> dict:
            present = [v for v in values if v is not None]
            if not present:
                return {"n": 0}
            return {f"p{q}": round(float(np.percentile(present, q)), 1)
                    for q in (50, 90, 99)} | {"n": len(present)}

        return {
            "single_questions": summarise(t.score for t in self.singles).as_dict(),
            "conversations": summarise(t.score for t in self.conversations).as_dict(),
            "word_error_rate": round(errors / words, 3) if words else None,
            "word_errors": errors, "reference_words": words,
            "voice_to_voice_client_ms": percentiles([t.client_ms for t in turns]),
            "voice_to_voice_service_ms": percentiles([t.service_ms for t in turns]),
            "unanswered": sum(1 for t in turns if not t.reply),
            "false_cutoffs": sum(1 for t in turns if t.cut_offs),
            "service_ready_s": self.service_ready_s,
        }

    def to_json(self) -> dict:
        """Summary plus every turn."""
        def turn(t: TurnResult) -> dict:
            return {k: v for k, v in asdict(t).items() if k != "score"} | {
                "group": t.score.group, "is_follow_up": t.score.is_follow_up,
                "correct": t.score.correct, "is_degenerate": t.score.is_degenerate}

        return {"summary": self.summary(), "singles": [turn(t) for t in self.singles],
                "conversations": [turn(t) for t in self.conversations]}


def speak_questions(voice_onnx: Path, questions: Sequence[Question], *,
                    seed: int = 11) -> list[SpokenTurn]:
    """Each question in the next voice of the rotation; every third with room noise."""
    rng = np.random.default_rng(seed)
    turns = []
    for i, q in enumerate(questions):
        voice = VOICES[i % len(VOICES)]
        samples, end = synthesize(voice_onnx, q.text, voice, noisy=i % 3 == 2, rng=rng)
        turns.append(SpokenTurn(q.text, q.answers, q.category, False, voice, samples, end))
    return turns


def speak_conversation(voice_onnx: Path, conversation: Conversation, voice: str, *,
                       seed: int = 13) -> list[SpokenTurn]:
    """A whole conversation in one voice, as one person would hold it."""
    rng = np.random.default_rng(seed)
    turns = []
    for turn in conversation.turns:
        samples, end = synthesize(voice_onnx, turn.text, voice, rng=rng, lead_s=0.3)
        turns.append(SpokenTurn(turn.text, turn.answers, conversation.name, turn.is_follow_up,
                                voice, samples, end))
    return turns


async def _say_and_listen(ws, turn: SpokenTurn) -> tuple[dict, float | None]:
    """Speak one turn at real-time pace; return the service's turn event and the client's ms.

    The event gains "cut_offs": turns the service ended before the speech did.
    """
    last_voiced = int(np.ceil(turn.speech_end_s * 16000 / CHUNK)) - 1
    speech_ended_at: float | None = None
    first_audio_at: float | None = None
    cut_offs = 0
    stop = asyncio.Event()

    async def speak() -> None:
        nonlocal speech_ended_at
        started = time.monotonic()
        silence = np.zeros(CHUNK, dtype=np.int16)
        i = 0
        while not stop.is_set():
            chunk = turn.samples[i * CHUNK:(i + 1) * CHUNK]
            await ws.send((chunk if len(chunk) else silence).tobytes())
            if i == last_voiced:
                # The frame's audio ends 20 ms after it is due; it is sent as it starts.
                speech_ended_at = started + (i + 1) * 0.02
            i += 1
            await asyncio.sleep(max(0.0, started + i * 0.02 - time.monotonic()))

    sender = asyncio.create_task(speak())
    try:
        async with asyncio.timeout(TURN_TIMEOUT_S):
            while True:
                message = await ws.recv()
                if isinstance(message, bytes):
                    if (first_audio_at is None and speech_ended_at is not None
                            and time.monotonic() >= speech_ended_at):
                        first_audio_at = time.monotonic()
                    continue
                event = json.loads(message)
                if event.get("type") != "turn":
                    continue
                if speech_ended_at is None or time.monotonic() < speech_ended_at:
                    # Answered before the user finished: a false cut-off. The rest of
                    # the request is still said, and its answer is the one scored.
                    cut_offs += 1
                    continue
                if not event.get("interrupted"):
                    break
    except TimeoutError:
        event = {}
    finally:
        stop.set()
        await sender
    client_ms = (1000 * (first_audio_at - speech_ended_at)
                 if first_audio_at is not None and speech_ended_at is not None else None)
    return event | {"cut_offs": cut_offs}, client_ms


async def _connect(url: str, attempts: int = 20):
    """Open a conversation; the previous one may take a moment to close on the service."""
    for attempt in range(attempts):
        ws = await websockets.connect(url, max_size=None)
        try:
            first = await ws.recv()
        except websockets.ConnectionClosed as e:
            if e.rcvd is None or e.rcvd.code != 1013 or attempt == attempts - 1:
                raise
            await asyncio.sleep(0.25)
            continue
        return _Replayed(ws, first)
    raise RuntimeError("the service kept refusing a new conversation (1013)")


class _Replayed:
    """A connection whose first message was already read: `recv` gives it once more."""

    def __init__(self, ws, first):
        self._ws, self._first = ws, first

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self._ws.close()

    async def recv(self):
        if self._first is not None:
            first, self._first = self._first, None
            return first
        return await self._ws.recv()

    async def send(self, data):
        await self._ws.send(data)


async def _hold(url: str, turns: Sequence[SpokenTurn], on_turn: Callable[[TurnResult], None]
                ) -> None:
    """One conversation over one socket: each turn answered before the next is said."""
    async with await _connect(url) as ws:
        hello = json.loads(await ws.recv())
        if hello.get("type") != "hello":
            raise RuntimeError(f"unexpected first message from the service: {hello}")
        earlier: list[str] = []
        for turn in turns:
            event, client_ms = await _say_and_listen(ws, turn)
            reply = (event.get("reply") or "").strip()
            # The intent stage's fixed sentences may rightly come twice.
            fixed = is_intent_answer((event.get("route") or {}).get("llm") or {})
            score = score_reply(turn.text, reply, turn.answers, turn.group,
                                [] if fixed else earlier, turn.is_follow_up)
            if not fixed:
                earlier.append(reply)
            on_turn(TurnResult(turn.text, turn.voice, event.get("transcript") or "", reply,
                               client_ms, (event.get("timings_ms") or {}).get("voice_to_voice"),
                               score, event.get("cut_offs", 0)))


def run_spoken_quality(singles: Sequence[SpokenTurn], conversations: Sequence[list[SpokenTurn]],
                       *, config: str | None = None, models_dir: str | None = None,
                       progress: Callable[[int, int], None] | None = None) -> SpokenQualityRun:
    """Every single question in its own conversation, then every scripted conversation."""
    run = SpokenQualityRun()
    total = len(singles) + sum(len(c) for c in conversations)

    def counted(into: list[TurnResult]) -> Callable[[TurnResult], None]:
        def on_turn(result: TurnResult) -> None:
            into.append(result)
            if progress:
                progress(len(run.singles) + len(run.conversations), total)
        return on_turn

    with ServiceProcess(1, config, models_dir) as service:
        run.service_ready_s = round(service.ready_s, 2) if service.ready_s else None

        async def main() -> None:
            for turn in singles:
                await _hold(service.url, [turn], counted(run.singles))
            for turns in conversations:
                await _hold(service.url, turns, counted(run.conversations))

        asyncio.run(main())
    return run

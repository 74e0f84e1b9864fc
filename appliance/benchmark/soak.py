"""`bench --soak MINUTES`: spoken conversations through `appliance serve` without a break.

A real service on 127.0.0.1 (its own scratch state and a client token) is held in
conversation for MINUTES: each conversation connects, says a few turns of the
scripted conversations (questions, follow-ups that need the turns before them, a
timer or a device command, and "What time is it?"), each at real-time pace in
20 ms chunks and answered before the next, then disconnects; the next one takes
the next slice. A second client holds a conversation every other stretch, so
about half the time two run at once. The audio is synthesized before the clock
starts. Every ~10 s the service process is sampled; the verdict is judged after
a warm-up (see appliance.benchmark.soak_report): resident memory grows < 5 %,
descriptors do not grow, every turn is answered.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from appliance.benchmark.conversations import CONVERSATIONS, Conversation, Turn
from appliance.benchmark.corpus import VOICES
from appliance.benchmark.quality import is_intent_answer
from appliance.benchmark.sessions import CHUNK, ServiceProcess
from appliance.benchmark.soak_report import format_soak, sample_process, soak_plot, summarise
from appliance.benchmark.spoken_quality import SpokenTurn, _connect, speak_conversation

# Longer than any reply takes to arrive: a turn not answered by then is unanswered.
TURN_TIMEOUT_S = 60.0
# No transcript this long after the speech ended: the service heard no words in it.
NOT_HEARD_AFTER_S = 10.0
SEGMENT_TURNS = 4  # questions per conversation, before "What time is it?" closes it
LOG_TAIL_LINES = 400
TIME_QUESTION = Turn("What time is it?", (), is_follow_up=False)


class SoakService(ServiceProcess):
    """`appliance serve` with a client token in its scratch state, as a user makes one."""

    def __enter__(self) -> SoakService:
        from appliance.governance.tokens import TokenStore

        # The state folder is the service's own (APPLIANCE_STATE_DIR), so is its tokens.db.
        self.token = TokenStore(Path(self._state.name) / "tokens.db").create("client", "soak")[1]
        super().__enter__()
        # Read the service's log as it comes: a full pipe would block it mid-soak.
        self.log_tail: deque[str] = deque(maxlen=LOG_TAIL_LINES)
        self._drain = threading.Thread(target=self._read_log, name="soak-service-log",
                                       daemon=True)
        self._drain.start()
        return self

    def _read_log(self) -> None:
        for line in self._process.stderr:
            self.log_tail.append(line.rstrip())

    @property
    def pid(self) -> int:
        """The service's process id, to sample it."""
        return self._process.pid

    def check_running(self) -> None:
        """Raise if the service has exited: the soak would be sampling nothing."""
        if self._process.poll() is not None:
            self._drain.join(timeout=5)
            error = "\n".join(list(self.log_tail)[-20:])
            raise RuntimeError(f"appliance serve exited during the soak (code "
                               f"{self._process.returncode}): {error}")

    @property
    def client_url(self) -> str:
        """The conversation endpoint, with the client token."""
        return f"ws://127.0.0.1:{self.port}/ws?token={self.token}"


def conversation_slices(conversations: Sequence[Conversation] = CONVERSATIONS
                        ) -> list[Conversation]:
    """The scripted conversations cut into short ones, each closed by "What time is it?".

    A slice starts at a standalone question, so its follow-ups keep their context.
    """
    slices = []
    for conversation in conversations:
        current: list[Turn] = []
        for turn in conversation.turns:
            if current and not turn.is_follow_up and len(current) >= SEGMENT_TURNS:
                slices.append(Conversation(f"{conversation.name} {len(slices)}",
                                           (*current, TIME_QUESTION)))
                current = []
            current.append(turn)
        if current:
            slices.append(Conversation(f"{conversation.name} {len(slices)}",
                                       (*current, TIME_QUESTION)))
    return slices


def speak_slices(voice_onnx: Path, slices: Sequence[Conversation]) -> list[list[SpokenTurn]]:
    """Each slice in one voice, voices in rotation: all the audio, before the clock starts."""
    return [speak_conversation(voice_onnx, s, VOICES[i % len(VOICES)], seed=100 + i)
            for i, s in enumerate(slices)]


async def _turn(ws, turn: SpokenTurn) -> dict:
    """Say one turn at real-time pace, then silence, until its `turn` event; what came back."""
    last_voiced = int(np.ceil(turn.speech_end_s * 16000 / CHUNK)) - 1
    speech_ended_at: float | None = None
    first_audio_at: float | None = None
    event: dict = {}
    heard: str | None = None  # the service's transcript event, if one came
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
                speech_ended_at = started + (i + 1) * 0.02
            i += 1
            await asyncio.sleep(max(0.0, started + i * 0.02 - time.monotonic()))

    sender = asyncio.create_task(speak())
    try:
        async with asyncio.timeout(TURN_TIMEOUT_S):
            while True:
                try:
                    message = await asyncio.wait_for(ws.recv(), 0.5)
                except TimeoutError:
                    # Heard as nothing at all (no words, e.g. Whisper's ". . . ."): the
                    # service rightly starts no turn; a hearing miss, not an unanswered turn.
                    if heard is None and speech_ended_at is not None and \
                            time.monotonic() > speech_ended_at + NOT_HEARD_AFTER_S:
                        break
                    continue
                ended = speech_ended_at is not None and time.monotonic() >= speech_ended_at
                if isinstance(message, bytes):
                    if first_audio_at is None and ended:
                        first_audio_at = time.monotonic()
                    continue
                candidate = json.loads(message)
                if candidate.get("type") == "transcript":
                    heard = candidate.get("text") or ""
                # A turn ended before the speech did (a false cut-off) is not the answer.
                if candidate.get("type") == "turn" and ended and not candidate.get("interrupted"):
                    event = candidate
                    break
    except TimeoutError:
        pass
    finally:
        stop.set()
        await sender
    reply = (event.get("reply") or "").strip()
    is_command = is_intent_answer((event.get("route") or {}).get("llm") or {})
    return {
        "text": turn.text, "voice": turn.voice, "is_follow_up": turn.is_follow_up,
        "transcript": event.get("transcript") or "", "heard": heard, "reply": reply[:300],
        "is_command": is_command,
        # A command may answer with an empty reply by design; anything else must speak.
        "answered": bool(event) and (bool(reply) or is_command),
        "not_heard": heard is None and not event,
        "client_ms": (round(1000 * (first_audio_at - speech_ended_at), 1)
                      if first_audio_at is not None and speech_ended_at is not None else None),
        "service_ms": (event.get("timings_ms") or {}).get("voice_to_voice"),
    }


async def _client(index: int, url: str, spoken: Sequence[list[SpokenTurn]], deadline: float,
                  on_turn: Callable[[dict], None], on_conversation: Callable[[], None]) -> None:
    """One user: conversation after conversation until the deadline.

    The second user (index 1) rests as long as it talked after each conversation,
    so two conversations overlap about half the time, from the first minute on.
    """
    k = index * len(spoken) // 2  # the second user starts halfway through the slices
    while time.monotonic() < deadline:
        turns = spoken[k % len(spoken)]
        k += 1
        started = time.monotonic()
        async with await _connect(url) as ws:
            hello = json.loads(await ws.recv())
            if hello.get("type") != "hello":
                raise RuntimeError(f"unexpected first message from the service: {hello}")
            for turn in turns:
                if time.monotonic() >= deadline:
                    break
                record = await _turn(ws, turn)
                on_turn(record | {"client": index})
                if not record["answered"] and not record["not_heard"]:
                    break  # a late answer would be taken for the next turn's: start afresh
        on_conversation()
        if index == 1:
            await asyncio.sleep(max(0.0, min(time.monotonic() - started,
                                             deadline - time.monotonic())))


async def _soak(service: SoakService, spoken: Sequence[list[SpokenTurn]], duration_s: float,
                sample_interval_s: float, two_clients: bool, bar) -> dict:
    samples: list[dict] = []
    turns: list[dict] = []
    conversations = 0
    idle = {"before": sample_process(service.pid, 0.0)["fds"]}
    start = time.monotonic()
    deadline = start + duration_s

    def on_turn(record: dict) -> None:
        turns.append(record | {"t_s": round(time.monotonic() - start, 1)})
        answered = sum(t["answered"] for t in turns)
        bar.set_postfix_str(f"turns {answered}/{len(turns)} conversations {conversations}"
                            f" rss {samples[-1]['rss_mb'] if samples else '-'} MB"
                            f" fds {samples[-1]['fds'] if samples else '-'}")

    def on_conversation() -> None:
        nonlocal conversations
        conversations += 1

    async def sampler() -> None:
        while True:
            service.check_running()
            elapsed = time.monotonic() - start
            samples.append(sample_process(service.pid, elapsed))
            bar.update(min(duration_s, elapsed) - bar.n)
            await asyncio.sleep(sample_interval_s)

    sampling = asyncio.create_task(sampler())
    try:
        users = [_client(0, service.client_url, spoken, deadline, on_turn, on_conversation)]
        if two_clients:
            users.append(_client(1, service.client_url, spoken, deadline, on_turn,
                                 on_conversation))
        await asyncio.gather(*users)
    finally:
        sampling.cancel()
        await asyncio.gather(sampling, return_exceptions=True)
    elapsed = time.monotonic() - start
    samples.append(sample_process(service.pid, elapsed))
    bar.update(duration_s - bar.n)
    await asyncio.sleep(2.0)  # the last conversation's socket closes on the service
    idle["after"] = sample_process(service.pid, elapsed)["fds"]
    return {"samples": samples, "turns": turns, "idle_fds": idle,
            "conversations": conversations, "duration_s": elapsed}


def _machine() -> dict:
    return {"cores": os.cpu_count(), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}


def run_soak(minutes: float, out_dir: Path, *, config: str | None = None,
             models_dir: str | None = None, sample_interval_s: float = 10.0,
             two_clients: bool = True, max_slices: int | None = None) -> dict:
    """Hold the service in conversation for `minutes`; write soak.json and soak.png in `out_dir`.

    Returns the document written: "summary" (with "passed"), "samples", "turns".
    `max_slices` limits the conversations synthesized (a short run needs few).
    """
    from tqdm import tqdm

    from appliance.benchmark.corpus import voice_onnx
    from appliance.config import load_settings

    overrides = {"models": {"dir": models_dir}} if models_dir else {}
    settings = load_settings(config, overrides=overrides)
    slices = conversation_slices()[:max_slices]
    spoken = speak_slices(voice_onnx(settings), tqdm(slices, desc="synthesizing",
                                                      unit="conv", file=sys.stderr))
    duration_s = 60 * minutes
    with SoakService(2 if two_clients else 1, config, models_dir) as service:
        bar = tqdm(total=duration_s, desc="soak", unit="s", file=sys.stderr,
                   bar_format="{l_bar}{bar}| {n:.0f}/{total:.0f} s {postfix}")
        try:
            run = asyncio.run(_soak(service, spoken, duration_s, sample_interval_s,
                                    two_clients, bar))
        finally:
            bar.close()
        ready_s = service.ready_s
        log_tail = list(service.log_tail)
    summary = summarise(run["samples"], run["turns"], duration_s=run["duration_s"],
                        idle_fds=run["idle_fds"], conversations=run["conversations"])
    summary |= {"minutes": minutes, "sample_interval_s": sample_interval_s,
                "two_clients": two_clients, "turn_timeout_s": TURN_TIMEOUT_S,
                "service_ready_s": round(ready_s, 2) if ready_s else None}
    document = {"summary": summary, "samples": run["samples"], "turns": run["turns"],
                "machine": _machine(),
                # The service's last log lines, to see why a turn went unanswered.
                "service_log_tail": log_tail[-100:] if not summary["passed"] else []}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "soak.json").write_text(json.dumps(document, indent=2))
    soak_plot(document, out_dir / "soak.png")
    return document


def main(argv: list[str] | None = None) -> int:
    """`python -m appliance.benchmark.soak --minutes 30`: exit 0 on a pass, 1 on a fail."""
    parser = argparse.ArgumentParser(prog="python -m appliance.benchmark.soak",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0,
                        help="how long to keep conversing (default 30)")
    parser.add_argument("--out-dir", type=Path, default=Path("bench/results"),
                        help="where soak.json and soak.png go (default bench/results)")
    parser.add_argument("--sample-interval", type=float, default=10.0, metavar="S",
                        help="seconds between samples of the service (default 10)")
    parser.add_argument("--one-client", action="store_true",
                        help="never two conversations at once")
    parser.add_argument("--config", help="settings file for the service")
    parser.add_argument("--models-dir", help="models folder for the service")
    args = parser.parse_args(argv)
    if args.minutes <= 0:
        parser.error(f"--minutes must be more than 0, got {args.minutes}")
    try:
        document = run_soak(args.minutes, args.out_dir, config=args.config,
                            models_dir=args.models_dir, sample_interval_s=args.sample_interval,
                            two_clients=not args.one_client)
    except RuntimeError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(format_soak(document["summary"]))
    print(f"written: {args.out_dir / 'soak.json'}, plot: {args.out_dir / 'soak.png'}")
    return 0 if document["summary"]["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())

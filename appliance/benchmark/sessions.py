"""`bench --sessions N`: 1..N simultaneous conversations through `appliance serve`'s WebSocket.

The service runs as its own process, exactly as users run it, and each simulated
user is a WebSocket client that speaks corpus utterances at real-time pace (20 ms
chunks on a wall-clock schedule), waits for the reply, and speaks the next one.
Latency is the service's own voice-to-voice for each turn (the same measure as
the single-conversation benchmark), taken from its `turn` events.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import numpy as np
import websockets

from appliance.benchmark.corpus import Utterance
from appliance.benchmark.ports import free_port

CHUNK = 320  # 20 ms at 16 kHz
# A conversation this slow is not answering: stop waiting for it.
TURN_TIMEOUT_S = 60.0
P95_LIMIT_MS = 1500.0


class ServiceProcess:
    """`appliance serve` on a free loopback port, ready before `__enter__` returns."""

    def __init__(self, max_sessions: int, config: str | None, models_dir: str | None):
        self.port = free_port()
        command = [sys.executable, "-m", "appliance.cli", "serve", "--port", str(self.port),
                   "--max-sessions", str(max_sessions)]
        if config:
            command += ["--config", config]
        if models_dir:
            command += ["--models-dir", models_dir]
        self._command = command
        # A one-off token for this run's clients; the service trusts its env token.
        self._token = secrets.token_urlsafe(24)
        self._process: subprocess.Popen | None = None
        self.ready_s: float | None = None
        # Its own state: the benchmark's turns, timers and tokens stay out of the user's.
        self._state = tempfile.TemporaryDirectory(prefix="appliance-bench-state-")
        self.state_dir = Path(self._state.name)  # its audit trail, refunds ledger, tokens

    def __enter__(self) -> ServiceProcess:
        started = time.monotonic()
        self._process = subprocess.Popen(self._command, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE, text=True,
                                         env={**os.environ, "APPLIANCE_API_TOKEN": self._token,
                                              "APPLIANCE_STATE_DIR": self._state.name})
        while True:
            if self._process.poll() is not None:
                raise RuntimeError(f"appliance serve exited: {self._process.stderr.read()[-2000:]}")
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/readyz", timeout=1).status_code == 200:
                    self.ready_s = time.monotonic() - started
                    return self
            except httpx.TransportError:
                pass
            if time.monotonic() - started > 120:
                raise RuntimeError("appliance serve did not become ready within 120 s")
            time.sleep(0.1)

    def __exit__(self, *exc) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._process.kill()
        self._state.cleanup()

    @property
    def url(self) -> str:
        """The conversation endpoint."""
        return f"ws://127.0.0.1:{self.port}/ws?token={self._token}"


async def _speak(ws, samples: np.ndarray, stop: asyncio.Event) -> None:
    """Send `samples` then room silence, each 20 ms chunk on a wall-clock schedule."""
    started = time.monotonic()
    i = 0
    silence = np.zeros(CHUNK, dtype=np.int16)
    while not stop.is_set():
        chunk = samples[i * CHUNK:(i + 1) * CHUNK] if i * CHUNK < len(samples) else silence
        await ws.send(chunk.tobytes())
        i += 1
        await asyncio.sleep(max(0.0, started + i * 0.02 - time.monotonic()))


async def _user(url: str, utterances: list[Utterance], delay_s: float,
                on_turn: Callable[[dict], None]) -> None:
    """One simulated user: a conversation of several questions, each answered before the next."""
    await asyncio.sleep(delay_s)
    async with websockets.connect(url, max_size=None) as ws:
        hello = json.loads(await ws.recv())
        if hello.get("type") != "hello":
            raise RuntimeError(f"unexpected first message from the service: {hello}")
        for utterance in utterances:
            stop = asyncio.Event()
            sender = asyncio.create_task(_speak(ws, utterance.samples, stop))
            try:
                async with asyncio.timeout(TURN_TIMEOUT_S):
                    while True:
                        message = await ws.recv()
                        if isinstance(message, str):
                            event = json.loads(message)
                            if event.get("type") == "turn":
                                on_turn(event)
                                break
            finally:
                stop.set()
                await sender


async def _level(url: str, corpus: list[Utterance], sessions: int, turns_per_user: int,
                 on_turn: Callable[[dict], None]) -> None:
    users = []
    for u in range(sessions):
        picks = [corpus[(u * turns_per_user + k) % len(corpus)] for k in range(turns_per_user)]
        # Users start out of step, as real ones do: not all speaking in the same 20 ms.
        users.append(_user(url, picks, delay_s=0.6 * u, on_turn=on_turn))
    await asyncio.gather(*users)


def _percentile(values: list[float], q: float) -> float | None:
    return round(float(np.percentile(values, q)), 1) if values else None


def run_sessions_benchmark(corpus: list[Utterance], max_sessions: int, *,
                           turns_per_user: int = 3, config: str | None = None,
                           models_dir: str | None = None,
                           progress: Callable[[int, int], None] | None = None) -> dict:
    """Levels 1..`max_sessions`; stops after the first level whose p95 exceeds 1.5 s."""
    levels = []
    total = sum(n * turns_per_user for n in range(1, max_sessions + 1))
    done = 0
    with ServiceProcess(max_sessions, config, models_dir) as service:
        for n in range(1, max_sessions + 1):
            values: list[float | None] = []

            def on_turn(event: dict, values=values) -> None:
                nonlocal done
                values.append((event.get("timings_ms") or {}).get("voice_to_voice"))
                done += 1
                if progress:
                    progress(done, total)

            asyncio.run(_level(service.url, corpus, n, turns_per_user, on_turn))
            unanswered = sum(1 for v in values if v is None)
            values = [v for v in values if v is not None]
            level = {"sessions": n, "turns": len(values) + unanswered,
                     "unanswered": unanswered, "p50_ms": _percentile(values, 50),
                     "p95_ms": _percentile(values, 95), "voice_to_voice_ms": values}
            levels.append(level)
            if level["p95_ms"] is None or level["p95_ms"] > P95_LIMIT_MS:
                break
        ready_s = service.ready_s
    holding = [lv["sessions"] for lv in levels if not lv["unanswered"]
               and lv["p95_ms"] is not None and lv["p95_ms"] <= P95_LIMIT_MS]
    return {"levels": levels, "p95_limit_ms": P95_LIMIT_MS,
            "max_sessions_within_limit": max(holding, default=0),
            "service_ready_s": round(ready_s, 2) if ready_s else None}


def format_sessions(report: dict) -> str:
    """The terminal table for `--sessions`."""
    lines = [f"{'sessions':>8}{'turns':>7}{'p50 ms':>9}{'p95 ms':>9}"]
    for level in report["levels"]:
        p50 = "-" if level["p50_ms"] is None else f"{level['p50_ms']:.0f}"
        p95 = "-" if level["p95_ms"] is None else f"{level['p95_ms']:.0f}"
        lines.append(f"{level['sessions']:>8}{level['turns']:>7}{p50:>9}{p95:>9}")
    lines.append(f"largest number of simultaneous conversations with p95 voice to voice <= "
                 f"{report['p95_limit_ms']:.0f} ms: {report['max_sessions_within_limit']}")
    return "\n".join(lines)

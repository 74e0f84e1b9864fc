"""`appliance serve` as a user runs it: a real process on 127.0.0.1, real WebSocket clients."""

import asyncio
import json
import os
import socket
import subprocess
import sys
import time

import httpx
import numpy as np
import pytest
import websockets

from appliance.benchmark.wer import word_error_rate
from appliance.governance.tokens import TokenStore
from appliance.ops.events import parse_client_event

pytestmark = pytest.mark.models


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    port = free_port()
    # A client token, made as a user would (`appliance tokens create --role client`).
    state = tmp_path_factory.mktemp("state")
    token = TokenStore(state / "tokens.db").create("client", "test")[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "appliance.cli", "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "APPLIANCE_STATE_DIR": str(state)},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    saw_not_ready = False
    while True:
        assert process.poll() is None, process.stderr.read()
        try:
            response = httpx.get(f"{base}/readyz", timeout=1)
            if response.status_code == 200:
                break
            saw_not_ready = saw_not_ready or response.status_code == 503
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "service never became ready"
        time.sleep(0.1)
    yield {"base": base, "ws": f"ws://127.0.0.1:{port}/ws?token={token}", "process": process}
    process.terminate()
    process.wait(timeout=20)


def test_health_answers_and_readiness_reports_loaded_models(service):
    assert httpx.get(f"{service['base']}/healthz").json()["status"] == "ok"
    ready = httpx.get(f"{service['base']}/readyz").json()
    assert ready["ready"] is True and ready["ready_seconds"] > 0


async def ask(url: str, samples: np.ndarray, timeout_s: float = 60) -> dict:
    """Stream a question at real-time pace, then silence, until the turn event arrives."""
    events, audio = [], bytearray()
    async with websockets.connect(url) as ws:
        hello = json.loads(await ws.recv())
        assert hello["type"] == "hello" and hello["input_sample_rate_hz"] == 16000
        parse_client_event(hello)  # every message as its typed envelope says

        async def send_audio():
            chunk = 320  # 20 ms
            padded = np.concatenate([samples, np.zeros(16000 * 8, dtype=np.int16)])
            for i in range(0, len(padded), chunk):
                await ws.send(padded[i : i + chunk].tobytes())
                await asyncio.sleep(0.02)

        sender = asyncio.create_task(send_audio())
        try:
            async with asyncio.timeout(timeout_s):
                while True:
                    message = await ws.recv()
                    if isinstance(message, bytes):
                        audio += message
                        continue
                    event = json.loads(message)
                    parse_client_event(event)
                    events.append(event)
                    if event["type"] == "turn":
                        break
        finally:
            sender.cancel()
    return {"events": events, "audio_bytes": len(audio), "rate": hello["output_sample_rate_hz"]}


async def test_two_clients_at_once_each_get_their_own_answer(service, speak):
    france = speak("What is the capital of France?")
    japan = speak("What is the capital of Japan?")
    first, second = await asyncio.gather(ask(service["ws"], france), ask(service["ws"], japan))
    for result, question, answer in (
        (first, "What is the capital of France?", "paris"),
        (second, "What is the capital of Japan?", "tokyo"),
    ):
        turn = result["events"][-1]
        assert word_error_rate(question, turn["transcript"]) <= 0.2
        assert answer in turn["reply"].lower()
        assert turn["timings_ms"]["voice_to_voice"] > 0
        assert turn["route"]["llm"]["provider"] == "local"
        assert any(e["type"] == "transcript" for e in result["events"])
        assert result["audio_bytes"] / 2 / result["rate"] > 0.5  # real reply audio arrived


async def test_a_timer_set_by_voice_rings_with_audio_and_an_event(service, speak):
    """"Set a timer for three seconds", then, unprompted, the timer's sentence and audio."""
    async with websockets.connect(service["ws"] + "&client=kitchen") as ws:
        hello = json.loads(await ws.recv())
        speech = np.concatenate([speak("Set a timer for three seconds."),
                                 np.zeros(16000 * 12, dtype=np.int16)])

        async def send_audio():
            for i in range(0, len(speech), 320):
                await ws.send(speech[i:i + 320].tobytes())
                await asyncio.sleep(0.02)

        sender = asyncio.create_task(send_audio())
        events, audio_after_ring = [], 0
        try:
            async with asyncio.timeout(30):
                while True:
                    message = await ws.recv()
                    if isinstance(message, bytes):
                        if any(e["type"] == "timer" for e in events):
                            audio_after_ring += len(message)
                            if audio_after_ring / 2 / hello["output_sample_rate_hz"] > 1.0:
                                break
                        continue
                    events.append(json.loads(message))
        finally:
            sender.cancel()
    turn = next(e for e in events if e["type"] == "turn")
    assert turn["reply"] == "OK, a timer for 3 seconds, starting now."
    assert turn["route"]["llm"]["provider"] == "intents"
    assert turn["route"]["llm"]["reason"] == "command: HassStartTimer"
    timer = next(e for e in events if e["type"] == "timer")
    assert timer["event"] == "finished" and timer["text"] == "Your 3 second timer is done."


async def test_an_oversized_message_closes_only_that_connection(service):
    """One 2 MiB frame (the limit is 1 MiB): that client is closed with "message too big",
    the service stays ready for everyone else."""
    async with websockets.connect(service["ws"], max_size=None) as ws:
        assert json.loads(await ws.recv())["type"] == "hello"
        await ws.send(b"\0" * (2 * 1024 * 1024))
        with pytest.raises(websockets.ConnectionClosed) as closed:
            async with asyncio.timeout(10):
                while True:
                    await ws.recv()
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
    async with httpx.AsyncClient() as client:
        assert (await client.get(f"{service['base']}/readyz")).status_code == 200

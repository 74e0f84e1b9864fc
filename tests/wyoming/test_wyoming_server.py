"""The Wyoming server as Home Assistant uses it: its own client library, message for message.

The sequences are those of Home Assistant's Wyoming integration (stt.py, tts.py,
conversation.py): a new connection per request, Transcribe/AudioStart/AudioChunk…/
AudioStop for speech, Synthesize (or the streamed SynthesizeStart…Stop) for the
voice, and a Transcript with a conversation_id for the conversation.
"""

import asyncio
import json

import numpy as np
import pytest
from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.client import AsyncClient
from wyoming.error import Error
from wyoming.handle import Handled
from wyoming.info import Describe, Info
from wyoming.tts import (
    Synthesize,
    SynthesizeChunk,
    SynthesizeStart,
    SynthesizeStop,
    SynthesizeStopped,
)

from appliance.benchmark.wer import word_error_rate
from appliance.wyoming.server import serve_wyoming, until_ready
from tests.remote.servers import free_port
from tests.support.waiting_for import wait_for

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
async def uri(engines):
    uri = f"tcp://127.0.0.1:{free_port()}"
    ready, stop = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(serve_wyoming(engines, uri, ready=ready, stop=stop))
    await until_ready(task, ready)
    yield uri
    stop.set()
    await task


async def _exchange(uri: str, events: list, *, until: set[str]) -> list:
    """One request on its own connection, as Home Assistant makes them."""
    received = []
    async with AsyncClient.from_uri(uri) as client:
        for event in events:
            await client.write_event(event.event())
        async with asyncio.timeout(60):
            while True:
                event = await client.read_event()
                assert event is not None, f"connection closed after {[e.type for e in received]}"
                received.append(event)
                if event.type in until:
                    return received


async def test_describe_announces_speech_to_text_voice_and_conversation(uri):
    [event] = await _exchange(uri, [Describe()], until={"info"})
    info = Info.from_event(event)
    assert info.asr[0].installed and info.asr[0].models[0].languages == ["en"]
    assert info.tts[0].installed and info.tts[0].supports_synthesize_streaming
    assert info.handle[0].installed and info.handle[0].models[0].languages == ["en"]


def _speech_events(samples: np.ndarray, rate: int) -> list:
    pcm = samples.astype(np.int16).tobytes()
    chunk = 2048
    return [Transcribe(language="en"), AudioStart(rate=rate, width=2, channels=1),
            *[AudioChunk(rate=rate, width=2, channels=1, audio=pcm[i:i + chunk])
              for i in range(0, len(pcm), chunk)],
            AudioStop()]


async def test_speech_is_transcribed(uri, speak):
    question = "Who wrote Romeo and Juliet?"
    [event] = await _exchange(uri, _speech_events(speak(question), 16000), until={"transcript"})
    assert word_error_rate(question, Transcript.from_event(event).text) <= 0.4


async def test_speech_at_another_rate_is_resampled(uri, speak):
    import soxr

    question = "What is the capital of Italy?"
    at_22k = soxr.resample(speak(question).astype(np.float32), 16000, 22050).astype(np.int16)
    [event] = await _exchange(uri, _speech_events(at_22k, 22050), until={"transcript"})
    assert "capital" in Transcript.from_event(event).text.lower()


def _audio_seconds(events: list) -> float:
    chunks = [AudioChunk.from_event(e) for e in events if e.type == "audio-chunk"]
    return sum(len(c.audio) for c in chunks) / 2 / chunks[0].rate


async def test_text_is_spoken(uri):
    events = await _exchange(uri, [Synthesize(text="The kitchen timer is done.")],
                             until={"audio-stop"})
    assert events[0].type == "audio-start"
    assert _audio_seconds(events) > 0.8


async def test_streamed_text_is_spoken_once_as_one_stream(uri):
    """Home Assistant repeats the whole text as a Synthesize inside the stream: said once."""
    text = ["The capital of France ", "is Paris. It lies on ", "the Seine."]
    events = await _exchange(uri, [SynthesizeStart(), *[SynthesizeChunk(text=t) for t in text],
                                   Synthesize(text="".join(text)), SynthesizeStop()],
                             until={"synthesize-stopped"})
    kinds = [e.type for e in events]
    assert kinds.count("audio-start") == 1 and kinds.count("audio-stop") == 1
    assert kinds[-1] == SynthesizeStopped().event().type
    once = _audio_seconds(await _exchange(uri, [Synthesize(text="".join(text))],
                                          until={"audio-stop"}))
    assert _audio_seconds(events) == pytest.approx(once, rel=0.35)


async def test_the_conversation_acts_on_commands_and_answers_questions(uri, engines):
    context = {"conversation_id": "01JTEST"}
    [event] = await _exchange(uri, [Transcript(text="Set a timer for ten minutes.",
                                               context=context)], until={"handled"})
    handled = Handled.from_event(event)
    assert handled.text == "OK, a timer for 10 minutes, starting now."
    assert handled.context == context
    # Set in Home Assistant's conversation, it belongs there.
    [timer] = engines.commands.timers.find(place="wyoming:01JTEST")
    engines.commands.timers.cancel(timer)

    def recorded():  # written on a worker thread once the answer has gone out
        return [r for r in engines.audit.records(kind="wyoming")
                if r.sensitive and "ten minutes" in r.sensitive.get("transcript", "")][-1:]

    await wait_for(recorded, 10, "the audit record of the timer request")
    [record] = recorded()
    assert record.data["service"] == "handle" and record.data["route"]["provider"] == "intents"
    [event] = await _exchange(uri, [Transcript(text="What is seven times eight?",
                                               context=context)], until={"handled"})
    assert "56" in Handled.from_event(event).text


async def test_several_clients_at_once(uri):
    questions = ["What is two plus two?", "What time is it?", "What is ten divided by five?"]
    replies = await asyncio.gather(*[
        _exchange(uri, [Transcript(text=q, context={"conversation_id": f"c{i}"})],
                  until={"handled"}) for i, q in enumerate(questions)])
    texts = [Handled.from_event(r[0]).text for r in replies]
    assert "4" in texts[0] and "It's" in texts[1] and "2" in texts[2]


async def _raw(uri: str, data: bytes, then: list | None = None) -> list:
    host, port = uri.removeprefix("tcp://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(data)
    for event in then or []:
        header = {"type": event.type, "data": event.data}
        writer.write((json.dumps(header) + "\n").encode())
    await writer.drain()
    received = []
    async with asyncio.timeout(30):
        while line := await reader.readline():
            header = json.loads(line)
            if header.get("data_length"):
                header["data"] = json.loads(await reader.readexactly(header["data_length"]))
            if header.get("payload_length"):
                await reader.readexactly(header["payload_length"])
            received.append(header)
            if header["type"] == "info" or len(received) >= (len(then or []) + 1):
                break
    writer.close()
    return received


async def test_bad_events_get_an_error_and_the_connection_goes_on(uri):
    received = await _raw(uri, b"this is not json\n", then=[Describe().event()])
    assert received[0]["type"] == "error" and "not a Wyoming event" in received[0]["data"]["text"]
    assert received[1]["type"] == "info"  # still serving
    [error] = await _exchange(uri, [AudioChunk(rate=16000, width=2, channels=1, audio=b"\0\0")],
                              until={"error"})
    assert "before transcribe" in Error.from_event(error).text
    [error] = await _exchange(uri, [Transcribe(), AudioStart(rate=16000, width=4, channels=1)],
                              until={"error"})
    assert "16-bit" in Error.from_event(error).text


async def test_a_truncated_event_does_not_harm_the_server(uri):
    host, port = uri.removeprefix("tcp://").split(":")
    _, writer = await asyncio.open_connection(host, int(port))
    writer.write(b'{"type": "audio-chunk", "payload_length": 1000}\n' + b"\0" * 10)
    await writer.drain()
    writer.close()
    [event] = await _exchange(uri, [Describe()], until={"info"})
    assert event.type == "info"


@pytest.mark.parametrize(("uri", "says"), [
    ("http://127.0.0.1:10700", "use tcp://HOST:PORT"),
    ("tcp://127.0.0.1", "a host and a port are needed"),
])
def test_a_bad_uri_is_refused_before_any_model_loads(uri, says):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "appliance.cli", "wyoming", "--uri", uri],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and says in done.stderr, done.stderr

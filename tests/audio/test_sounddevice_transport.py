"""The sound-card transport: device lookup, clear errors, and a real pipeline on ALSA's null device.

This machine has no sound card. PortAudio reads ALSA's configuration once, when
sounddevice is first imported, so each check runs in a fresh Python process
(`run_child`) whose HOME holds the `.asoundrc` it needs: none (no devices) or
one making a null device the default. The `child_*` functions below run there
and return JSON.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.hw

REPO_ROOT = Path(__file__).resolve().parents[2]
NULL_ASOUNDRC = 'pcm.!default { type plug slave.pcm "nullsink" }\npcm.nullsink { type null }\n'
# Pipecat plays whole chunks (20 ms here) and holds a partial one back until
# more audio or a TTSStoppedFrame comes; 0.5 s at 24 kHz is exactly 25 chunks.
OUTPUT_RATE_HZ = 24000
BYTES_PER_SECOND = OUTPUT_RATE_HZ * 2
HALF_SECOND_BYTES = BYTES_PER_SECOND // 2
# The transport writes 20 ms at a time.
CHUNK_BYTES = BYTES_PER_SECOND // 50

CHILD = """
import asyncio, json, runpy, sys
namespace = runpy.run_path(sys.argv[1])
result = namespace[sys.argv[2]]()
if asyncio.iscoroutine(result):
    result = asyncio.run(result)
print("RESULT " + json.dumps(result))
"""


def run_child(home: Path, function: str) -> dict:
    """Run one `child_*` function of this file in a fresh interpreter with HOME=home."""
    env = {**os.environ, "HOME": str(home)}
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, __file__, function],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    results = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    assert results, proc.stdout[-2000:] + proc.stderr[-2000:]
    return json.loads(results[-1].removeprefix("RESULT "))


@pytest.fixture
def empty_home(tmp_path):
    return tmp_path


@pytest.fixture(scope="module")
def null_device_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("null-device-home")
    (home / ".asoundrc").write_text(NULL_ASOUNDRC)
    return home


@pytest.fixture(scope="module")
def null_device_lookup(null_device_home):
    return run_child(null_device_home, "child_null_device_lookup")


@pytest.fixture(scope="module")
def null_device_pipeline(null_device_home):
    return run_child(null_device_home, "child_null_device_pipeline")


def _quiet_logs():
    from loguru import logger

    logger.remove()
    logger.add(sys.stderr, level="WARNING")


def _error_text(call) -> str | None:
    from appliance.audio.devices import AudioDeviceError

    try:
        call()
    except AudioDeviceError as e:
        return str(e)
    return None


# --- No sound card -------------------------------------------------------------------------


def child_no_card() -> dict:
    from appliance.audio.devices import format_device_table, list_devices, resolve_device
    from appliance.audio.sounddevice_transport import (
        SoundDeviceTransport,
        SoundDeviceTransportParams,
    )

    params = SoundDeviceTransportParams(audio_in_enabled=True, audio_out_enabled=True)
    return {
        "devices": len(list_devices()),
        "table": format_device_table([]),
        "input_error": _error_text(lambda: resolve_device(None, "input")),
        "output_error": _error_text(lambda: resolve_device(None, "output")),
        "transport_error": _error_text(lambda: SoundDeviceTransport(params)),
    }


def test_without_a_sound_card_no_devices_and_a_clear_error(empty_home):
    result = run_child(empty_home, "child_no_card")
    if result["devices"]:
        pytest.skip("this machine has a sound card")
    assert result["table"] == "no audio devices found"
    assert result["input_error"] == (
        "no audio input device found. Connect a microphone, "
        "or list devices with `appliance devices`"
    )
    assert result["output_error"].startswith("no audio output device found. Connect a speaker")
    # The transport checks its devices when built, before any pipeline runs.
    assert result["transport_error"] == result["input_error"]


def child_missing_portaudio() -> dict:
    import ctypes.util

    find_library = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None if "portaudio" in name else find_library(name)
    from appliance.audio.devices import list_devices

    return {"error": _error_text(list_devices)}


def test_missing_portaudio_says_what_to_install(empty_home):
    error = run_child(empty_home, "child_missing_portaudio")["error"]
    assert error is not None
    assert "PortAudio" in error
    assert "apt-get install libportaudio2" in error


# --- ALSA null device ----------------------------------------------------------------------


def child_null_device_lookup() -> dict:
    from dataclasses import asdict

    from appliance.audio.devices import format_device_table, list_devices, resolve_device
    from appliance.audio.sounddevice_transport import (
        SoundDeviceTransport,
        SoundDeviceTransportParams,
    )

    too_many_channels = SoundDeviceTransportParams(
        audio_out_enabled=True, output_device=0, audio_out_channels=500
    )
    devices = list_devices()
    return {
        "devices": [asdict(d) for d in devices],
        "table": format_device_table(devices),
        "default_input": resolve_device(None, "input"),
        "default_output": resolve_device(None, "output"),
        "by_name": resolve_device("DEFAULT", "output"),
        "by_part_of_name": resolve_device("sink", "input"),
        "by_index_text": resolve_device(" 0 ", "input"),
        "by_index": resolve_device(1, "output"),
        "unknown_name": _error_text(lambda: resolve_device("usb mic", "input")),
        "unknown_index": _error_text(lambda: resolve_device(7, "output")),
        "ambiguous": _error_text(lambda: resolve_device("u", "input")),
        "refused_settings": _error_text(lambda: SoundDeviceTransport(too_many_channels)),
    }


def test_null_device_is_listed_and_resolved_by_index_or_name(null_device_lookup):
    result = null_device_lookup
    names = {d["name"]: d for d in result["devices"]}
    assert set(names) == {"default", "nullsink"}
    default = names["default"]
    assert default["is_default_input"] and default["is_default_output"]
    assert default["max_input_channels"] > 0 and default["max_output_channels"] > 0
    assert default["default_sample_rate_hz"] > 0
    index = default["index"]
    assert result["default_input"] == result["default_output"] == result["by_name"] == index
    assert result["by_index"] == 1
    assert result["by_part_of_name"] == result["by_index_text"] == names["nullsink"]["index"]
    assert "default" in result["table"] and "input, output" in result["table"]


def test_unknown_or_ambiguous_device_lists_the_choices(null_device_lookup):
    result = null_device_lookup
    assert result["unknown_name"].startswith(
        "input device 'usb mic' not found; available: 0 'nullsink', 1 'default'."
    )
    assert "audio.input_device" in result["unknown_name"]
    assert result["unknown_index"].startswith("output device 7 not found")
    assert "matches several devices: 0 'nullsink', 1 'default'" in result["ambiguous"]


def test_transport_refuses_settings_the_device_cannot_take(null_device_lookup):
    message = null_device_lookup["refused_settings"]
    assert message.startswith(
        "cannot open audio output device 0 at its default rate with 500 channel(s): "
    )
    assert "audio.output_device" in message and "`appliance devices`" in message


async def child_null_device_pipeline() -> dict:
    """Microphone → counter → speaker → counter on the null device, with a barge-in."""
    _quiet_logs()
    import time

    import numpy as np
    import sounddevice as sd
    from pipecat.frames.frames import (
        EndFrame,
        InputAudioRawFrame,
        InterruptionFrame,
        OutputAudioRawFrame,
    )
    from pipecat.pipeline.pipeline import Pipeline
    from pipecat.pipeline.worker import PipelineParams, PipelineWorker
    from pipecat.processors.frame_processor import FrameProcessor
    from pipecat.workers.runner import WorkerRunner

    from appliance.audio.sounddevice_transport import (
        SoundDeviceTransport,
        SoundDeviceTransportParams,
    )

    loop = asyncio.get_running_loop()
    progress = asyncio.Event()
    aborts = []
    original_write, original_abort = sd.RawOutputStream.write, sd.RawOutputStream.abort

    def paced_write(self, data):
        # The null device takes audio at once; a sound card takes it in real time.
        time.sleep(len(data) / 2 / OUTPUT_RATE_HZ)
        return original_write(self, data)

    def counting_abort(self, *args, **kwargs):
        aborts.append(1)
        loop.call_soon_threadsafe(progress.set)
        return original_abort(self, *args, **kwargs)

    sd.RawOutputStream.write, sd.RawOutputStream.abort = paced_write, counting_abort

    class AudioCounter(FrameProcessor):
        def __init__(self):
            super().__init__()
            self.input_frames = 0
            self.first_input: InputAudioRawFrame | None = None
            self.output_bytes = 0

        async def process_frame(self, frame, direction):
            await super().process_frame(frame, direction)
            if isinstance(frame, InputAudioRawFrame):
                self.input_frames += 1
                self.first_input = self.first_input or frame
            elif isinstance(frame, OutputAudioRawFrame):
                self.output_bytes += len(frame.audio)
            progress.set()
            await self.push_frame(frame, direction)

    async def until(condition):
        async with asyncio.timeout(10):
            while not condition():
                progress.clear()
                await progress.wait()

    transport = SoundDeviceTransport(
        SoundDeviceTransportParams(
            audio_in_enabled=True,
            audio_in_sample_rate=16000,
            audio_out_enabled=True,
            audio_out_sample_rate=OUTPUT_RATE_HZ,
            audio_out_end_silence_secs=0,
        )
    )
    microphone, played = AudioCounter(), AudioCounter()
    pipeline = Pipeline([transport.input(), microphone, transport.output(), played])
    worker = PipelineWorker(
        pipeline,
        params=PipelineParams(audio_in_sample_rate=16000, audio_out_sample_rate=OUTPUT_RATE_HZ),
        idle_timeout_secs=None,
        enable_rtvi=False,
    )
    errors = []

    @worker.event_handler("on_pipeline_error")
    async def on_error(_worker, frame):
        errors.append(frame.error)

    def speech(seconds: float) -> OutputAudioRawFrame:
        samples = np.sin(np.arange(int(OUTPUT_RATE_HZ * seconds)) / 5) * 8000
        audio = samples.astype(np.int16).tobytes()
        return OutputAudioRawFrame(audio=audio, sample_rate=OUTPUT_RATE_HZ, num_channels=1)

    steps = {}

    async def drive():
        await until(lambda: microphone.input_frames >= 25)
        await worker.queue_frame(speech(0.5))
        await until(lambda: played.output_bytes >= HALF_SECOND_BYTES)
        steps["first_reply"] = played.output_bytes
        # A long reply, interrupted 0.2 s in.
        await worker.queue_frame(speech(2.0))
        await until(lambda: played.output_bytes >= steps["first_reply"] + BYTES_PER_SECOND // 5)
        steps["at_barge_in"] = played.output_bytes
        await worker.queue_frame(InterruptionFrame())
        await until(lambda: aborts)
        # Playback goes on after a barge-in.
        await worker.queue_frame(speech(0.5))
        await until(lambda: played.output_bytes >= steps["at_barge_in"] + HALF_SECOND_BYTES)
        await asyncio.sleep(0.2)  # the rest of it, if chunks of the interrupted one played
        steps["after_barge_in"] = played.output_bytes
        # Hushed the moment the VAD hears the user, before any interruption arrives.
        await worker.queue_frame(speech(2.0))
        await until(lambda: played.output_bytes >= steps["after_barge_in"] + CHUNK_BYTES * 10)
        aborts_before, at_hush = len(aborts), played.output_bytes
        transport.output().hush()
        await asyncio.sleep(0.2)
        steps["played_while_hushed"] = played.output_bytes - at_hush
        steps["aborts_on_hush"] = len(aborts) - aborts_before
        await worker.queue_frame(InterruptionFrame())
        await asyncio.sleep(0.1)
        steps["played_after_hushed_interruption"] = played.output_bytes - at_hush
        # A hush no interruption follows only pauses the reply: all of it plays.
        before_reply = played.output_bytes
        await worker.queue_frame(speech(0.5))
        await until(lambda: played.output_bytes >= before_reply + CHUNK_BYTES * 5)
        transport.output().hush()
        await until(lambda: played.output_bytes >= before_reply + HALF_SECOND_BYTES)
        steps["unfollowed_hush_played"] = played.output_bytes - before_reply
        # A hush taken back (an onset that was not speech) plays on at once, not HUSH_S on.
        before_false = played.output_bytes
        await worker.queue_frame(speech(0.5))
        await until(lambda: played.output_bytes >= before_false + CHUNK_BYTES * 5)
        transport.output().hush()
        await asyncio.sleep(0.1)
        at_play_on = played.output_bytes
        transport.output().play_on()
        await asyncio.sleep(0.15)
        steps["played_soon_after_play_on"] = played.output_bytes - at_play_on
        await until(lambda: played.output_bytes >= before_false + HALF_SECOND_BYTES)
        await worker.queue_frame(EndFrame())

    runner = WorkerRunner(handle_sigint=False)
    await runner.add_workers(worker)
    running = asyncio.create_task(runner.run())
    try:
        await drive()
        await asyncio.wait_for(running, timeout=10)
    finally:
        if not running.done():
            await runner.cancel()
            await running

    block = microphone.first_input
    return {
        "input_frames": microphone.input_frames,
        "input_rate": block.sample_rate,
        "input_block_bytes": len(block.audio),
        "input_channels": block.num_channels,
        "first_reply_bytes": steps["first_reply"],
        "played_after_barge_in": (steps["after_barge_in"] - steps["at_barge_in"]
                                  - HALF_SECOND_BYTES),
        "aborts": len(aborts),
        "played_while_hushed": steps["played_while_hushed"],
        "aborts_on_hush": steps["aborts_on_hush"],
        "played_after_hushed_interruption": steps["played_after_hushed_interruption"],
        "unfollowed_hush_played": steps["unfollowed_hush_played"],
        "played_soon_after_play_on": steps["played_soon_after_play_on"],
        "errors": errors,
        "finished": worker.has_finished(),
    }


def test_pipeline_records_and_plays_on_the_null_device(null_device_pipeline):
    result = null_device_pipeline
    assert result["errors"] == []
    assert result["finished"]
    # 20 ms blocks of 16-bit mono at the input rate.
    assert result["input_frames"] >= 25
    assert result["input_rate"] == 16000
    assert result["input_channels"] == 1
    assert result["input_block_bytes"] == 16000 * 20 // 1000 * 2
    # Every chunk of the first reply was accepted by the device.
    assert result["first_reply_bytes"] == HALF_SECOND_BYTES


def test_barge_in_stops_playback_within_40_ms(null_device_pipeline):
    result = null_device_pipeline
    # Of the interrupted 2 s reply, only the 20 ms chunk being written (and at
    # most one the writer had already taken) plays after the InterruptionFrame...
    assert 0 <= result["played_after_barge_in"] <= 2 * CHUNK_BYTES
    # ...and the device's own buffer was discarded (stop() at the end drains instead).
    assert result["aborts"] >= 1


def test_a_hush_silences_the_reply_before_the_interruption_arrives(null_device_pipeline):
    result = null_device_pipeline
    # The VAD's hush discards the device's buffer at once; only the chunk being written
    # (and at most one the writer had taken) plays in the 0.2 s before the interruption,
    assert result["aborts_on_hush"] == 1
    assert result["played_while_hushed"] <= 2 * CHUNK_BYTES
    # and nothing more once the interruption comes.
    assert result["played_after_hushed_interruption"] == result["played_while_hushed"]
    # A hush no interruption follows (a start that interrupted nothing) only pauses: every
    # chunk of that reply is still played.
    assert result["unfollowed_hush_played"] == HALF_SECOND_BYTES


def test_a_hush_taken_back_plays_on_at_once(null_device_pipeline):
    # 0.25 s after the hush, still within HUSH_S: only `play_on` lets these chunks play.
    assert null_device_pipeline["played_soon_after_play_on"] >= 3 * CHUNK_BYTES


async def child_output_open_failure() -> dict:
    """A speaker that refuses to open (as a busy one does) is reported, not raised."""
    _quiet_logs()
    import sounddevice as sd
    from pipecat.pipeline.pipeline import Pipeline
    from pipecat.pipeline.worker import PipelineParams, PipelineWorker, ProcessorUnusablePolicy
    from pipecat.workers.runner import WorkerRunner

    from appliance.audio.devices import AudioDeviceError
    from appliance.audio.sounddevice_transport import (
        SoundDeviceTransport,
        SoundDeviceTransportParams,
    )

    def busy_device(*args, **kwargs):
        raise sd.PortAudioError("Device unavailable", -9985)

    transport = SoundDeviceTransport(
        SoundDeviceTransportParams(audio_out_enabled=True, audio_out_sample_rate=OUTPUT_RATE_HZ)
    )
    # After the constructor's check: the device is taken between check and open.
    sd.RawOutputStream = busy_device
    worker = PipelineWorker(
        Pipeline([transport.input(), transport.output()]),
        params=PipelineParams(audio_out_sample_rate=OUTPUT_RATE_HZ),
        idle_timeout_secs=None,
        enable_rtvi=False,
        processor_unusable_policy=ProcessorUnusablePolicy.CANCEL,
    )
    errors = []

    @worker.event_handler("on_pipeline_error")
    async def on_error(_worker, frame):
        errors.append(frame)

    runner = WorkerRunner(handle_sigint=False)
    await runner.add_workers(worker)
    async with asyncio.timeout(15):
        await runner.run()
    return {
        "is_device_error": [isinstance(e.exception, AudioDeviceError) for e in errors],
        "messages": [str(e.exception) for e in errors],
        "finished": worker.has_finished(),
    }


def test_speaker_that_fails_to_open_reports_an_audio_device_error(null_device_home):
    result = run_child(null_device_home, "child_output_open_failure")
    assert result["finished"]
    assert result["is_device_error"] == [True]
    message = result["messages"][0]
    assert message.startswith(
        f"cannot open the default audio output device at {OUTPUT_RATE_HZ} Hz with 1 channel(s): "
        "Device unavailable"
    )
    assert "audio.output_device" in message

"""The kiosk's loop: open the devices, converse until Ctrl-C, wait out an unplugged device."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Callable

from loguru import logger
from pipecat.workers.runner import WorkerRunner

from appliance.apps.kiosk.wake_check import PhraseScorer, checked_detector
from appliance.apps.kiosk.wake_gate import WakeGate
from appliance.audio.devices import AudioDeviceError, refresh_devices, resolve_device
from appliance.audio.echo_cancel import EchoCancelError, ServerEchoCanceller, server_is_reachable
from appliance.audio.sounddevice_transport import SoundDeviceTransport, SoundDeviceTransportParams
from appliance.audio.volume import SpeakerVolume
from appliance.config import ConfigError, Settings
from appliance.pipeline import Engines, build_conversation, load_engines
from appliance.runtime.reloading import Reloader, SettingsLoader
from appliance.turns import TurnRecord

DEVICE_POLL_S = 2.0  # how often an unplugged device is looked for again
# Told what the kiosk is doing: "listening" (its conversation started), "awake", "asleep",
# "device lost", "device back".
StatusListener = Callable[[str, str], None]


def _print_event(kind: str, record: TurnRecord) -> None:
    if kind == "transcript":
        print(f"you:       {record.transcript}", flush=True)
    elif kind == "turn":
        ms = record.timings_ms()["voice_to_voice"]
        suffix = " (interrupted)" if record.interrupted else ""
        latency = f"  [{ms:.0f} ms]" if ms is not None else ""
        print(f"appliance: {record.reply.strip()}{suffix}{latency}", flush=True)


def make_gate(settings: Settings, on_status: StatusListener,
              scorer: PhraseScorer | None = None) -> WakeGate | None:
    """The wake-word or push-to-talk gate the settings ask for; None when always listening.

    `scorer` (the local Whisper) checks the takes the wake-word model is unsure of; without
    one only sure takes wake it.
    """
    kiosk = settings.kiosk
    if kiosk.wake_word == "off" and not kiosk.push_to_talk:
        return None
    detector = check = None
    if not kiosk.push_to_talk:
        detector, check = checked_detector(kiosk.wake_word, scorer,
                                           unsure_from=kiosk.wake_check_from,
                                           threshold=kiosk.wake_threshold)

    def on_change(reason: str) -> None:
        on_status("asleep" if reason == "asleep" else "awake", reason)

    return WakeGate(detector, listen_s=kiosk.listen_s, follow_up_s=kiosk.follow_up_s,
                    on_change=on_change, check=check)


def local_phrase_scorer(engines: Engines) -> PhraseScorer | None:
    """The loaded local Whisper that can check a wake; None when there is none."""
    return next((engine for engine in engines.local.engines()
                 if callable(getattr(engine, "likelihood", None))), None)


def how_to_wake(settings: Settings, gate: WakeGate | None) -> str:
    """What the user must do before speaking, for the "listening" line."""
    if gate is None:
        return "speak to the appliance"
    if settings.kiosk.push_to_talk:
        return "press Enter, then speak"
    return f"say \"{gate.wake_phrase}\", then speak"


def _print_status(kind: str, detail: str) -> None:
    if kind != "listening":  # the kiosk says how to wake it once, at start
        print(f"[{kind}] {detail}", flush=True)


async def run_kiosk(settings: Settings, load_settings: SettingsLoader | None = None) -> int:
    """Open the devices first (fail fast and clearly), then load models and talk.

    Raises:
        AudioDeviceError: when no usable microphone or speaker is found at start.
        ConfigError: push to talk without a terminal to press a key in.
    """
    devices = resolve_devices(settings)
    if settings.kiosk.push_to_talk and not sys.stdin.isatty():
        raise ConfigError("kiosk.push_to_talk needs a terminal to press Enter in; run the "
                          "kiosk interactively, or use the wake word")
    volume = SpeakerVolume()  # "louder", "volume down": the kiosk's speaker
    engines = load_engines(settings, volume=volume)
    await engines.start()
    Reloader(engines, load_settings or (lambda: settings)).install_sighup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await converse_at_the_kiosk(engines, volume, stop, devices=devices,
                                    on_status=_print_status, on_turn=_print_event)
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        await engines.aclose()
    print("bye", flush=True)
    return 0


async def converse_at_the_kiosk(engines: Engines, volume: SpeakerVolume, stop: asyncio.Event, *,
                                devices: tuple[int, int] | None = None,
                                on_status: StatusListener = _print_status,
                                on_turn=None) -> None:
    """Talk on the microphone and speaker until `stop`; an unplugged device is waited for.

    Used by `appliance kiosk` and by `appliance serve --kiosk` (one process for the
    microphone loop and the HTTP side, so the kiosk's turns reach the same metrics,
    audit trail and console).
    """
    settings = engines.settings
    scorer = local_phrase_scorer(engines) if settings.kiosk.wake_check else None
    gate = make_gate(settings, on_status, scorer)
    if gate is not None and settings.kiosk.push_to_talk:
        _wake_on_enter(gate)
    canceller = echo_canceller(settings)
    print(f"listening: {how_to_wake(settings, gate)}; Ctrl-C to stop", flush=True)
    try:
        while not stop.is_set():
            if devices is None:
                devices = await _wait_for_devices(settings, stop)
                if devices is None:
                    return
                on_status("device back", "microphone and speaker found; listening again")
            try:  # the server drops its canceller with an unplugged device: load it again
                if canceller is not None:
                    await asyncio.to_thread(canceller.ensure)
                lost = await _converse(engines, settings, volume, devices, stop, gate, on_turn,
                                       on_status)
            except EchoCancelError as e:
                lost = str(e)
            if lost is None:
                return
            logger.warning(f"audio device lost: {lost}")
            on_status("device lost", f"{lost}; waiting for it to come back")
            devices = None
    finally:
        if canceller is not None:
            await asyncio.to_thread(canceller.close)


def echo_canceller(settings: Settings) -> ServerEchoCanceller | None:
    """The sound server's echo canceller as `audio.echo_cancellation` asks; None when off.

    Raises:
        EchoCancelError: it is required (true) and cannot be set up.
    """
    wanted = settings.audio.echo_cancellation
    if wanted is False:
        return None
    if wanted == "auto" and not server_is_reachable():
        logger.info("echo cancellation off: no PulseAudio or PipeWire server answers "
                    "(audio.echo_cancellation = \"auto\")")
        return None
    canceller = ServerEchoCanceller(noise_suppression=settings.audio.noise_suppression)
    canceller.ensure()  # a required canceller that cannot load fails the start, clearly
    for kind in ("input", "output"):
        chosen = getattr(settings.audio, f"{kind}_device")
        if chosen is not None and not any(name in str(chosen).lower()
                                          for name in ("pulse", "default", "pipewire")):
            logger.warning(f"echo cancellation works through the sound server: audio."
                           f"{kind}_device = {chosen!r} bypasses it if that is a hardware "
                           "device (leave it unset, or pick the sound server's device)")
    return canceller


async def _converse(engines: Engines, settings: Settings, volume: SpeakerVolume,
                    devices: tuple[int, int], stop: asyncio.Event, gate: WakeGate | None,
                    on_turn, on_status: StatusListener) -> str | None:
    """One conversation on these devices; returns why a device failed, or None at `stop`."""
    input_device, output_device = devices
    try:
        transport = SoundDeviceTransport(SoundDeviceTransportParams(
            input_device=input_device, output_device=output_device,
            audio_in_enabled=True, audio_in_sample_rate=settings.audio.input_sample_rate_hz,
            audio_out_enabled=True, audio_out_sample_rate=settings.audio.output_sample_rate_hz,
            volume=volume))
    except AudioDeviceError as e:
        return str(e)

    async def on_timer(timer, sentence: str) -> None:
        print(f"appliance: {sentence}  [timer]", flush=True)

    # One place: timers set before a restart (or an unplugged device) ring here after it.
    conversation = build_conversation(engines, transport, on_timer=on_timer, place="kiosk",
                                      gate=gate)
    if on_turn is not None:
        conversation.timeline.on_event = on_turn
    failures: list[str] = []

    @conversation.worker.event_handler("on_pipeline_started")
    async def on_started(worker, frame):
        on_status("listening", how_to_wake(settings, gate))

    @conversation.worker.event_handler("on_pipeline_error")
    async def on_error(worker, frame):
        # A microphone or speaker that fails (unplugged, busy) ends this conversation;
        # carrying on deaf or mute would look like a hang.
        if isinstance(frame.exception, AudioDeviceError):
            failures.append(str(frame.exception))
            await worker.cancel()

    async def cancel_at_stop() -> None:
        await stop.wait()
        await conversation.worker.cancel()

    watcher = asyncio.create_task(cancel_at_stop())
    runner = WorkerRunner(handle_sigint=False, check_dangling_tasks=False)
    await runner.add_workers(conversation.worker)
    try:
        await runner.run()
    finally:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
    return failures[0] if failures and not stop.is_set() else None


def resolve_devices(settings: Settings) -> tuple[int, int]:
    """The microphone's and speaker's PortAudio indexes, as the settings name them."""
    return (resolve_device(settings.audio.input_device, "input"),
            resolve_device(settings.audio.output_device, "output"))


async def _wait_for_devices(settings: Settings, stop: asyncio.Event) -> tuple[int, int] | None:
    """Look for the microphone and speaker every few seconds; None if stopped first."""
    while not stop.is_set():
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), DEVICE_POLL_S)
            return None
        try:
            refresh_devices()
            return resolve_devices(settings)
        except AudioDeviceError as e:
            logger.debug(f"still no audio device: {e}")
    return None


def _wake_on_enter(gate: WakeGate) -> None:
    """Push to talk: each Enter in the terminal wakes the kiosk."""
    loop = asyncio.get_running_loop()

    def on_key() -> None:
        if sys.stdin.readline():
            gate.wake("key")
        else:  # end of input: no more keys will come
            loop.remove_reader(sys.stdin.fileno())

    loop.add_reader(sys.stdin.fileno(), on_key)

"""The kiosk: a live conversation on the microphone and speaker until Ctrl-C."""

from __future__ import annotations

from pipecat.workers.runner import WorkerRunner

from appliance.audio.devices import AudioDeviceError, resolve_device
from appliance.audio.sounddevice_transport import SoundDeviceTransport, SoundDeviceTransportParams
from appliance.audio.volume import SpeakerVolume
from appliance.config import Settings
from appliance.pipeline import build_conversation, load_engines
from appliance.reloading import Reloader, SettingsLoader
from appliance.turns import TurnRecord


def _print_event(kind: str, record: TurnRecord) -> None:
    if kind == "transcript":
        print(f"you:       {record.transcript}", flush=True)
    elif kind == "turn":
        ms = record.timings_ms()["voice_to_voice"]
        suffix = " (interrupted)" if record.interrupted else ""
        latency = f"  [{ms:.0f} ms]" if ms is not None else ""
        print(f"appliance: {record.reply.strip()}{suffix}{latency}", flush=True)


async def run_kiosk(settings: Settings, load_settings: SettingsLoader | None = None) -> int:
    """Open the devices first (fail fast and clearly), then load models and talk.

    Raises:
        AudioDeviceError: when no usable microphone or speaker is found.
    """
    input_device = resolve_device(settings.audio.input_device, "input")
    output_device = resolve_device(settings.audio.output_device, "output")
    volume = SpeakerVolume()  # "louder", "volume down": the kiosk's speaker
    engines = load_engines(settings, volume=volume)
    await engines.start()
    transport = SoundDeviceTransport(
        SoundDeviceTransportParams(
            input_device=input_device,
            output_device=output_device,
            audio_in_enabled=True,
            audio_in_sample_rate=settings.audio.input_sample_rate_hz,
            audio_out_enabled=True,
            audio_out_sample_rate=settings.audio.output_sample_rate_hz,
            volume=volume,
        )
    )

    async def on_timer(timer, sentence: str) -> None:
        print(f"appliance: {sentence}  [timer]", flush=True)

    # One place: timers set before a restart ring here after it.
    conversation = build_conversation(engines, transport, on_timer=on_timer, place="kiosk")
    conversation.timeline.on_event = _print_event
    device_failures: list[str] = []

    @conversation.worker.event_handler("on_pipeline_error")
    async def on_error(worker, frame):
        # A microphone or speaker that fails (unplugged, busy) ends the kiosk:
        # carrying on deaf or mute would look like a hang.
        if isinstance(frame.exception, AudioDeviceError):
            device_failures.append(str(frame.exception))
            await worker.cancel()

    Reloader(engines, load_settings or (lambda: settings)).install_sighup()
    print("listening: speak to the appliance, Ctrl-C to stop", flush=True)
    runner = WorkerRunner(handle_sigint=True, check_dangling_tasks=False)
    await runner.add_workers(conversation.worker)
    try:
        await runner.run()
    finally:
        await engines.aclose()
    if device_failures:
        raise AudioDeviceError(device_failures[0])
    print("bye", flush=True)
    return 0

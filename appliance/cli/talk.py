"""`appliance converse`, `kiosk` and `devices`: talking to the appliance from this machine."""

from __future__ import annotations

import argparse
import asyncio
import json
from importlib import resources
from pathlib import Path

from appliance.cli.common import fail, settings_of
from appliance.config import Settings

EXAMPLE_WAV = "what-is-the-capital-of-france.wav"


def register(commands, options: argparse.ArgumentParser) -> None:
    """Add `converse`, `kiosk` and `devices`."""
    converse = commands.add_parser("converse", parents=[options],
                                   help="speak a WAV recording to the appliance")
    converse.add_argument("input", nargs="?", help="WAV file (default: a built-in question)")
    converse.add_argument("--out", default="reply.wav", help="where to write the spoken reply")
    converse.add_argument("--json", action="store_true", help="print one JSON object")
    converse.add_argument("--max-seconds", type=float, default=120.0,
                          help="refuse longer recordings (default 120)")
    converse.set_defaults(func=run_converse)

    kiosk = commands.add_parser("kiosk", parents=[options],
                                help="live conversation on the microphone and speaker")
    add_device_options(kiosk)
    add_wake_options(kiosk)
    kiosk.set_defaults(func=run_kiosk)

    devices = commands.add_parser("devices", parents=[options], help="list audio devices")
    devices.set_defaults(func=run_devices)


def add_device_options(parser: argparse.ArgumentParser, *, prefix: str = "") -> None:
    """--input-device and --output-device (`serve --kiosk` shares them)."""
    parser.add_argument("--input-device", help=f"{prefix}microphone: index or name (see `devices`)")
    parser.add_argument("--output-device", help=f"{prefix}speaker: index or name (see `devices`)")


def add_wake_options(parser: argparse.ArgumentParser) -> None:
    """How the kiosk knows it is spoken to: a wake word, none, or push-to-talk."""
    from appliance.apps.kiosk.wake_word import PHRASES

    wake = parser.add_mutually_exclusive_group()
    wake.add_argument("--wake-word", choices=PHRASES,
                      help="the phrase that wakes the kiosk (default: kiosk.wake_word, okay_nabu)")
    wake.add_argument("--no-wake-word", action="store_true",
                      help="listen to everything said, no wake word")
    wake.add_argument("--push-to-talk", action="store_true",
                      help="press Enter in the terminal to talk, instead of a wake word")


def kiosk_overrides(args: argparse.Namespace) -> dict:
    """The kiosk settings the wake options name."""
    return {"wake_word": "off" if args.no_wake_word else args.wake_word,
            "push_to_talk": True if args.push_to_talk else None}


def example_path() -> Path:
    """The built-in example recording."""
    return Path(str(resources.files("appliance.examples").joinpath(EXAMPLE_WAV)))


def _format_timings(timings: dict) -> str:
    labels = {
        "eot": "end of turn",
        "stt": "speech to text",
        "llm_ttft": "LLM first token",
        "tts_ttfb": "TTS first audio",
        "voice_to_voice": "voice to voice",
    }
    return "  ".join(
        f"{label} {'-' if timings.get(key) is None else f'{timings[key]:.0f} ms'}"
        for key, label in labels.items()
    )


def run_converse(args: argparse.Namespace) -> int:
    """Speak a recording to the appliance and keep its spoken reply."""
    from appliance.apps.converse import converse_samples
    from appliance.audio.wav import AudioInputError, AudioTooLongError, read_wav, write_wav
    from appliance.pipeline import load_engines

    source = Path(args.input) if args.input else example_path()
    if not args.input and not args.json:
        print(f"(no recording given: using the built-in example {EXAMPLE_WAV})")
    try:
        samples = read_wav(source, max_duration_s=args.max_seconds)
    except AudioTooLongError as e:
        return fail(f"{e}, or raise the limit with --max-seconds")
    except AudioInputError as e:
        return fail(str(e))
    engines = load_engines(settings_of(args))

    async def run():
        try:
            await engines.start()
            return await converse_samples(engines, samples)
        finally:
            await engines.aclose()

    result = asyncio.run(run())
    out = Path(args.out)
    if result.playback.audio:
        write_wav(out, bytes(result.playback.audio), result.playback.sample_rate_hz)
    document = result.to_json()
    document["reply_audio"] = str(out) if result.playback.audio else None
    document["models_load_seconds"] = round(engines.load_seconds, 2)
    if args.json:
        print(json.dumps(document, indent=2))
        return 0
    print(f"you said:  {result.transcript or '(nothing recognised)'}")
    print(f"reply:     {result.reply or '(no reply)'}")
    if result.reply:
        print(f"timings:   {_format_timings(document['timings_ms'])}")
        print(f"audio:     {out} ({result.playback.duration_s:.1f} s)")
    for note in result.notes:
        print(f"note:      {note}")
    return 0


def run_devices(args: argparse.Namespace) -> int:
    """List audio devices."""
    from appliance.audio.devices import AudioDeviceError, format_device_table, list_devices

    try:
        devices = list_devices()
    except AudioDeviceError as e:
        return fail(str(e))
    if not devices:
        print("no audio devices found (no sound card, or PortAudio sees none)")
        return 1
    print(format_device_table(devices))
    return 0


def run_kiosk(args: argparse.Namespace) -> int:
    """Talk to the appliance through the microphone and speaker."""
    from appliance.apps.kiosk.run import run_kiosk as kiosk
    from appliance.audio.devices import AudioDeviceError

    def load() -> Settings:
        return settings_of(
            args, audio={"input_device": args.input_device, "output_device": args.output_device},
            kiosk=kiosk_overrides(args))

    try:
        return asyncio.run(kiosk(load(), load))
    except AudioDeviceError as e:
        return fail(str(e))
    except KeyboardInterrupt:
        print("\nbye")
        return 0

"""Finding the microphone and speaker: PortAudio's device list, and a user's choice resolved in it.

sounddevice loads PortAudio when it is first imported and raises OSError if the
library is missing, so every import of it goes through `load_sounddevice()`,
which turns that into an `AudioDeviceError` naming the package to install.
PortAudio errors are translated here too (`device_error`), so the CLI has
one exception to catch and every message says what to change.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Literal

DeviceKind = Literal["input", "output"]

# What a person calls each kind of device, for messages.
_HARDWARE = {"input": "microphone", "output": "speaker"}


class AudioDeviceError(Exception):
    """No usable audio device; the message is for the user and says what to do."""


@dataclass(frozen=True)
class AudioDevice:
    """One PortAudio device, as `appliance devices` lists it."""

    index: int
    name: str
    host_api: str
    max_input_channels: int
    max_output_channels: int
    default_sample_rate_hz: float
    is_default_input: bool
    is_default_output: bool

    def max_channels(self, kind: DeviceKind) -> int:
        """Channels this device offers as an input or an output (0: not that kind)."""
        return self.max_input_channels if kind == "input" else self.max_output_channels

    @property
    def label(self) -> str:
        """Index and name, as messages and the table show them: `1 'default'`."""
        return f"{self.index} {self.name!r}"


def load_sounddevice() -> ModuleType:
    """Import sounddevice, turning a missing PortAudio into an `AudioDeviceError`."""
    try:
        import sounddevice
    except OSError as e:
        raise AudioDeviceError(
            f"the PortAudio audio library cannot be loaded ({e}). "
            "Install it with `apt-get install libportaudio2`"
        ) from e
    return sounddevice


def list_devices() -> list[AudioDevice]:
    """Every audio device PortAudio sees, in its index order (empty without a sound card).

    PortAudio takes its device list once, when sounddevice is imported, so a
    device plugged in later shows up in the next process.
    """
    sd = load_sounddevice()
    host_apis = sd.query_hostapis()
    default_input, default_output = sd.default.device
    return [
        AudioDevice(
            index=info["index"],
            name=info["name"],
            host_api=host_apis[info["hostapi"]]["name"],
            max_input_channels=info["max_input_channels"],
            max_output_channels=info["max_output_channels"],
            default_sample_rate_hz=info["default_samplerate"],
            is_default_input=info["index"] == default_input,
            is_default_output=info["index"] == default_output,
        )
        for info in sd.query_devices()
    ]


def refresh_devices() -> None:
    """Make PortAudio read the device list again: it reads it once, at start.

    Only while no stream is open (a device plugged back in then shows up).
    """
    sounddevice = load_sounddevice()
    sounddevice._terminate()
    sounddevice._initialize()


def resolve_device(spec: str | int | None, kind: DeviceKind) -> int:
    """Turn a device setting into a PortAudio device index.

    Args:
        spec: An index (an int, or digits as a command line gives them), a
            case-insensitive part of the device's name, or None for the system
            default.
        kind: Whether the device is to record ("input") or play ("output").

    Returns:
        The index of a device that has `kind` channels.

    Raises:
        AudioDeviceError: when there is no such device, or the name matches
            several; the message lists the devices to choose from.
    """
    candidates = [d for d in list_devices() if d.max_channels(kind) > 0]
    if not candidates:
        raise AudioDeviceError(
            f"no audio {kind} device found. Connect a {_HARDWARE[kind]}, "
            "or list devices with `appliance devices`"
        )
    if spec is None:
        return _default_device(candidates, kind).index
    if isinstance(spec, int) or spec.strip().isdigit():
        return _device_at(candidates, int(spec), kind).index
    return _device_named(candidates, spec, kind).index


def _available(candidates: list[AudioDevice]) -> str:
    return ", ".join(d.label for d in candidates)


def _setting_hint(kind: DeviceKind) -> str:
    return f"Set audio.{kind}_device (or --{kind}-device) to one of these indexes or names"


def _default_device(candidates: list[AudioDevice], kind: DeviceKind) -> AudioDevice:
    for device in candidates:
        if device.is_default_input if kind == "input" else device.is_default_output:
            return device
    raise AudioDeviceError(
        f"there is no default audio {kind} device; available: {_available(candidates)}. "
        f"{_setting_hint(kind)}"
    )


def _device_at(candidates: list[AudioDevice], index: int, kind: DeviceKind) -> AudioDevice:
    for device in candidates:
        if device.index == index:
            return device
    raise AudioDeviceError(
        f"{kind} device {index} not found (or it has no {kind} channels); "
        f"available: {_available(candidates)}. {_setting_hint(kind)}"
    )


def _device_named(candidates: list[AudioDevice], spec: str, kind: DeviceKind) -> AudioDevice:
    wanted = spec.strip().casefold()
    exact = [d for d in candidates if d.name.casefold() == wanted]
    matches = exact or [d for d in candidates if wanted in d.name.casefold()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise AudioDeviceError(
            f"{kind} device {spec!r} not found; available: {_available(candidates)}. "
            f"{_setting_hint(kind)}"
        )
    raise AudioDeviceError(
        f"{kind} device {spec!r} matches several devices: {_available(matches)}. "
        f"Set audio.{kind}_device (or --{kind}-device) to an index or a longer name"
    )


def device_error(
    kind: DeviceKind,
    device: int | None,
    sample_rate_hz: int | None,
    channels: int,
    error: Exception,
    *,
    action: str = "open",
) -> AudioDeviceError:
    """Translate PortAudio's failure to open or use a device into advice.

    Args:
        kind: "input" or "output".
        device: The device index, or None for the system default.
        sample_rate_hz: The rate asked for; None for the device's own.
        channels: The channel count asked for.
        error: sounddevice's PortAudioError (or ValueError for a bad setting).
        action: What failed, for the message: "open", "write to".
    """
    which = (
        f"audio {kind} device {device}"
        if device is not None
        else f"the default audio {kind} device"
    )
    rate = f"{sample_rate_hz} Hz" if sample_rate_hz else "its default rate"
    return AudioDeviceError(
        f"cannot {action} {which} at {rate} with {channels} channel(s): "
        f"{error}. Check that the {_HARDWARE[kind]} is connected and no other program holds "
        f"it, or choose another with audio.{kind}_device (see `appliance devices`)"
    )


def format_device_table(devices: list[AudioDevice]) -> str:
    """A plain-text table for `appliance devices`, defaults marked."""
    if not devices:
        return "no audio devices found"
    name_width = max(len("name"), *(len(d.name) for d in devices))
    header = f"{'index':>5}  {'name':<{name_width}}  {'in':>3}  {'out':>3}  {'rate_hz':>7}  default"
    rows = [header]
    for d in devices:
        defaults = [
            k
            for k, flag in (("input", d.is_default_input), ("output", d.is_default_output))
            if flag
        ]
        rows.append(
            f"{d.index:>5}  {d.name:<{name_width}}  {d.max_input_channels:>3}  "
            f"{d.max_output_channels:>3}  {d.default_sample_rate_hz:>7.0f}  {', '.join(defaults)}"
        )
    return "\n".join(row.rstrip() for row in rows)

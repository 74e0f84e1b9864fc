"""Echo cancellation for the kiosk: the sound server's canceller (WebRTC) between it and the room.

On an open speaker the appliance hears its own reply, and that reply would start a turn of
its own or interrupt itself. PulseAudio's `module-echo-cancel` (also served by PipeWire's
pulse server) runs the WebRTC audio processing canceller on the server: it takes what goes
to the speaker as the reference and gives a microphone source without it. The kiosk loads
it with `pactl` and records from and plays to the module's devices (through libpulse's
`PULSE_SOURCE` and `PULSE_SINK`, which PortAudio's default device follows).

Why the server and not a canceller in this process: it must see the speaker's samples
lined up with the microphone's to the millisecond, and only the server knows both
streams' buffers as they change (it grows a stream's latency after an underrun). A
libspeexdsp canceller in this process, aligned by sample counts and cross-correlation,
removed 0-7 dB in the simulated room and the kiosk still interrupted itself (branch
`wip/aec-inprocess`); the server's WebRTC canceller let it finish every reply.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from loguru import logger

from appliance.audio.devices import AudioDeviceError

SOURCE = "appliance_echo_cancelled_mic"
SINK = "appliance_echo_cancelled_speaker"
_PACTL_TIMEOUT_S = 10


class EchoCancelError(AudioDeviceError):
    """The sound server's canceller could not be set up; the message says what to do."""


class ServerEchoCanceller:
    """Loads the server's canceller when asked, points this process at it, unloads it at close.

    `ensure` may be called before each conversation: when the microphone or speaker is
    unplugged the server drops the module with it, and it is loaded again once they are back.
    """

    def __init__(self, *, noise_suppression: bool = False):
        self._noise_suppression = noise_suppression
        self._module: str | None = None  # the index of the module this process loaded
        self._saved = {name: os.environ.get(name) for name in ("PULSE_SOURCE", "PULSE_SINK")}

    def ensure(self) -> None:
        """Have the canceller's devices exist and be this process's defaults.

        Raises:
            EchoCancelError: no `pactl`, no sound server, or the module would not load.
        """
        if SOURCE not in _names("sources") or SINK not in _names("sinks"):
            self._module = _pactl("load-module", "module-echo-cancel", *self._arguments())
            logger.info(f"echo cancellation on: {SOURCE} and {SINK} (WebRTC, module "
                        f"{self._module})")
        os.environ["PULSE_SOURCE"], os.environ["PULSE_SINK"] = SOURCE, SINK

    def _arguments(self) -> list[str]:
        # Gain control off: the appliance keeps the microphone's level as the user set it.
        # The extended filter (longer, and robust to a changing delay): in the simulated
        # room the kiosk cut 6 of 12 replies short without it, none with it.
        processing = ("analog_gain_control=0 digital_gain_control=0 extended_filter=1 "
                      f"noise_suppression={int(self._noise_suppression)}")
        arguments = [f"source_name={SOURCE}", f"sink_name={SINK}", "aec_method=webrtc",
                     f'aec_args="{processing}"', "use_master_format=1"]
        # A source or sink the user chose for this process is the one to clean.
        for variable, key in (("PULSE_SOURCE", "source_master"), ("PULSE_SINK", "sink_master")):
            if self._saved[variable]:
                arguments.append(f"{key}={self._saved[variable]}")
        return arguments

    def close(self) -> None:
        """Unload the module if this process loaded it, and restore the defaults."""
        for name, value in self._saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if self._module is not None and SOURCE in _names("sources", quiet=True):
            try:
                _pactl("unload-module", self._module)
            except EchoCancelError as e:
                logger.warning(f"could not unload the echo canceller: {e}")
        self._module = None


def server_is_reachable() -> bool:
    """Whether `pactl` is installed and a PulseAudio-compatible server answers."""
    if shutil.which("pactl") is None:
        return False
    try:
        _pactl("info")
    except EchoCancelError:
        return False
    return True


def _names(kind: str, *, quiet: bool = False) -> set[str]:
    try:
        listing = _pactl("list", "short", kind)
    except EchoCancelError:
        if quiet:
            return set()
        raise
    return {line.split("\t")[1] for line in listing.splitlines() if "\t" in line}


def _pactl(*arguments: str) -> str:
    if shutil.which("pactl") is None:
        raise EchoCancelError("echo cancellation needs a PulseAudio or PipeWire sound server "
                              "and its pactl (apt-get install pulseaudio-utils), or set "
                              "audio.echo_cancellation = false")
    try:
        done = subprocess.run(["pactl", *arguments], capture_output=True, text=True,
                              timeout=_PACTL_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise EchoCancelError(f"the sound server did not answer `pactl {arguments[0]}` within "
                              f"{_PACTL_TIMEOUT_S} s") from None
    if done.returncode != 0:
        # One line: pactl says why on several ("Connection failure …", "pa_context_connect …").
        said = (done.stderr or done.stdout).strip().splitlines()
        reason = said[0] if said else f"exit status {done.returncode}"
        raise EchoCancelError(f"`pactl {' '.join(arguments[:2])}` failed: {reason}. Is the sound "
                              "server running? Or set audio.echo_cancellation = false")
    return done.stdout.strip()

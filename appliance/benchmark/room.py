"""A simulated room around the kiosk on a PulseAudio test card: its speaker reaches its microphone.

The card is PulseAudio with a null sink for the speaker and a pipe source for the
microphone. What the kiosk plays is recorded from the sink's monitor as it plays, filtered
by a room response (a direct path after `delay_ms` and a decaying reverberant tail), and
written into the microphone's pipe together with whatever the person says. The 20 ms
blocks the room handles are its clock: it notes, per block, how loud the speaker was and
when the person started talking, so barge-in can be timed from the person's first word to
the speaker's silence.
"""

from __future__ import annotations

import array
import fcntl
import os
import shutil
import subprocess
import tempfile
import termios
import threading
from collections import deque
from pathlib import Path

import numpy as np

from appliance.benchmark.wake_bench import noise

RATE = 16000
BLOCK = 320  # 20 ms
SPEAKER_RATE = 22050
SILENT_RMS = 100.0  # the speaker below this (16-bit RMS) is not playing


class VirtualSoundCard:
    """A private PulseAudio server with a null-sink speaker and a pipe-source microphone."""

    def __init__(self, folder: Path | None = None):
        self._own_folder = folder is None
        self.folder = Path(folder or tempfile.mkdtemp(prefix="appliance-room-"))
        runtime = self.folder / "run"
        runtime.mkdir(mode=0o700, exist_ok=True)
        self.fifo = self.folder / "mic.fifo"
        config = self.folder / "pulse.pa"
        config.write_text(
            "load-module module-native-protocol-unix\n"
            f"load-module module-null-sink sink_name=speaker rate={SPEAKER_RATE} channels=1\n"
            f"load-module module-pipe-source source_name=mic file={self.fifo} format=s16le "
            f"rate={RATE} channels=1\n"
            "set-default-sink speaker\nset-default-source mic\n")
        (self.folder / ".asoundrc").write_text(
            "pcm.!default { type pulse }\nctl.!default { type pulse }\n")
        self.env = {**os.environ, "HOME": str(self.folder), "XDG_RUNTIME_DIR": str(runtime)}
        self._config = config
        self.start()

    def start(self) -> None:
        """Start the server (again, after `stop`: the devices come back)."""
        subprocess.run(["pulseaudio", "-n", "-F", str(self._config), "--exit-idle-time=-1",
                        "--daemonize=yes", "--log-target=stderr"],
                       env=self.env, check=True, capture_output=True)

    def stop(self) -> None:
        """Stop the server: both devices go away at once."""
        subprocess.run(["pulseaudio", "--kill"], env=self.env, capture_output=True)

    def close(self) -> None:
        """Stop the server (and remove its folder if this made it)."""
        self.stop()
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)


def room_response(rng: np.random.Generator, *, delay_ms: int = 30, tail_ms: int = 200,
                  gain: float = 0.5) -> np.ndarray:
    """A speaker-to-microphone response: silence for `delay_ms`, then a decaying tail."""
    taps = RATE * tail_ms // 1000
    response = rng.standard_normal(taps) * np.exp(-np.arange(taps) / (taps / 6))
    response[0] = 3.0
    response *= gain / np.sqrt(np.sum(response ** 2))
    return np.concatenate([np.zeros(RATE * delay_ms // 1000), response]).astype(np.float32)


class Room:
    """Runs until `close`; `say` queues what the person says."""

    def __init__(self, env: dict, fifo: Path, response: np.ndarray | None, *,
                 noise_rms: float = 0.0, rng: np.random.Generator | None = None):
        """Start the room: the speaker through `response` (None: not heard) into the microphone.

        `noise_rms` adds steady pink noise (16-bit RMS) to the microphone, as a room has.
        """
        self._response = response
        self._noise = (noise(rng or np.random.default_rng(5), RATE * 10, pink=True) * noise_rms
                       if noise_rms else None)
        self._person: deque[np.ndarray] = deque()
        self._lock = threading.Lock()
        self.blocks = 0  # 20 ms blocks handled so far: the room's clock
        self.speaker_rms: list[float] = []  # per block
        self.person_starts: list[int] = []  # the block each `say` was first heard in
        # Per block, the audio already waiting in the microphone's pipe (ms): what is
        # written now reaches the kiosk that much later (measured: PulseAudio's pipe source
        # takes each block at once, so it stays at 0).
        self.pipe_backlog_ms: list[float] = []
        self._starting = False
        self._recorder = subprocess.Popen(
            ["parec", "-d", "speaker.monitor", "--format=s16le", f"--rate={RATE}",
             "--channels=1", "--raw", "--latency-msec=20"], env=env, stdout=subprocess.PIPE)
        self._fifo = open(fifo, "wb", buffering=0)  # noqa: SIM115
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def say(self, samples: np.ndarray) -> None:
        """Queue the person's speech (16 kHz int16) to start at the next block."""
        with self._lock:
            self._starting = True
            self._person.extend(np.array_split(samples.astype(np.float32),
                                               max(1, samples.size // BLOCK)))

    def quiet(self) -> bool:
        """Whether all the person said has gone into the microphone."""
        with self._lock:
            return not self._person

    def speaker_stopped(self, since: int, *, quiet_blocks: int = 25) -> int | None:
        """The first block from `since` after which the speaker stayed silent `quiet_blocks`."""
        levels = self.speaker_rms[since:]
        run = 0
        for offset, level in enumerate(levels):
            run = run + 1 if level < SILENT_RMS else 0
            if run == quiet_blocks:
                return since + offset - quiet_blocks + 1
        return None

    def _run(self) -> None:
        history = np.zeros(0 if self._response is None else self._response.size - 1, np.float32)
        pending = np.zeros(0, np.float32)
        while not self._stop.is_set():
            raw = self._recorder.stdout.read(BLOCK * 2)
            if not raw:
                return
            played = np.frombuffer(raw, np.int16).astype(np.float32)
            block = np.zeros(played.size, np.float32)
            if self._response is not None:
                signal = np.concatenate([history, played])
                block += np.convolve(signal, self._response, mode="valid")[-played.size:]
                history = signal[-history.size:] if history.size else history
            with self._lock:
                while pending.size < block.size and self._person:
                    pending = np.concatenate([pending, self._person.popleft()])
                take = min(pending.size, block.size)
                # The person starts in the first block their voice is heard in, not at the
                # silence their recording begins with (20-50 ms from Piper).
                if self._starting and take and np.sqrt(np.mean(pending[:take] ** 2)) >= SILENT_RMS:
                    self.person_starts.append(self.blocks)
                    self._starting = False
            if self._noise is not None:
                at = self.blocks * BLOCK % (self._noise.size - BLOCK)
                block += self._noise[at:at + block.size]
            block[:take] += pending[:take]
            pending = pending[take:]
            waiting = array.array("i", [0])
            fcntl.ioctl(self._fifo.fileno(), termios.FIONREAD, waiting)
            self.pipe_backlog_ms.append(waiting[0] / 2 * 1000 / RATE)
            self._fifo.write(np.clip(block, -32768, 32767).astype(np.int16).tobytes())
            self.speaker_rms.append(float(np.sqrt(np.mean(played ** 2))))
            self.blocks += 1

    def close(self) -> None:
        """Stop recording the speaker and close the microphone's pipe."""
        self._stop.set()
        self._recorder.terminate()
        self._recorder.wait(timeout=5)
        self._thread.join(timeout=5)
        self._fifo.close()

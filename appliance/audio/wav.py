"""Reading any common WAV into the pipeline's 16 kHz mono 16-bit PCM, and writing replies.

libsndfile (through soundfile) decodes every common WAV flavour: 8/16/24/32-bit
integer and 32/64-bit float, any rate, any channel count. soxr resamples. The
work here is only to turn their failures into messages a user can act on.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import soundfile
import soxr

PIPELINE_SAMPLE_RATE_HZ = 16000
# Longer input is refused rather than fed in real time for hours.
DEFAULT_MAX_DURATION_S = 600.0


class AudioInputError(Exception):
    """The input audio cannot be used; the message says why and what to do."""


class AudioTooLongError(AudioInputError):
    """The input is longer than the caller's limit."""


def decode_wav(
    data: bytes,
    *,
    source: str = "input",
    target_rate_hz: int = PIPELINE_SAMPLE_RATE_HZ,
    max_duration_s: float = DEFAULT_MAX_DURATION_S,
) -> np.ndarray:
    """Decode WAV bytes to mono int16 samples at `target_rate_hz`.

    Raises:
        AudioInputError: for empty, truncated, non-WAV, non-finite or too-long input.
    """
    if not data:
        raise AudioInputError(f"{source} is empty (0 bytes); give a WAV file with speech in it")
    if data[:4] not in (b"RIFF", b"RIFX", b"RF64") or data[8:12] != b"WAVE":
        raise AudioInputError(
            f"{source} is not a WAV file (it does not start with a RIFF/WAVE header); "
            "convert it first, e.g. `sox in.mp3 out.wav`"
        )
    try:
        with soundfile.SoundFile(io.BytesIO(data)) as f:
            rate, frames = f.samplerate, f.frames
            duration_s = frames / rate if rate else 0.0
            if duration_s > max_duration_s:
                raise AudioTooLongError(
                    f"{source} lasts {duration_s:.0f} s, longer than the {max_duration_s:.0f} s "
                    "limit; cut it into shorter utterances (e.g. `sox in.wav out.wav trim 0 60`)"
                )
            samples = f.read(dtype="float32", always_2d=True)
    except AudioInputError:
        raise
    except (soundfile.LibsndfileError, RuntimeError, ValueError) as e:
        raise AudioInputError(
            f"{source} is a damaged or truncated WAV file ({e}); re-record or re-export it"
        ) from None
    if samples.size == 0:
        raise AudioInputError(f"{source} holds no audio samples; give a WAV file with speech in it")
    if not np.isfinite(samples).all():
        raise AudioInputError(
            f"{source} contains NaN or infinite samples; re-export it as 16-bit PCM WAV"
        )
    # Float WAVs may hold any finite value; beyond full scale is clipping anyway, and
    # clipping first keeps the channel mean and the resampler finite.
    np.clip(samples, -1.0, 1.0, out=samples)
    mono = samples.mean(axis=1)
    if rate != target_rate_hz:
        mono = soxr.resample(mono, rate, target_rate_hz, quality="HQ")
    return float_to_int16(mono)


def read_wav(path: Path | str, **kwargs) -> np.ndarray:
    """Read a WAV file from disk; see `decode_wav`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise AudioInputError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise AudioInputError(f"{path} is a directory, not a WAV file") from None
    except OSError as e:
        raise AudioInputError(f"{path} cannot be read: {e.strerror}") from None
    return decode_wav(data, source=str(path), **kwargs)


def float_to_int16(samples: np.ndarray) -> np.ndarray:
    """Clip float samples in [-1, 1] and convert to int16."""
    return (np.clip(samples, -1.0, 1.0) * 32767.0).astype(np.int16)


def write_wav(path: Path | str, pcm16: bytes, sample_rate_hz: int) -> None:
    """Write mono 16-bit PCM bytes as a WAV file."""
    samples = np.frombuffer(pcm16, dtype=np.int16)
    soundfile.write(str(path), samples, sample_rate_hz, subtype="PCM_16")


def wav_bytes(pcm16: bytes, sample_rate_hz: int) -> bytes:
    """Wrap mono 16-bit PCM in a WAV container, in memory."""
    buffer = io.BytesIO()
    samples = np.frombuffer(pcm16, dtype=np.int16)
    soundfile.write(buffer, samples, sample_rate_hz, format="WAV", subtype="PCM_16")
    return buffer.getvalue()

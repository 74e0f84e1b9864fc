import io

import numpy as np
import pytest
import soundfile

from appliance.audio.wav import AudioInputError, decode_wav, float_to_int16, read_wav

pytestmark = pytest.mark.unit


def tone(rate, seconds=1.0, channels=1):
    t = np.arange(int(rate * seconds)) / rate
    mono = 0.5 * np.sin(2 * np.pi * 440 * t)
    return np.stack([mono] * channels, axis=1) if channels > 1 else mono


def wav(samples, rate, subtype):
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, rate, format="WAV", subtype=subtype)
    return buffer.getvalue()


@pytest.mark.parametrize("subtype", ["PCM_U8", "PCM_16", "PCM_24", "PCM_32", "FLOAT", "DOUBLE"])
@pytest.mark.parametrize("rate", [8000, 22050, 44100, 48000])
def test_common_wav_flavours_become_16khz_mono(subtype, rate):
    samples = decode_wav(wav(tone(rate), rate, subtype))
    assert samples.dtype == np.int16
    assert len(samples) == pytest.approx(16000, abs=2)
    # The tone survives: amplitude ~0.5 of full scale.
    assert 0.4 < np.abs(samples).max() / 32767 < 0.6


def test_stereo_is_mixed_down():
    samples = decode_wav(wav(tone(16000, channels=2), 16000, "PCM_16"))
    assert samples.ndim == 1 and len(samples) == 16000


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"hello, this is not audio at all" * 10, "not a WAV file"),
        (b"ID3\x03\x00\x00\x00" + bytes(200), "not a WAV file"),
    ],
)
def test_unusable_bytes_are_refused_with_a_reason(data, message):
    with pytest.raises(AudioInputError, match=message):
        decode_wav(data)


def test_truncated_header_is_refused():
    with pytest.raises(AudioInputError, match="damaged or truncated"):
        decode_wav(wav(tone(16000), 16000, "PCM_16")[:30])


def test_nan_samples_are_refused():
    samples = tone(16000).astype(np.float32)
    samples[100] = np.nan
    with pytest.raises(AudioInputError, match="NaN"):
        decode_wav(wav(samples, 16000, "FLOAT"))


def test_overlong_recording_is_refused_before_decoding():
    with pytest.raises(AudioInputError, match="longer than the 2 s limit"):
        decode_wav(wav(tone(8000, seconds=3), 8000, "PCM_16"), max_duration_s=2)


def test_missing_file_and_directory_are_named(tmp_path):
    with pytest.raises(AudioInputError, match="does not exist"):
        read_wav(tmp_path / "nope.wav")
    with pytest.raises(AudioInputError, match="is a directory"):
        read_wav(tmp_path)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_float_samples_are_clipped_to_full_scale_then_scaled(dtype):
    samples = np.random.default_rng(3).uniform(-1.5, 1.5, 20000).astype(dtype)
    converted = float_to_int16(samples)
    assert converted.dtype == np.int16
    assert (converted.min(), converted.max()) == (-32767, 32767)
    # Bit for bit what the benchmark corpora and Piper's replies were made with before they
    # shared this function: clip, scale by 32767, truncate.
    assert converted.tobytes() == (np.clip(samples, -1, 1) * 32767).astype(np.int16).tobytes()

"""decode_wav turns any byte string into either speech samples or an AudioInputError:
random bytes, and valid WAVs of every flavour with their headers broken, cut short or
lying about their sizes. Memory stays bounded whatever size a header declares."""

import io
import struct
import tracemalloc
import warnings

import numpy as np
import pytest
import soundfile
from hypothesis import given
from hypothesis import strategies as st

from appliance.audio.wav import AudioInputError, decode_wav
from tests.fuzz import assert_no_failures, count, fuzz_settings, record_failure

pytestmark = pytest.mark.unit

# (container, subtype) pairs libsndfile writes; 8-bit WAV is unsigned.
FLAVOURS = [("WAV", s) for s in ("PCM_U8", "PCM_16", "PCM_24", "PCM_32", "FLOAT", "DOUBLE",
                                 "ULAW", "ALAW", "IMA_ADPCM", "MS_ADPCM")] + \
           [("WAVEX", s) for s in ("PCM_16", "PCM_24", "FLOAT")] + \
           [("RF64", s) for s in ("PCM_16", "FLOAT")]
RATES = [1, 7, 4000, 8000, 11025, 16000, 22050, 44100, 48000, 96000, 192000, 655350]
SIZE_VALUES = [0, 1, 2, 3, 4, 15, 16, 17, 40, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF]
# Offsets of the canonical fmt fields relative to the "fmt " chunk id.
FMT_FIELDS = {"format": (8, "<H"), "channels": (10, "<H"), "rate": (12, "<I"),
              "byte_rate": (16, "<I"), "block_align": (20, "<H"), "bits": (22, "<H")}
FIELD_VALUES = [0, 1, 2, 3, 7, 8, 13, 24, 64, 255, 0x7FFF, 0xFFFF, 0xFFFFFFFF]
MAX_DURATION_S = 30.0
CHUNK_IDS = {"fmt_size": b"fmt ", "data_size": b"data"}


def build_wav(flavour: tuple[str, str], rate: int, channels: int, frames: int,
              seed: int) -> bytes:
    """A valid WAV of noise in `flavour`."""
    samples = np.random.default_rng(seed).uniform(-0.9, 0.9, (frames, channels))
    for container, subtype in (flavour, ("WAV", "PCM_16")):
        buffer = io.BytesIO()
        try:  # ADPCM and friends take one or two channels only: fall back to PCM
            soundfile.write(buffer, samples, rate, format=container, subtype=subtype)
            return buffer.getvalue()
        except (soundfile.LibsndfileError, RuntimeError, ValueError):
            continue
    raise AssertionError(f"libsndfile cannot write {flavour} at {rate} Hz")


def _chunk(data: bytearray, chunk_id: bytes) -> int | None:
    at = data.find(chunk_id, 12)
    return at if at >= 0 else None


def _put(data: bytearray, at: int, fmt: str, value: int) -> None:
    size = struct.calcsize(fmt)
    if 0 <= at and at + size <= len(data):
        data[at:at + size] = struct.pack(fmt, value & ((1 << (8 * size)) - 1))


def mutate(data: bytes, mutations: list[tuple]) -> bytes:
    """Apply each (kind, *arguments) mutation in turn."""
    out = bytearray(data)
    for kind, *args in mutations:
        if kind == "flip" and out:
            out[args[0] % len(out)] = args[1]
        elif kind == "truncate":
            del out[args[0]:]
        elif kind == "riff_size":
            _put(out, 4, "<I", args[0])
        elif kind in CHUNK_IDS and (at := _chunk(out, CHUNK_IDS[kind])) is not None:
            _put(out, at + 4, "<I", args[0])
        elif kind == "fmt_field" and (at := _chunk(out, b"fmt ")) is not None:
            offset, fmt = FMT_FIELDS[args[0]]
            _put(out, at + offset, fmt, args[1])
        elif kind == "junk_chunk":
            at = min(args[0], len(out))
            out[at:at] = args[1] + struct.pack("<I", args[2]) + args[3]
        elif kind == "append":
            out += args[0]
        elif kind == "nan_floats":
            tail = len(out) - len(out) % 4
            out[tail - 8:tail] = struct.pack("<ff", float("nan"), float("inf"))
        elif kind == "magic":
            out[0:4] = args[0]
    return bytes(out)


mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 80) | st.integers(0, 1 << 20), st.integers(0, 255)),
    st.tuples(st.just("truncate"), st.integers(0, 120) | st.integers(0, 1 << 16)),
    st.tuples(st.just("riff_size"), st.sampled_from(SIZE_VALUES)),
    st.tuples(st.just("fmt_size"), st.sampled_from(SIZE_VALUES)),
    st.tuples(st.just("data_size"), st.sampled_from(SIZE_VALUES)),
    st.tuples(st.just("fmt_field"), st.sampled_from(sorted(FMT_FIELDS)),
              st.sampled_from(FIELD_VALUES) | st.integers(0, 0xFFFFFFFF)),
    st.tuples(st.just("junk_chunk"), st.integers(12, 200),
              st.sampled_from([b"JUNK", b"LIST", b"fact", b"data", b"fmt ", b"ds64", b"\0\0\0\0"]),
              st.sampled_from(SIZE_VALUES), st.binary(max_size=64)),
    st.tuples(st.just("append"), st.binary(max_size=256)),
    st.tuples(st.just("nan_floats")),
    st.tuples(st.just("magic"), st.sampled_from([b"RIFF", b"RIFX", b"RF64", b"FORM"])),
)
recipe = st.fixed_dictionaries({
    "flavour": st.sampled_from(FLAVOURS),
    "rate": st.sampled_from(RATES),
    "channels": st.integers(1, 8),
    "frames": st.integers(0, 3000),
    "seed": st.integers(0, 2**16),
    "mutations": st.lists(mutation, max_size=4),
})


def check_decode(category: str, data: bytes, reproducer: str) -> None:
    """decode_wav gives int16 mono samples or AudioInputError, never anything else."""
    count(category)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", RuntimeWarning)
            samples = decode_wav(data, source="fuzz input", max_duration_s=MAX_DURATION_S)
    except AudioInputError as e:
        count(category, "refused")
        if not str(e):
            record_failure(category, "empty AudioInputError message", reproducer)
        return
    except Exception as e:  # the point of the fuzzing: anything else is a bug
        record_failure(category, f"{type(e).__name__}: {str(e)[:120]}", reproducer)
        return
    count(category, "decoded")
    for warning in caught:
        text = str(warning.message)
        known = "wav-float-overflow" if "overflow" in text or "invalid value" in text else None
        record_failure(category, f"RuntimeWarning: {text}", reproducer, known=known)
    if samples.dtype != np.int16 or samples.ndim != 1 or \
            len(samples) > (MAX_DURATION_S + 1) * 16000:
        record_failure(category, "bad samples", f"{reproducer} -> {samples.dtype} {samples.shape}")


def test_random_bytes_are_refused_with_a_clear_error():
    @fuzz_settings("wav_random")
    @given(st.one_of(st.binary(max_size=512),
                     st.binary(max_size=512).map(lambda b: b"RIFF" + b[:4] + b"WAVE" + b[4:])))
    def run(data):
        check_decode("wav", data, f"decode_wav(bytes.fromhex({data.hex()!r}))")

    run()
    assert_no_failures("wav")


def test_broken_wavs_of_every_flavour_decode_or_are_refused():
    @fuzz_settings("wav_mutated")
    @given(recipe)
    def run(r):
        data = mutate(build_wav(r["flavour"], r["rate"], r["channels"], r["frames"], r["seed"]),
                      r["mutations"])
        check_decode("wav", data, f"mutate(build_wav(...), ...) with recipe {r!r}")

    run()
    assert_no_failures("wav")


def test_huge_declared_sizes_do_not_allocate_what_they_declare():
    limit = 64 * 1024 * 1024

    @fuzz_settings("wav_huge_declared")
    @given(recipe.map(lambda r: {**r, "frames": min(r["frames"], 800)}),
           st.lists(st.sampled_from([("data_size", 0xFFFFFFFF), ("riff_size", 0xFFFFFFFF),
                                     ("fmt_field", "channels", 0xFFFF),
                                     ("fmt_field", "rate", 0xFFFFFFFF),
                                     ("fmt_field", "rate", 1), ("fmt_field", "bits", 0xFFFF),
                                     ("fmt_field", "block_align", 0xFFFF),
                                     ("junk_chunk", 36, b"ds64", 28, b"\xff" * 28)]),
                    min_size=1, max_size=3))
    def run(r, huge):
        data = mutate(build_wav(r["flavour"], r["rate"], r["channels"], r["frames"], r["seed"]),
                      r["mutations"] + huge)
        tracemalloc.start()
        try:
            check_decode("wav", data, f"recipe {r!r} + {huge!r}")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        count("wav", "huge_declared")
        if peak > limit:
            record_failure("wav", "memory", f"peak {peak} bytes for recipe {r!r} + {huge!r}")

    run()
    assert_no_failures("wav")


def test_float_samples_near_the_float32_limit_decode_to_full_scale():
    buffer = io.BytesIO()
    soundfile.write(buffer, np.full((1000, 1), 3e38, dtype=np.float32), 44100,
                    format="WAV", subtype="FLOAT")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        samples = decode_wav(buffer.getvalue())
    assert (samples[100:-100] > 32000).all()  # full scale, give or take the resampler

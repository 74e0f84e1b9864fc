"""The Piper voice speaks in pieces: a short first one, and pieces that join seamlessly."""

import shutil

import numpy as np
import pytest
import soxr

from appliance.benchmark.wer import character_error_rate
from appliance.modelstore import ModelStore
from appliance.tts import piper_split
from appliance.tts.piper import PiperTTS, decode_in_pieces

pytestmark = pytest.mark.models

SENTENCE = "The capital of France is Paris."


@pytest.fixture(scope="module")
def piper(engines) -> PiperTTS:
    tts = engines.tts
    assert isinstance(tts, PiperTTS)
    return tts


@pytest.fixture(scope="module")
def voice_file(settings):
    return ModelStore(settings.models.dir).file_ending(settings.tts.voice, ".onnx")


def test_pieces_join_into_the_same_audio_as_one_decode(piper):
    latent = next(piper.latents(SENTENCE))
    whole = piper.decode(latent)
    pieces = list(decode_in_pieces(piper.decode, latent, hop=256, first=24, rest=64))
    assert len(pieces) >= 3 and len(pieces[0]) == 24 * 256
    np.testing.assert_allclose(np.concatenate(pieces), whole, atol=1e-4)
    # Too little context at the seams is audible: the check above would catch it.
    narrow = np.concatenate(list(decode_in_pieces(piper.decode, latent, hop=256, first=24,
                                                  rest=64, margin=2)))
    assert np.abs(narrow - whole).max() > 0.01


async def test_a_spoken_sentence_starts_with_a_short_piece_and_is_understood(piper, engines):
    pieces = [piece async for piece in piper.synthesize(SENTENCE)]
    rate = piper.sample_rate_hz
    assert len(pieces[0]) / 2 / rate < 0.3  # the first quarter second, not the sentence
    audio = np.frombuffer(b"".join(pieces), dtype=np.int16)
    assert 1.2 < len(audio) / rate < 3.5
    # Loud enough to hear, and scaled without clipping.
    peak = np.abs(audio).max() / 32767
    assert 0.4 < peak < 1.0
    heard = await engines.stt.transcribe(
        (soxr.resample(audio.astype(np.float32) / 32768, rate, 16000) * 32767)
        .astype(np.int16).tobytes(), 16000)
    assert character_error_rate(SENTENCE, heard.text) < 0.1, heard.text


def test_the_voice_is_cut_once_and_then_read_from_its_folder(voice_file, tmp_path, monkeypatch):
    voice = tmp_path / voice_file.name
    shutil.copyfile(voice_file, voice)
    split = piper_split.split_voice(voice)
    assert split is not None and split.front.is_file() and split.decoder.is_file()
    # Readable by the service's user when `models fetch` ran as another.
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in (split.front, split.decoder))
    made = split.front.stat().st_mtime_ns
    again = piper_split.split_voice(voice)
    assert again.front == split.front and again.front.stat().st_mtime_ns == made
    # Given the digest the model store already checked, the voice is not hashed again.
    digest = piper_split.sha256_of(voice)
    monkeypatch.setattr(piper_split, "sha256_of", lambda path: pytest.fail("hashed again"))
    assert piper_split.split_voice(voice, digest).front == split.front
    monkeypatch.undo()
    # A different voice under the same name is cut afresh.
    with voice.open("r+b") as f:
        f.seek(-1, 2)
        last = f.read(1)
        f.seek(-1, 2)
        f.write(bytes([last[0] ^ 1]))
    piper_split.split_voice(voice)
    assert split.front.stat().st_mtime_ns != made


def test_a_read_only_models_folder_still_gets_a_split_voice(voice_file, tmp_path, monkeypatch):
    voice = tmp_path / voice_file.name
    shutil.copyfile(voice_file, voice)

    def refuse(path, data):
        raise PermissionError(f"read-only: {path}")

    monkeypatch.setattr(piper_split, "_write_atomically", refuse)
    split = piper_split.split_voice(voice)
    assert isinstance(split.front, bytes) and isinstance(split.decoder, bytes)
    assert sorted(p.name for p in tmp_path.iterdir()) == [voice.name]


async def test_a_voice_that_cannot_be_cut_speaks_whole_sentences(settings, voice_file,
                                                                 tmp_path):
    import onnx

    # Silero's VAD is an ONNX graph with no VITS decoder in it.
    not_a_voice = ModelStore(settings.models.dir).file_ending("silero-vad", ".onnx")
    assert piper_split.split_voice(not_a_voice) is None
    assert not list(not_a_voice.parent.glob("*.front.onnx"))
    # A voice exported with other names: its decoder is not found, it still speaks.
    model = onnx.load(str(voice_file))
    for node in model.graph.node:
        node.name = node.name.replace("/dec/", "/generator/")
    voice = tmp_path / "renamed.onnx"
    onnx.save(model, str(voice))
    config = voice.with_name("renamed.onnx.json")
    shutil.copyfile(voice_file.with_name(voice_file.name + ".json"), config)
    tts = PiperTTS(voice, config)
    pieces = [piece async for piece in tts.synthesize(SENTENCE)]
    assert len(pieces) == 1 and 1.2 < len(pieces[0]) / 2 / tts.sample_rate_hz < 3.5

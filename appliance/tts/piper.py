"""Piper neural TTS in-process (piper-tts, GPL-3.0), loaded from a local voice file."""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import onnxruntime
from piper import PiperConfig, PiperVoice, SynthesisConfig

from appliance.audio.wav import float_to_int16
from appliance.tts.interface import TextToSpeech
from appliance.tts.piper_split import split_voice

_END = object()
# The decoder looks at most this many latent frames to either side (measured: with
# 12 the pieces are the whole decode's samples exactly, with 8 within 1e-3).
_MARGIN_FRAMES = 12


def _session(model: Path | bytes, use_cuda: bool = False) -> onnxruntime.InferenceSession:
    options = onnxruntime.SessionOptions()
    # Two sessions run one after the other: a pool left spinning after the first
    # slows the second (measured: 130 -> 118 ms for a two-second clause).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    source = model if isinstance(model, bytes) else str(model)
    providers = ["CPUExecutionProvider"]
    if use_cuda:
        providers.insert(0, "CUDAExecutionProvider")
    return onnxruntime.InferenceSession(source, options, providers=providers)


def decode_in_pieces(decode: Callable[[np.ndarray], np.ndarray], latent: np.ndarray, *,
                     hop: int, first: int, rest: int,
                     margin: int = _MARGIN_FRAMES) -> Iterator[np.ndarray]:
    """The audio of `latent`: `first` frames, then twice as many each time, up to `rest`.

    Each piece is decoded with `margin` frames of context either side and trimmed,
    so the pieces join into the same samples as one decode of the whole. Pieces
    grow gradually so that each is decoded well before the one before it has
    played, even with the LLM busy on the other core.
    """
    frames = latent.shape[2]
    start, size = 0, first
    while start < frames:
        end = start + size
        # A short remainder joins this piece rather than costing a call of its own.
        if frames - end < rest // 4:
            end = frames
        low, high = max(0, start - margin), min(frames, end + margin)
        audio = decode(latent[:, :, low:high])
        yield audio[(start - low) * hop:(end - low) * hop]
        start, size = end, min(rest, 2 * size)


class PiperTTS(TextToSpeech):
    """A Piper voice whose audio starts before the whole sentence is synthesized.

    Each sentence's latent is made at once, then decoded into audio in pieces: a
    short first piece (a quarter second) so the user hears the reply about half
    a sentence's synthesis sooner, then longer ones, each decoded well before the
    one before it has played.
    Sentences are scaled by one fixed gain rather than each to its own peak,
    which is unknown until its last piece, so the level no longer jumps between
    sentences either. The joe voice's sentences peak at 0.39-0.72 before scaling
    (97 replies, median 0.51): 1.4 keeps them below full scale.
    """

    name = "piper"

    def __init__(self, model_path: Path, config_path: Path, *, length_scale: float = 1.0,
                 first_piece_frames: int = 24, piece_frames: int = 128, gain: float = 1.4,
                 source_sha256: str | None = None, use_cuda: bool = False):
        with open(config_path, encoding="utf-8") as f:
            config = PiperConfig.from_dict(json.load(f))
        self.sample_rate_hz = config.sample_rate
        self._synthesis = SynthesisConfig(length_scale=length_scale)
        self._hop = config.hop_length
        self._scales = np.array(
            [config.noise_scale, length_scale, config.noise_w_scale], dtype=np.float32)
        self._first_piece, self._piece, self._gain = first_piece_frames, piece_frames, gain
        split = split_voice(model_path, source_sha256)
        if split is None:
            self._voice = PiperVoice.load(model_path, config_path=config_path,
                                          use_cuda=use_cuda)
            self._front = self._decoder = None
        else:
            # Only piper's phonemizer is used: the voice's graph runs as its two halves.
            self._voice = PiperVoice(session=None, config=config)
            self._front = _session(split.front, use_cuda)
            self._decoder = _session(split.decoder, use_cuda)
            self._latent = split.latent_name
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="piper")

    def paced(self, length_scale: float) -> PiperTTS:
        """The same voice at another pace (above 1 slower), sharing its models and worker."""
        other = copy.copy(self)
        other._synthesis = SynthesisConfig(length_scale=length_scale)
        other._scales = self._scales.copy()
        other._scales[1] = length_scale
        return other

    def _whole_sentences(self, text: str) -> Iterator[bytes]:
        for chunk in self._voice.synthesize(text, syn_config=self._synthesis):
            yield chunk.audio_int16_bytes

    def latents(self, text: str) -> Iterator[np.ndarray]:
        """Each sentence's latent (1 x channels x frames), made by the voice's first half."""
        for phonemes in self._voice.phonemize(text):
            if phonemes:
                ids = self._voice.phonemes_to_ids(phonemes)
                yield self._front.run(None, {
                    "input": np.array([ids], dtype=np.int64),
                    "input_lengths": np.array([len(ids)], dtype=np.int64),
                    "scales": self._scales,
                })[0]

    def decode(self, latent: np.ndarray) -> np.ndarray:
        """The voice's second half: audio (float, about -1..1) for a stretch of latent."""
        return self._decoder.run(None, {self._latent: latent})[0].reshape(-1)

    def _pieces(self, text: str) -> Iterator[bytes]:
        for latent in self.latents(text):
            for audio in decode_in_pieces(self.decode, latent, hop=self._hop,
                                          first=self._first_piece, rest=self._piece):
                yield float_to_int16(audio * self._gain).tobytes()

    def _next(self, pieces: Iterator[bytes]) -> object:
        return next(pieces, _END)

    async def synthesize(self, text: str) -> AsyncIterator[bytes]:
        """Stream audio pieces as soon as each is decoded."""
        loop = asyncio.get_running_loop()
        pieces = self._whole_sentences(text) if self._front is None else self._pieces(text)
        while True:
            piece = await loop.run_in_executor(self._executor, self._next, pieces)
            if piece is _END:
                return
            yield piece

    async def aclose(self) -> None:
        """Stop the worker thread."""
        self._executor.shutdown(wait=False, cancel_futures=True)

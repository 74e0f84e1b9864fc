"""Whisper on the CPU through faster-whisper (CTranslate2), loaded from a local folder."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from faster_whisper import WhisperModel

from appliance.stt.interface import SpeechToText, Transcript


class WhisperLocalSTT(SpeechToText):
    """faster-whisper, int8, greedy by default: the cheapest accurate path on a small CPU."""

    name = "whisper-local"

    def __init__(
        self,
        model_dir: Path,
        *,
        threads: int = 2,
        beam_size: int = 1,
        language: str = "en",
        no_speech_threshold: float = 0.6,
    ):
        # Loading from a folder never touches a model hub.
        self._model = WhisperModel(
            str(model_dir), device="cpu", compute_type="int8", cpu_threads=threads
        )
        self._beam_size = beam_size
        self._language = language
        self._no_speech_threshold = no_speech_threshold
        # One utterance at a time: two at once on two cores only makes both late.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="whisper")

    def _transcribe_blocking(self, samples: np.ndarray) -> Transcript:
        segments, _ = self._model.transcribe(
            samples,
            language=self._language,
            beam_size=self._beam_size,
            condition_on_previous_text=False,
            without_timestamps=True,
            vad_filter=False,
        )
        kept = [s for s in segments if s.no_speech_prob < self._no_speech_threshold]
        if not kept:
            return Transcript(text="")
        text = " ".join(s.text.strip() for s in kept).strip()
        avg_logprob = sum(s.avg_logprob for s in kept) / len(kept)
        return Transcript(
            text=text,
            avg_logprob=avg_logprob,
            no_speech_prob=max(s.no_speech_prob for s in kept),
        )

    async def transcribe(self, pcm16: bytes, sample_rate_hz: int) -> Transcript:
        """Transcribe 16 kHz mono PCM (Whisper's native rate)."""
        if sample_rate_hz != 16000:
            raise ValueError(f"Whisper needs 16000 Hz audio, got {sample_rate_hz} Hz")
        samples = np.frombuffer(pcm16, dtype=np.int16).astype(np.float32) / 32768.0
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._transcribe_blocking, samples)

    async def aclose(self) -> None:
        """Stop the worker thread."""
        self._executor.shutdown(wait=False, cancel_futures=True)

"""Whisper on the CPU through faster-whisper (CTranslate2), loaded from a local folder."""

from __future__ import annotations

import asyncio
import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from faster_whisper import WhisperModel
from faster_whisper.tokenizer import Tokenizer
from faster_whisper.transcribe import get_suppressed_tokens

from appliance.stt.interface import SpeechToText, Transcript

# Requests come out at 2-4 tokens per second of audio (the most in 412 synthesized
# ones, pre-roll and trailing pad included, was 3.7); 8 bounds a runaway decode.
_TOKENS_PER_S = 8
_MIN_TOKENS = 10
# A repeated block shorter than this ("no, no") may be what was said; longer ones are loops.
_MIN_LOOP_TOKENS = 4

# Silence left after the speech inside a short encoder window (0.5 s).
_WINDOW_SPARE = 8000
_FULL_WINDOW = 30 * 16000

# What CTranslate2 checks before it will run its AVX-512 kernels.
_AVX512 = {"avx512f", "avx512cd", "avx512vl", "avx512dq", "avx512bw"}


def _cpu_flags() -> set[str]:
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def drop_repeats(tokens: list[int]) -> list[int]:
    """`tokens` with a tail that repeats one block over and over cut back to one block.

    Greedy Whisper sometimes loops: espeak's "Open the garage door." with 0.3 s or
    1 s of silence before it comes back as that sentence until the token limit
    (1.3 s of decoding), and with 0.5 s twice. faster-whisper only guards against
    this inside transcribe(), by sampling again at higher temperatures (measured
    here: 10 s for that clip); this path calls generate() itself, so the loop is
    cut here. A block must repeat in full at least once and be 4+ tokens long.
    """
    n = len(tokens)
    for start in range(n):
        for period in range(_MIN_LOOP_TOKENS, (n - start) // 2 + 1):
            if all(tokens[i] == tokens[i - period] for i in range(start + period, n)):
                return tokens[: start + period]
    return tokens


def prefer_avx512() -> bool:
    """Let CTranslate2 use AVX-512 where the CPU has it; True if it will.

    CTranslate2 leaves AVX-512 out of its automatic choice and takes it only when
    told (CT2_FORCE_CPU_ISA, read once, at the first model load in the process).
    Measured here (AMD EPYC, Zen 4): the 15 s window encodes in ~100 ms instead of
    ~113, the whole transcript takes ~155 ms instead of ~169, and 140 utterances
    come out with the same word error rate. A value the user set is kept.
    """
    if "CT2_FORCE_CPU_ISA" not in os.environ and _AVX512 <= _cpu_flags():
        os.environ["CT2_FORCE_CPU_ISA"] = "AVX512"
    return os.environ.get("CT2_FORCE_CPU_ISA") == "AVX512"


class WhisperLocalSTT(SpeechToText):
    """faster-whisper, int8, greedy by default: the cheapest accurate path on a small CPU."""

    name = "whisper-local"

    def __init__(
        self,
        model_dir: Path,
        *,
        threads: int = 1,
        workers: int = 2,
        beam_size: int = 1,
        language: str = "en",
        no_speech_threshold: float = 0.6,
        encoder_window_s: float = 8.0,
        device: str = "cpu",
    ):
        prefer_avx512()
        # Loading from a folder never touches a model hub. Two workers of one
        # thread each: a guess made at a pause that turned out to be mid-sentence
        # must not hold up the transcript of the real end of speech, which then
        # runs beside it on the other core.
        self._model = WhisperModel(
            str(model_dir), device=device,
            compute_type="int8" if device == "cpu" else "int8_float16", cpu_threads=threads,
            num_workers=workers,
        )
        self._beam_size = beam_size
        self._language = language
        self._no_speech_threshold = no_speech_threshold
        self._window_samples = int(encoder_window_s * 16000)
        self._tokenizer = Tokenizer(
            self._model.hf_tokenizer, self._model.model.is_multilingual,
            task="transcribe", language=language,
        )
        self._prompt = self._model.get_prompt(self._tokenizer, [], without_timestamps=True)
        self._suppress = get_suppressed_tokens(self._tokenizer, [-1])
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="whisper")

    def _transcribe_blocking(self, samples: np.ndarray) -> Transcript:
        window = self.window_for(len(samples))
        if window is None:
            return self._transcribe_full(samples)
        return self._transcribe_window(samples, window)

    def window_for(self, n_samples: int) -> int | None:
        """The encoder window (in samples) for speech this long; None: Whisper's own 30 s.

        Windows grow in steps of `encoder_window_s` and always leave half a second of
        silence after the speech; speech that fits none shorter than 30 s gets 30.
        """
        if n_samples <= 0:
            return None
        steps = -(-(n_samples + _WINDOW_SPARE) // self._window_samples)
        window = steps * self._window_samples
        return window if window < _FULL_WINDOW else None

    def _transcribe_window(self, samples: np.ndarray, window: int) -> Transcript:
        """Encode a short window instead of Whisper's 30 s: a fraction of the encoder's work.

        faster-whisper's transcribe() always pads to 30 s; CTranslate2 accepts a
        shorter encoder input, so this calls encode + generate directly. The
        window is padded with real silence (not zeroed features) so the model
        sees what it was trained on. Measured on the 202 spoken benchmark
        questions with Whisper base: 15 s windows 294 ms a transcript, word
        error rate 0.112; 8 s 170 ms, 0.112; 6 s 146 ms, 0.115; 5 s 149 ms, 0.154.
        """
        encoder_output = self._model.encode(self._window_features(samples, window))
        budget = _MIN_TOKENS + int(_TOKENS_PER_S * len(samples) / 16000)
        result = self._model.model.generate(
            encoder_output,
            [self._prompt],
            beam_size=self._beam_size,
            max_length=min(self._model.max_length, len(self._prompt) + budget),
            suppress_blank=True,
            suppress_tokens=self._suppress,
            return_scores=True,
            return_no_speech_prob=True,
        )[0]
        decoded = [t for t in result.sequences_ids[0] if t < self._tokenizer.eot]
        tokens = drop_repeats(decoded)
        if result.no_speech_prob >= self._no_speech_threshold or not tokens:
            return Transcript(text="")
        return Transcript(
            text=self._tokenizer.decode(tokens).strip(),
            avg_logprob=result.scores[0] * len(decoded) / (len(decoded) + 1),
            no_speech_prob=result.no_speech_prob,
        )

    def _window_features(self, samples: np.ndarray, window: int) -> np.ndarray:
        """The log-mel features of `samples` padded with silence to `window` samples.

        The same numbers as faster-whisper's extractor on the whole padded
        window, for a fraction of the work: every frame that hears only the
        padding is the same column (silence, floored at the speech's loudest
        level minus 80 dB), so only the speech and a little silence after it are
        analysed and that last all-silent column is repeated.
        """
        frames = window // 160
        # 800 samples of silence: the last frame kept then hears nothing else.
        padded = np.zeros(len(samples) + 800, dtype=np.float32)
        padded[: len(samples)] = samples
        heard = self._model.feature_extractor(padded)
        return np.pad(heard, ((0, 0), (0, frames - heard.shape[1])), mode="edge")

    def _transcribe_full(self, samples: np.ndarray) -> Transcript:
        segments, _ = self._model.transcribe(
            samples,
            language=self._language,
            beam_size=self._beam_size,
            condition_on_previous_text=False,
            without_timestamps=True,
            vad_filter=False,
            # No resampling at higher temperatures when a segment loops: that took
            # 10 s on one looping clip here; the loop is cut below instead.
            temperature=0.0,
        )
        kept = [s for s in segments if s.no_speech_prob < self._no_speech_threshold]
        if not kept:
            return Transcript(text="")
        text = " ".join(self._tokenizer.decode(drop_repeats(s.tokens)).strip()
                        for s in kept).strip()
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

    async def likelihood(self, pcm16: bytes, texts: Sequence[str]) -> float:
        """How likely the likeliest of `texts` is as the transcript of this 16 kHz audio.

        The mean log-probability per token of the text, forced through the decoder
        (CTranslate2's alignment pass); 0 is certain. Scores a given wording where a
        transcript would only say what was likeliest: the kiosk asks whether an unsure
        wake was its phrase, which Whisper spells many ways ("Okay, now boo").
        """
        samples = np.frombuffer(pcm16, dtype=np.int16).astype(np.float32) / 32768.0
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._likelihood_blocking, samples,
                                          list(texts))

    def _likelihood_blocking(self, samples: np.ndarray, texts: list[str]) -> float:
        window = self.window_for(len(samples)) or _FULL_WINDOW
        encoded = self._model.encode(self._window_features(samples, window))
        best = -math.inf
        for text in texts:  # one by one: the encoded audio is a batch of one
            aligned = self._model.model.align(
                encoded, list(self._tokenizer.sot_sequence),
                [self._tokenizer.encode(" " + text.strip())], max(1, len(samples) // 160))[0]
            probabilities = aligned.text_token_probs
            best = max(best, sum(math.log(max(p, 1e-9)) for p in probabilities)
                       / max(1, len(probabilities)))
        return best

    async def aclose(self) -> None:
        """Stop the worker thread."""
        self._executor.shutdown(wait=False, cancel_futures=True)

"""Word error rate scored as Whisper's authors score it: "ten"/"10", "what's"/"what is" match."""

from __future__ import annotations

import jiwer
from whisper_normalizer.english import EnglishTextNormalizer

_NORMALISE = EnglishTextNormalizer()


def normalise(text: str) -> str:
    """Lower case, no punctuation, numbers as digits, contractions spelled out."""
    return _NORMALISE(text)


def _measure(references: list[str] | str, hypotheses: list[str] | str) -> jiwer.WordOutput:
    refs = [references] if isinstance(references, str) else references
    hyps = [hypotheses] if isinstance(hypotheses, str) else hypotheses
    return jiwer.process_words([normalise(r) for r in refs],
                               [normalise(h) or "<empty>" for h in hyps])


def word_error_rate(references: list[str] | str, hypotheses: list[str] | str) -> float:
    """Jiwer's WER over normalised text; an empty hypothesis counts as every word missed."""
    return _measure(references, hypotheses).wer


def word_errors(references: list[str], hypotheses: list[str]) -> tuple[int, int]:
    """(words wrong, missing or extra; words said): on a small corpus one word is a lot."""
    m = _measure(references, hypotheses)
    return m.substitutions + m.deletions + m.insertions, m.hits + m.substitutions + m.deletions


def character_error_rate(reference: str, hypothesis: str) -> float:
    """Fairer than WER for short sentences, where one split word costs a third."""
    return jiwer.cer(normalise(reference), normalise(hypothesis) or "<empty>")

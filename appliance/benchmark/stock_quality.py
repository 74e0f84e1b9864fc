"""`bench --quality --compare stock-pipecat`: the same spoken single questions, stock pipeline.

pipecat's documented pipeline (see `appliance.benchmark.stock`) with the same models
and system prompt, each question in a fresh conversation, in process through the
paced file transport like the latency benchmark (the stock pipeline has no WebSocket
service of its own). Scripted conversations are not run for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from types import SimpleNamespace

from appliance.benchmark.corpus import Utterance
from appliance.benchmark.quality import score_reply, summarise
from appliance.benchmark.spoken_quality import SpokenTurn
from appliance.benchmark.stock import run_stock_benchmark


def run_stock_quality(settings, singles: Sequence[SpokenTurn], *,
                      progress: Callable[[int, int], None] | None = None) -> dict:
    """Accuracy, word error rate and voice to voice of the stock pipeline on `singles`."""
    corpus = [Utterance(f"s{i:03d}", t.text, t.samples, t.voice, False)
              for i, t in enumerate(singles)]
    lender = SimpleNamespace(settings=settings)  # the stock pipeline only reads settings
    result = asyncio.run(run_stock_benchmark(lender, corpus, warmup=1, progress=progress))
    scores = [score_reply(t.text, sample.reply, t.answers, t.group, [])
              for t, sample in zip(singles, result.samples, strict=True)]
    latency = result.summary()
    return {"single_questions": summarise(scores).as_dict(),
            "word_error_rate": latency["word_error_rate"],
            "word_errors": latency["word_errors"], "reference_words": latency["reference_words"],
            "voice_to_voice_service_ms": latency["stages_ms"]["voice_to_voice"],
            "replies": [{"text": t.text, "transcript": s.transcript, "reply": s.reply,
                         "correct": score.correct}
                        for t, s, score in zip(singles, result.samples, scores, strict=True)]}


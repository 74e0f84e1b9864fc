"""Runs a corpus through the appliance's own pipeline, paced in real time, and summarises it."""

from __future__ import annotations

import re
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from appliance.apps.converse import converse_samples
from appliance.benchmark.corpus import PAUSE_S, Utterance
from appliance.benchmark.wer import word_errors
from appliance.intents import answer_directly
from appliance.runtime.engines import Engines

STAGES = ("eot", "stt", "llm_ttft", "tts_ttfb", "voice_to_voice")


@dataclass
class Sample:
    """One utterance's run."""

    name: str
    text: str
    transcript: str
    reply: str
    timings_ms: dict
    route: dict
    offsets_ms: dict = field(default_factory=dict)


@dataclass
class BenchResult:
    """All runs, and the summary users compare."""

    samples: list[Sample] = field(default_factory=list)
    wall_s: float = 0.0
    cpu_s: float = 0.0
    peak_rss_mb: float = 0.0
    # count_false_cutoffs() on requests with a pause mid-sentence, when run.
    pauses: dict | None = None
    # False for the stock pipeline, which has no intent stage to split the turns by.
    has_intent_stage: bool = True

    def summary(self) -> dict:
        """p50/p90/p99 per stage, word error rate, CPU use and peak memory."""
        stages = {}
        for stage in STAGES:
            values = [s.timings_ms[stage] for s in self.samples
                      if s.timings_ms.get(stage) is not None]
            stages[stage] = ({f"p{q}": round(float(np.percentile(values, q)), 1)
                              for q in (50, 90, 99)} | {"n": len(values)}) if values else {}
        # The intent stage answers some requests with no model (a computed answer or an
        # honest "I can't … yet"): their voice to voice is shown apart from the model's.
        # Its decision is a pure function of the transcript, so it is made again here.
        by_answerer = {}
        for name, picked in (("intents", True), ("model", False)) if self.has_intent_stage else ():
            values = [s.timings_ms["voice_to_voice"] for s in self.samples
                      if s.timings_ms.get("voice_to_voice") is not None
                      and (answer_directly(s.transcript) is not None) == picked]
            if values:
                by_answerer[name] = {f"p{q}": round(float(np.percentile(values, q)), 1)
                                     for q in (50, 90)} | {"n": len(values)}
        refs = [s.text for s in self.samples]
        hyps = [s.transcript for s in self.samples]
        errors, words = word_errors(refs, hyps) if refs else (0, 0)
        return {
            "utterances": len(self.samples),
            "stages_ms": stages,
            "voice_to_voice_by_answerer_ms": by_answerer,
            "word_error_rate": round(errors / words, 3) if words else None,
            # The rate's two counts: 0.033 against 0.024 may be four words against three.
            "word_errors": errors,
            "reference_words": words,
            "unanswered": sum(1 for s in self.samples if not s.reply),
            "cpu_percent": round(100 * self.cpu_s / self.wall_s, 1) if self.wall_s else None,
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "wall_s": round(self.wall_s, 1),
        } | ({"pauses": self.pauses} if self.pauses else {})

    def to_json(self) -> dict:
        """Summary plus every sample."""
        return {"summary": self.summary(), "samples": [s.__dict__ for s in self.samples]}


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def run_benchmark(engines: Engines, corpus: list[Utterance], *, repeat: int = 1,
                        warmup: int = 1,
                        progress: Callable[[int, int], None] | None = None,
                        build=None) -> BenchResult:
    """Feed each utterance `repeat` times through a fresh conversation; warm-ups not counted."""
    extra = {"build": build} if build else {}
    extra["until_reply_starts"] = True
    for utterance in corpus[:warmup]:
        await converse_samples(engines, utterance.samples, **extra)
    result = BenchResult()
    total = len(corpus) * repeat
    started, cpu = time.monotonic(), _cpu_s()
    for round_ in range(repeat):
        for i, utterance in enumerate(corpus):
            run = await converse_samples(engines, utterance.samples, **extra)
            document = run.to_json()
            result.samples.append(Sample(utterance.name, utterance.text, run.transcript,
                                         run.reply, document["timings_ms"], document["route"],
                                         document["offsets_ms"]))
            if progress:
                progress(round_ * len(corpus) + i + 1, total)
    result.wall_s, result.cpu_s = time.monotonic() - started, _cpu_s() - cpu
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


async def count_false_cutoffs(engines: Engines, utterances: list[Utterance], *,
                              build=None) -> dict:
    """Requests with a pause in the middle: how often the turn ended at the pause.

    A cut-off is a first answered turn that ended before the second half of the
    request began: the appliance started answering half a sentence. Answered whole:
    the reply to the last thing heard heard most of the request's words (a cut-off
    the user went on with is heard again whole, see `turns.resumed`).
    """
    extra = {"build": build} if build else {}
    cut, whole = [], 0
    for utterance in utterances:
        run = await converse_samples(engines, utterance.samples, until_reply_starts=True,
                                     last_reply=True, **extra)
        if ended_before_tail(run.turns, utterance, engines.settings.turns.vad_start_s):
            cut.append(utterance.name)
        answered = [t for t in run.turns if t.reply]
        whole += bool(answered) and heard_most_of(answered[-1].transcript, utterance.text)
    return {"utterances": len(utterances), "false_cutoffs": len(cut), "cut": cut,
            "answered_whole": whole, "pause_s": PAUSE_S}


def heard_most_of(transcript: str, said: str, share: float = 0.6) -> bool:
    """Whether `transcript` holds at least `share` of the words of `said` ("10" is not "ten")."""
    words = re.findall(r"[a-z0-9']+", said.lower())
    heard = set(re.findall(r"[a-z0-9']+", transcript.lower()))
    return bool(words) and sum(w in heard for w in words) >= share * len(words)


def ended_before_tail(turns, utterance: Utterance, vad_start_s: float) -> bool:
    """True when the first answered turn ended before the utterance's second half began."""
    first = next((t for t in turns if t.reply), None)
    if first is None or first.speech_started_ns is None or first.turn_end_ns is None:
        return False
    # The VAD reports speech start vad_start_s after it began.
    head_start_ns = first.speech_started_ns - int(vad_start_s * 1e9)
    return first.turn_end_ns < head_start_ns + int(utterance.tail_offset_s * 1e9)


def compare(ours: dict, stock: dict) -> dict:
    """The headline: how many times faster than stock pipecat at p50 and p90."""
    def ratio(q: str) -> float | None:
        a = ours["stages_ms"]["voice_to_voice"].get(q)
        b = stock["stages_ms"]["voice_to_voice"].get(q)
        return round(b / a, 2) if a and b else None

    return {"voice_to_voice_speedup_p50": ratio("p50"),
            "voice_to_voice_speedup_p90": ratio("p90")}


def format_table(summary: dict) -> str:
    """The terminal table."""
    lines = [f"{'stage':<16}{'p50 ms':>10}{'p90 ms':>10}{'p99 ms':>10}{'n':>5}"]
    for stage, figures in summary["stages_ms"].items():
        if figures:
            lines.append(f"{stage:<16}{figures['p50']:>10.0f}{figures['p90']:>10.0f}"
                         f"{figures['p99']:>10.0f}{figures['n']:>5}")
        else:
            lines.append(f"{stage:<16}{'-':>10}{'-':>10}{'-':>10}{0:>5}")
    for name, figures in summary.get("voice_to_voice_by_answerer_ms", {}).items():
        who = "intent stage" if name == "intents" else "a model"
        lines.append(f"voice to voice, answered by {who}: p50 {figures['p50']:.0f} ms  "
                     f"p90 {figures['p90']:.0f} ms  (n={figures['n']})")
    if "pauses" in summary:
        p = summary["pauses"]
        lines.append(f"false cut-offs  {p['false_cutoffs']}/{p['utterances']} requests with a "
                     f"{p['pause_s']} s pause in the middle; answered whole "
                     f"{p.get('answered_whole', '-')}/{p['utterances']}")
    counts = (f" ({summary['word_errors']} of {summary['reference_words']} words)"
              if "word_errors" in summary else "")
    lines.append(f"word error rate {summary['word_error_rate']}{counts}  unanswered "
                 f"{summary['unanswered']}/{summary['utterances']}  CPU "
                 f"{summary['cpu_percent']}%  peak RSS {summary['peak_rss_mb']} MB")
    return "\n".join(lines)

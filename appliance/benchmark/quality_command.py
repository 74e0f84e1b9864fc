"""`appliance bench --quality`: answer quality beside latency, spoken (default) or typed."""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

from appliance.benchmark.conversations import CONVERSATIONS
from appliance.benchmark.corpus import VOICES
from appliance.benchmark.questions import QUESTIONS


def _rate(tally: dict) -> str:
    if not tally.get("scored"):
        return "-"
    return f"{100 * tally['rate']:.1f}% ({tally['correct']} of {tally['scored']})"


def format_quality(summary: dict) -> str:
    """The terminal table for a quality run."""
    singles, talks = summary["single_questions"], summary["conversations"]
    lines = [f"single questions     {_rate(singles['accuracy'])}"]
    lines += [f"  {group:<18} {_rate(t)}" for group, t in singles["by_group"].items()]
    lines += [f"conversations        {_rate(talks['accuracy'])}",
              f"  follow-ups resolved {_rate(talks['follow_ups_resolved'])}",
              f"degenerate replies   {singles['degenerate'] + talks['degenerate']} of "
              f"{singles['replies'] + talks['replies']}"]
    if "false_cutoffs" in summary:
        lines.append(f"false cut-offs       {summary['false_cutoffs']} turns answered before "
                     f"the speech ended")
    if "word_error_rate" in summary:
        lines.append(f"word error rate      {summary['word_error_rate']} "
                     f"({summary['word_errors']} of {summary['reference_words']} words)")
    for key, name in (("voice_to_voice_client_ms", "voice to voice, client"),
                      ("voice_to_voice_service_ms", "voice to voice, service")):
        figures = summary.get(key)
        if figures and figures.get("n"):
            lines.append(f"{name:<23} p50 {figures['p50']:.0f} ms  p90 {figures['p90']:.0f} ms"
                         f"  p99 {figures['p99']:.0f} ms  (n={figures['n']})")
    if "reply_ms_p50" in summary:
        lines.append(f"typed reply, whole    p50 {summary['reply_ms_p50']:.0f} ms")
    return "\n".join(lines)


def run_quality(args: argparse.Namespace, settings) -> tuple[dict, str]:
    """Run the quality benchmark the arguments ask for; returns its JSON and its table."""
    from tqdm import tqdm

    questions = QUESTIONS[: args.limit] if args.limit is not None else QUESTIONS
    conversations = (CONVERSATIONS[: args.conversations] if args.conversations is not None
                     else CONVERSATIONS)
    total = len(questions) + sum(len(c.turns) for c in conversations)
    bar = tqdm(total=total, desc="questions", unit="q", file=sys.stderr)
    progress = lambda done, _: bar.update(done - bar.n)  # noqa: E731
    try:
        if args.typed:
            document = _typed(settings, questions, conversations, progress)
        else:
            document = _spoken(args, settings, questions, conversations, progress)
    finally:
        bar.close()
    table = format_quality(document["summary"])
    if "stock_pipecat" in document:
        stock = document["stock_pipecat"]
        figures = stock["voice_to_voice_service_ms"]
        table += (f"\n\nstock pipecat, same models and prompt, single questions:\n"
                  f"single questions     {_rate(stock['single_questions']['accuracy'])}\n"
                  f"word error rate      {stock['word_error_rate']} ({stock['word_errors']} of "
                  f"{stock['reference_words']} words)\n"
                  f"voice to voice, service p50 {figures.get('p50', 0):.0f} ms  "
                  f"p90 {figures.get('p90', 0):.0f} ms")
    return document, table


def _typed(settings, questions, conversations, progress) -> dict:
    import numpy as np

    from appliance.benchmark.answer_quality import run_typed_quality
    from appliance.pipeline import load_engines

    # Timers the questions set live and die with the run, never in the user's home.
    scratch = tempfile.TemporaryDirectory(prefix="appliance-bench-timers-")
    settings = settings.model_copy(update={"intents": settings.intents.model_copy(
        update={"timers_path": Path(scratch.name) / "timers.json"})})
    engines = load_engines(settings)

    async def main():
        try:
            return await run_typed_quality(engines, questions, conversations, progress=progress)
        finally:
            await engines.aclose()

    run = asyncio.run(main())
    scratch.cleanup()
    summary = run.summary()
    if run.reply_ms:
        summary["reply_ms_p50"] = round(float(np.percentile(run.reply_ms, 50)), 1)
    return {"summary": summary,
            "singles": [r.__dict__ for r in run.singles],
            "conversations": [r.__dict__ for r in run.conversations]}


def _spoken(args, settings, questions, conversations, progress) -> dict:
    from appliance.benchmark.corpus import voice_onnx
    from appliance.benchmark.spoken_quality import (
        run_spoken_quality,
        speak_conversation,
        speak_questions,
    )

    voice = voice_onnx(settings)
    singles = speak_questions(voice, questions)
    talks = [speak_conversation(voice, c, VOICES[i % len(VOICES)])
             for i, c in enumerate(conversations)]
    run = run_spoken_quality(singles, talks, config=args.config, models_dir=args.models_dir,
                             progress=progress)
    document = run.to_json()
    if args.compare:
        from appliance.benchmark.stock_quality import run_stock_quality

        document["stock_pipecat"] = run_stock_quality(settings, singles)
    return document

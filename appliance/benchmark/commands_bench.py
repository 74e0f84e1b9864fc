"""`bench --commands`: are spoken commands recognised and acted on, and how fast.

Each command of the set (and each near miss) is synthesized in the voice rotation
of the quality benchmark, spoken to `appliance serve` in its own conversation, and
judged by the turn's route: which intent acted (or none) and, for a timer, whether
the reply says the duration and name asked for. `--typed` sends the text to the
same stage without audio, to separate the grammar's misses from the hearing's.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from appliance.benchmark.command_corpus import COMMANDS, DEVICE_DECLINED, NEAR_MISSES, CommandCase
from appliance.benchmark.questions import Question
from appliance.benchmark.sessions import ServiceProcess
from appliance.benchmark.spoken_quality import _connect, _say_and_listen, speak_questions
from appliance.benchmark.wer import word_errors
from appliance.intents.commands import DEVICE_INTENTS
from appliance.intents.handlers import NO_DEVICES
from appliance.intents.timers import spoken_duration

_SAME = {"HassGetCurrentTime": "time", "HassGetCurrentDate": "date"}


@dataclass
class CommandResult:
    """What one utterance got: the outcome, the reply, and how long it took."""

    text: str
    expected: str | None
    outcome: str | None
    correct: bool
    reply: str
    transcript: str = ""
    voice: str = ""
    client_ms: float | None = None


def outcome_of(route: dict) -> str | None:
    """What the intent stage did with a turn, from its LLM route record; None: the LLM."""
    if route.get("provider") != "intents":
        return None
    reason = str(route.get("reason", ""))
    if reason.startswith("command: "):
        intent = reason.removeprefix("command: ")
        return _SAME.get(intent, intent)
    if "cannot do yet (device)" in reason:
        return DEVICE_DECLINED
    kind = reason.removeprefix("computed answer: ")
    return kind if kind in ("time", "date") else f"computed: {kind}"


def judge(case: CommandCase, outcome: str | None, reply: str) -> bool:
    """Right intent (or rightly none), and a timer's duration and name said back."""
    if case.intent is None:
        # A computed answer ("60 minutes in an hour") is fine; an action or a decline is not.
        return outcome is None or outcome.startswith("computed: ") and "cannot do" not in outcome
    if case.intent == DEVICE_DECLINED and outcome in DEVICE_INTENTS:
        outcome = DEVICE_DECLINED if reply == NO_DEVICES else outcome  # matched, then declined
    if outcome != case.intent:
        return False
    said = reply.lower()
    if case.seconds is not None and spoken_duration(case.seconds) not in said:
        return False
    return case.name is None or case.name in said


def summarise(results: Sequence[CommandResult]) -> dict:
    """Accuracy on commands, false matches on near misses, hearing and latency."""
    commands = [r for r in results if r.expected is not None]
    near = [r for r in results if r.expected is None]
    wrong = Counter(f"{r.expected} -> {r.outcome}" for r in commands if not r.correct)
    by_intent: dict[str, list[int]] = {}
    for r in commands:
        tally = by_intent.setdefault(r.expected, [0, 0])
        tally[0] += r.correct
        tally[1] += 1
    summary = {
        "commands": {"correct": sum(r.correct for r in commands), "total": len(commands),
                     "rate": round(sum(r.correct for r in commands) / len(commands), 3)
                     if commands else None},
        "near_misses": {"false_matches": sum(not r.correct for r in near), "total": len(near)},
        "by_intent": {k: f"{c}/{n}" for k, (c, n) in sorted(by_intent.items())},
        "mistakes": dict(wrong.most_common()),
    }
    timed = [r.client_ms for r in commands if r.client_ms is not None and r.outcome]
    if timed:
        summary["voice_to_voice_client_ms"] = {
            f"p{q}": round(float(np.percentile(timed, q)), 1) for q in (50, 90, 99)
        } | {"n": len(timed)}
    heard = [r for r in results if r.transcript]
    if heard:
        errors, words = word_errors([r.text for r in heard], [r.transcript for r in heard])
        summary["word_error_rate"] = round(errors / words, 3) if words else None
    return summary


def format_commands(summary: dict) -> str:
    """The terminal table."""
    c, n = summary["commands"], summary["near_misses"]
    lines = [f"commands right       {c['correct']} of {c['total']} ({100 * (c['rate'] or 0):.1f}%)",
             f"near misses matched  {n['false_matches']} of {n['total']} (should be 0)"]
    lines += [f"  {intent:<22} {tally}" for intent, tally in summary["by_intent"].items()]
    if summary["mistakes"]:
        lines.append("mistakes: " + "; ".join(f"{k} ({v})" for k, v in summary["mistakes"].items()))
    if "word_error_rate" in summary:
        lines.append(f"word error rate      {summary['word_error_rate']}")
    if figures := summary.get("voice_to_voice_client_ms"):
        lines.append(f"voice to voice, client  p50 {figures['p50']:.0f} ms  "
                     f"p90 {figures['p90']:.0f} ms  p99 {figures['p99']:.0f} ms  "
                     f"(n={figures['n']}, command turns)")
    return "\n".join(lines)


async def run_typed(settings, cases: Sequence[CommandCase],
                    progress: Callable[[int], None] = lambda n: None) -> list[CommandResult]:
    """Each case's text through the intent stage, no audio; timers in a scratch file."""
    from appliance.intents.chat import DirectAnswerChatModel
    from appliance.intents.stage import build_commands
    from appliance.llm import FakeChatModel

    results = []
    with tempfile.TemporaryDirectory(prefix="appliance-bench-timers-") as scratch:
        intents = settings.intents.model_copy(
            update={"timers_path": Path(scratch) / "timers.json"})
        commands = build_commands(intents)
        for i, case in enumerate(cases):
            reasons: list[str] = []
            stage = DirectAnswerChatModel(FakeChatModel([""]), commands=commands.stage(None),
                                          on_answer=lambda reason, _kind, said=reasons:
                                          said.append(reason))
            reply = "".join([c.text async for c in stage.stream(
                [{"role": "user", "content": case.text}], max_tokens=16, temperature=0)])
            route = {"provider": "intents", "reason": reasons[0]} if reasons else {}
            outcome = outcome_of(route)
            results.append(CommandResult(case.text, case.intent, outcome,
                                         judge(case, outcome, reply), reply))
            progress(i + 1)
        await commands.aclose()
    return results


def run_spoken(voice_onnx: Path, cases: Sequence[CommandCase], *, config: str | None,
               models_dir: str | None, progress: Callable[[int], None] = lambda n: None,
               seed: int = 17) -> list[CommandResult]:
    """Each case spoken to `appliance serve` in its own conversation, voices in rotation."""
    turns = speak_questions(voice_onnx, [Question(c.text, (), "commands", "") for c in cases],
                            seed=seed)
    results = []
    with ServiceProcess(1, config, models_dir) as service:

        async def main() -> None:
            for i, (case, turn) in enumerate(zip(cases, turns, strict=True)):
                async with await _connect(service.url) as ws:
                    json.loads(await ws.recv())  # hello
                    event, client_ms = await _say_and_listen(ws, turn)
                reply = (event.get("reply") or "").strip()
                outcome = outcome_of((event.get("route") or {}).get("llm") or {})
                results.append(CommandResult(
                    case.text, case.intent, outcome, judge(case, outcome, reply), reply,
                    event.get("transcript") or "", turn.voice, client_ms))
                progress(i + 1)

        asyncio.run(main())
    return results


def run_commands_bench(args, settings) -> tuple[dict, str]:
    """What `appliance bench --commands` runs: the JSON document and the table."""
    import sys

    from tqdm import tqdm

    cases = COMMANDS + NEAR_MISSES
    if args.limit is not None:
        cases = cases[: args.limit]
    bar = tqdm(total=len(cases), desc="commands", unit="cmd", file=sys.stderr)
    try:
        if args.typed:
            results = asyncio.run(run_typed(settings, cases, lambda n: bar.update(n - bar.n)))
        else:
            from appliance.benchmark.corpus import voice_onnx

            results = run_spoken(voice_onnx(settings), cases, config=args.config,
                                 models_dir=args.models_dir,
                                 progress=lambda n: bar.update(n - bar.n))
    finally:
        bar.close()
    summary = summarise(results)
    return {"summary": summary, "results": [asdict(r) for r in results]}, \
        format_commands(summary)

"""`bench --agents`: spoken multi-step tasks, the front desk's agents against one assistant.

Each task is a short conversation ("Where is order 4021?" … "Please refund 12 dollars for
it."), said by the Piper voice to `appliance serve` over the WebSocket at real-time pace.
A task succeeds when every step did what was asked: the refunds ledger holds exactly the
refunds asked for (none when the policy must refuse), and each answer that must name
something does. Run once with the front-desk agents and once with one assistant with the
same tools and no agents. Reported: task success, the LLM prompt's size per turn (tokens,
from each turn's route), and the client's voice-to-voice time of turns handed to another
agent than the turn before.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from appliance.benchmark.corpus import synthesize
from appliance.benchmark.sessions import ServiceProcess
from appliance.benchmark.spoken_quality import SpokenTurn, _connect, _say_and_listen

RESULTS_FILE = Path(__file__).resolve().parents[2] / "bench" / "results" / "agents.json"
FRONT_DESK = Path(__file__).resolve().parents[1] / "examples" / "front-desk.toml"
VOICE = "piper:1.0"
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Step:
    """One thing said, and what its answer must name (any of; empty: anything)."""

    said: str
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """A conversation and the refunds it must leave in the ledger: (order, dollars)."""

    steps: tuple[Step, ...]
    refunds: tuple[tuple[str, float], ...] = ()


def _task(*steps: str | tuple[str, tuple[str, ...]], refunds=()) -> Task:
    return Task(tuple(Step(s) if isinstance(s, str) else Step(*s) for s in steps),
                tuple(refunds))


REFUSED = ("1,000", "1000", "thousand")
TASKS = (
    _task("Hi, good morning!", "Where is order 4021?", "Please refund 12 dollars for it.",
          refunds=[("4021", 12)]),
    _task(("What is the capital of Japan?", ("tokyo",)),
          "Thanks! Now refund 30 dollars for order 77.", refunds=[("77", 30)]),
    _task("Check order 1234, then refund the shipping fee of 8 dollars.",
          refunds=[("1234", 8)]),
    _task("My parcel for order 5150 never arrived.", "Refund 25 dollars for that order.",
          refunds=[("5150", 25)]),
    _task(("Who wrote Romeo and Juliet?", ("shakespeare",)),
          ("And what is the capital of Italy?", ("rome",))),
    _task("Order 900 arrived broken.", "I want 40 dollars back for it.", refunds=[("900", 40)]),
    _task("Tell me a joke.", "Where is order 3300?", "Refund 15 dollars for it, please.",
          refunds=[("3300", 15)]),
    _task(("How many legs does a spider have?", ("eight", "8")),
          "Refund 10 dollars for order 61.", refunds=[("61", 10)]),
    _task(("Refund 2000 dollars for order 42.", REFUSED)),
    _task(("What is the largest ocean on Earth?", ("pacific",)), "Good, thank you."),
    _task("Where is my order 7788?", "It's late. Refund 5 dollars for it.",
          refunds=[("7788", 5)]),
    _task("Hello!", ("What language is spoken in Brazil?", ("portuguese",))),
    _task("Order 2468 came damaged, refund 18 dollars.", refunds=[("2468", 18)]),
    _task("Cancel my order 135, please.", "Then refund 22 dollars for it.",
          refunds=[("135", 22)]),
    _task(("What is the tallest mountain in the world?", ("everest",)),
          "Refund 9 dollars for order 31.", refunds=[("31", 9)]),
    _task(("Refund 5000 dollars for order 8.", REFUSED)),
    _task("Where is order 5005?", ("What is the capital of Spain?", ("madrid",)),
          "Refund 14 dollars for order 5005.", refunds=[("5005", 14)]),
    _task("Thanks for your help.", "Refund 11 dollars for order 640.", refunds=[("640", 11)]),
    _task("My parcel with order 3131 hasn't come.", "Refund 16 dollars for it.",
          "Thank you!", refunds=[("3131", 16)]),
    _task(("Who painted the Mona Lisa?", ("vinci", "leonardo")),
          "Where is order 2020?", "Refund 7 dollars for it.", refunds=[("2020", 7)]),
)
SINGLE = "[tools]\nenabled = true\n"
# The default policy's daily limits count every task's refunds for the one caller the
# benchmark is, so from the fourth refund on each would wait for a person: each task is
# one customer here, with the per-call rules kept.
POLICY = """
[[governance.policy.rules]]
tool = "issue_refund"
action = "deny"
arguments = { amount_usd = { above = 1000 } }
explanation = "Sorry, I can't refund more than 1,000 dollars; a person has to handle that."

[[governance.policy.rules]]
tool = "issue_refund"
action = "approve"
arguments = { amount_usd = { above = 100 } }
"""


def _ledger(state: Path) -> list[tuple[str, float]]:
    path = state / "refunds.jsonl"
    if not path.exists():
        return []
    return [(str(r["order_id"]).upper(), float(r["amount_usd"]))
            for r in map(json.loads, path.read_text().splitlines())]


async def _run_task(url: str, task: Task, turns: list[SpokenTurn], state: Path) -> dict:
    before = len(_ledger(state))
    steps, previous_agent = [], None
    async with await _connect(url) as ws:
        hello = json.loads(await ws.recv())
        if hello.get("type") != "hello":
            raise RuntimeError(f"unexpected first message from the service: {hello}")
        for step, turn in zip(task.steps, turns, strict=True):
            event, client_ms = await _say_and_listen(ws, turn)
            route = event.get("route") or {}
            agent = (route.get("agent") or {}).get("provider")
            reply = (event.get("reply") or "").strip()
            named = not step.names or any(n in reply.lower() for n in step.names)
            steps.append({"said": step.said, "heard": event.get("transcript"), "reply": reply,
                          "agent": agent, "named": named, "client_ms": client_ms,
                          "handoff": previous_agent is not None and agent != previous_agent,
                          "prompt_tokens": (route.get("llm") or {}).get("prompt_tokens")})
            previous_agent = agent
    refunds = _ledger(state)[before:]
    wanted = sorted((order.upper(), float(usd)) for order, usd in task.refunds)
    return {"steps": steps, "refunds": refunds, "wanted": wanted,
            "success": sorted(refunds) == wanted and all(s["named"] for s in steps)}


def run_config(voice_onnx: Path, config: Path, models_dir: str | None,
               progress: Progress | None, label: str) -> dict:
    """Every task against one `appliance serve` with `config`."""
    rng = np.random.default_rng(19)
    spoken = [[SpokenTurn(s.said, (), "agents", i > 0, VOICE,
                          *synthesize(voice_onnx, s.said, VOICE, rng=rng, lead_s=0.3))
               for i, s in enumerate(task.steps)] for task in TASKS]
    results = []
    with ServiceProcess(1, str(config), models_dir) as service:
        for n, (task, turns) in enumerate(zip(TASKS, spoken, strict=True)):
            results.append(asyncio.run(_run_task(service.url, task, turns,
                                                 service.state_dir)))
            if progress:
                progress(label, n + 1, len(TASKS))
    return {"tasks": results, "summary": _summary(results)}


def _summary(results: list[dict]) -> dict:
    steps = [s for r in results for s in r["steps"]]
    tokens = [s["prompt_tokens"] for s in steps if s["prompt_tokens"] is not None]
    handoffs = [s["client_ms"] for s in steps if s["handoff"] and s["client_ms"] is not None]
    others = [s["client_ms"] for s in steps if not s["handoff"] and s["client_ms"] is not None]

    def pct(values: list[float], q: int) -> float | None:
        return round(float(np.percentile(values, q)), 1) if values else None

    return {"tasks": len(results), "succeeded": sum(r["success"] for r in results),
            "turns": len(steps), "llm_turns": len(tokens),
            "prompt_tokens_mean": round(float(np.mean(tokens)), 1) if tokens else None,
            "prompt_tokens_max": max(tokens) if tokens else None,
            "handoff_turns": len(handoffs), "handoff_client_ms_p50": pct(handoffs, 50),
            "handoff_client_ms_p90": pct(handoffs, 90),
            "other_client_ms_p50": pct(others, 50), "other_client_ms_p90": pct(others, 90)}


def run_agents_benchmark(voice_onnx: Path, models_dir: str | None = None,
                         progress: Progress | None = None) -> dict:
    """The front desk's agents, then one assistant with the same tools; writes RESULTS_FILE."""
    with tempfile.TemporaryDirectory(prefix="appliance-agents-bench-") as folder:
        desk, single = Path(folder) / "front-desk.toml", Path(folder) / "single.toml"
        desk.write_text(FRONT_DESK.read_text() + POLICY)
        single.write_text(SINGLE + POLICY)
        report = {"agents": run_config(voice_onnx, desk, models_dir, progress, "agents"),
                  "single": run_config(voice_onnx, single, models_dir, progress, "single")}
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(report, indent=1) + "\n")
    return report


def format_report(report: dict) -> str:
    """One line per run."""
    lines = []
    for name, run in report.items():
        s = run["summary"]
        lines.append(
            f"{name}: {s['succeeded']}/{s['tasks']} tasks done; LLM prompt "
            f"{s['prompt_tokens_mean']} tokens a turn on average (max {s['prompt_tokens_max']}); "
            f"voice-to-voice p50/p90 {s['handoff_client_ms_p50']}/{s['handoff_client_ms_p90']} "
            f"ms on {s['handoff_turns']} handoff turns, {s['other_client_ms_p50']}/"
            f"{s['other_client_ms_p90']} ms on the others")
    return "\n".join(lines)

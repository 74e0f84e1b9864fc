"""Typed turns: the voice pipeline's LLM stage answering text, with no audio.

The same stage the voice pipeline runs (commands, computed answers, tools when
enabled, the routed model, the reply guard). The benchmark's typed quality run
and the Wyoming `handle` service (Home Assistant sends the transcript, the
appliance answers in text) use it.
"""

from __future__ import annotations

import asyncio
import time

from pipecat.frames.frames import EndFrame, Frame, LLMContextFrame, LLMTextFrame
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineWorker
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor
from pipecat.tests.utils import QueuedFrameProcessor
from pipecat.workers.runner import WorkerRunner

from appliance.agents import AgentMemory
from appliance.pipeline import build_llm_stage
from appliance.routing.router import RouteLog
from appliance.runtime.engines import Engines
from appliance.tools.registry import CallContext


async def answer_typed(engines: Engines, context: LLMContext, text: str, *,
                       session_id: str | None = None, caller: str | None = None,
                       agent_memory: AgentMemory | None = None) -> tuple[str, float, dict]:
    """Add `text` as the user turn, answer it and keep the answer in `context`.

    Returns the reply, how long it took (ms) and the LLM stage's route record
    (`provider` "intents" when a command or computed answer gave it; with agents
    configured, `agent` holds the supervisor's choice). Tool limits
    are counted for `caller`, else for the session. Keep one `agent_memory` per
    conversation for its agents to know who served the turns before.
    """
    context.add_message({"role": "user", "content": text})
    log = RouteLog()
    llm = build_llm_stage(engines, log, session_id=session_id, call_context=lambda: CallContext(
        session_id=session_id, caller=caller), agent_memory=agent_memory)
    started = time.monotonic()
    down = await _run_stage(llm, LLMContextFrame(context=context))
    reply = "".join(f.text for f in down if isinstance(f, LLMTextFrame)).strip()
    ms = 1000 * (time.monotonic() - started)
    context.add_message({"role": "assistant", "content": reply})
    routes = log.take(("agent", "llm"))
    route = routes.get("llm", {})
    return reply, ms, ({**route, "agent": routes["agent"]} if "agent" in routes else route)


async def _run_stage(stage: FrameProcessor, frame: Frame) -> list[Frame]:
    """Run `stage` alone on `frame`; the frames it sent on.

    As pipecat's `run_test` harness does, but without taking over SIGINT: a typed turn
    runs inside `appliance serve` (the Wyoming service, the agent API), on any thread,
    and Ctrl-C must still stop the service.
    """
    received: asyncio.Queue = asyncio.Queue()
    sink = QueuedFrameProcessor(queue=received, queue_direction=FrameDirection.DOWNSTREAM)
    worker = PipelineWorker(Pipeline([stage, sink]), cancel_on_idle_timeout=False,
                            enable_rtvi=False)
    started = asyncio.Event()

    @worker.event_handler("on_pipeline_started")
    async def _started(_worker, _frame):
        started.set()

    async def send() -> None:
        await asyncio.wait_for(started.wait(), timeout=30)
        await worker.queue_frame(frame)
        await worker.queue_frame(EndFrame())

    runner = WorkerRunner(handle_sigint=False)
    await runner.add_workers(worker)
    await asyncio.gather(runner.run(), send())
    frames = []
    while not received.empty():
        frames.append(received.get_nowait())
    return frames

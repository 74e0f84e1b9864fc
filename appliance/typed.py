"""Typed turns: the voice pipeline's LLM stage answering text, with no audio.

The same stage the voice pipeline runs (commands, computed answers, tools when
enabled, the routed model, the reply guard). The benchmark's typed quality run
and the Wyoming `handle` service (Home Assistant sends the transcript, the
appliance answers in text) use it.
"""

from __future__ import annotations

import time

from pipecat.frames.frames import LLMContextFrame, LLMTextFrame
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.tests.utils import run_test

from appliance.agents import AgentMemory
from appliance.engines import Engines
from appliance.pipeline import build_llm_stage
from appliance.routing.router import RouteLog
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
    # pipecat's own harness runs one processor on one frame: the stage needs no transport.
    down, _ = await run_test(llm, frames_to_send=[LLMContextFrame(context=context)])
    reply = "".join(f.text for f in down if isinstance(f, LLMTextFrame)).strip()
    ms = 1000 * (time.monotonic() - started)
    context.add_message({"role": "assistant", "content": reply})
    routes = log.take(("agent", "llm"))
    route = routes.get("llm", {})
    return reply, ms, ({**route, "agent": routes["agent"]} if "agent" in routes else route)

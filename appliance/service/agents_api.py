"""`POST /v1/agents/{name}/turn`: one of this appliance's agents serves another appliance.

The caller (a client token) sends one turn's words and the slots the agent declared;
the agent answers here as it would a local turn (commands, its tools under this
appliance's policy, its model), and the turn is audited here as an `agent_turn`
record with the caller's token id. Nothing else of the caller's conversation arrives.
"""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from pipecat.processors.aggregators.llm_context import LLMContext
from pydantic import Field

from appliance.agents import AgentMemory
from appliance.apps.typed import answer_typed
from appliance.governance.masking import mask_exchange
from appliance.runtime.engines import Engines
from appliance.service.openai_api import OpenAIAPIError, _parse_json, _Request


class _AgentTurn(_Request):
    text: str = Field(min_length=1, max_length=2000)
    slots: dict[str, str | float] = Field(default_factory=dict, max_length=8)
    session: str = Field("", max_length=64)


async def agent_turn(engines: Engines, request: Request) -> Response:
    """Serve one turn of the named agent for another appliance; audit it here."""
    name = request.path_params["name"]
    agents = {agent.name: agent for agent in engines.settings.agents}
    if name not in agents:
        raise OpenAIAPIError(404, f"no agent called {name!r} here; this appliance has: "
                             f"{', '.join(agents) or 'no agents'}", code="agent_not_found")
    body = await _parse_json(request, _AgentTurn)
    caller = request.state.caller
    # Only the slots this agent declares are taken; anything else sent is dropped.
    slots = {k: v for k, v in body.slots.items() if k in agents[name].slots}
    memory = AgentMemory(slots=slots, pinned=name)
    session = f"agent-api:{caller.token_id}:{body.session}"
    reply, ms, route = await answer_typed(engines, LLMContext(), body.text, session_id=session,
                                          caller=caller.token_id, agent_memory=memory)
    if engines.audit is not None:
        text, masked_reply = mask_exchange(body.text, reply)
        await engines.audit.append_async(
            "agent_turn", {"agent": name, "caller": caller.token_id, "route": route,
                           "slots": sorted(slots), "ms": round(ms, 1)},
            sensitive={"text": text, "reply": masked_reply}, session_id=session)
    return JSONResponse({"agent": name, "reply": reply, "route": route})

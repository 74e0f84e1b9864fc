"""Operator endpoints: reload, the settings in force, provider health, demote and promote.

Reloading needs the "configure" permission (operators): it changes where user data
may go. Reading the routes needs "read" (viewers and operators).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from appliance.config import ConfigError
from appliance.modelstore import ModelStoreError
from appliance.ops.events import ProviderEvent
from appliance.service.bodies import json_object
from appliance.service.deps import Loaded, Operator, Reader, State

router = APIRouter(prefix="/admin")


@router.post("/reload")
async def reload(_caller: Operator, _engines: Loaded, state: State):
    """Re-read the settings file and swap providers before the next turn."""
    try:
        providers = await state.reloader.reload()
    except (ConfigError, ModelStoreError) as e:
        return JSONResponse({"reloaded": False, "error": str(e)}, status_code=400)
    return {"reloaded": True, "providers": providers}


@router.get("/routes")
async def routes(_caller: Reader, engines: Loaded):
    """Every provider's statistics, breaker and demotion state, and today's spending."""
    return {
        "routers": {role: r.snapshot() for role, r in engines.routers.items()},
        "cost": engines.ledger.snapshot(),
    }


@router.post("/providers/{role}/{name}")
async def provider_action(role: str, name: str, request: Request, caller: Operator,
                          engines: Loaded, state: State):
    """Body {"action": "demote" | "promote"}: an operator overrides the router's choice."""
    action = (await json_object(request)).get("action")
    if action not in ("demote", "promote"):
        return JSONResponse({"error": 'send a JSON body {"action": "demote"} or '
                                      '{"action": "promote"}'}, status_code=400)
    router_ = engines.routers.get(role)
    if router_ is None or name not in router_.slots:
        known = {r: list(x.slots) for r, x in engines.routers.items()}
        return JSONResponse({"error": f"no {role!r} provider {name!r}; the providers are "
                                      f"{known}"}, status_code=404)
    if action == "demote":
        router_.demote(name)
    else:
        router_.promote(name)
    who = f"{caller.name} (token {caller.token_id})"
    if engines.audit is not None:
        await engines.audit.append_async(
            "operator_action", {"action": action, "role": role, "provider": name, "by": who})
    state.feed.publish(ProviderEvent(action=action, role=role, provider=name, by=who))
    return {"role": role, "provider": name, "action": action, "by": who,
            "state": router_.snapshot()[name]}


@router.get("/config")
async def config(_caller: Reader, engines: Loaded):
    """The settings in force (no secrets live in them: keys come from the environment)."""
    return {"settings": engines.settings.model_dump(mode="json")}

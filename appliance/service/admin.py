"""Operator endpoints: reload the settings, and see each provider's health.

Reloading needs the "configure" permission (operators): it changes where user data
may go. Reading the routes needs "read" (viewers and operators).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from appliance.config import ConfigError
from appliance.modelstore import ModelStoreError
from appliance.service.auth import authorized


def admin_router(state) -> APIRouter:
    """POST /admin/reload and GET /admin/routes over `state` (a ServiceState)."""
    router = APIRouter(prefix="/admin")

    def refused(request: Request, permission: str) -> JSONResponse | None:
        if isinstance(caller := authorized(state, request, permission), JSONResponse):
            return caller
        if state.reloader is None:
            return JSONResponse({"error": "models are still loading"}, status_code=503)
        return None

    @router.post("/reload")
    async def reload(request: Request):
        """Re-read the settings file and swap providers before the next turn."""
        if response := refused(request, "configure"):
            return response
        try:
            providers = await state.reloader.reload()
        except (ConfigError, ModelStoreError) as e:
            return JSONResponse({"reloaded": False, "error": str(e)}, status_code=400)
        return {"reloaded": True, "providers": providers}

    @router.get("/routes")
    async def routes(request: Request):
        """Every provider's statistics, breaker and demotion state, and today's spending."""
        if response := refused(request, "read"):
            return response
        engines = state.engines
        return {
            "routers": {role: r.snapshot() for role, r in engines.routers.items()},
            "cost": engines.ledger.snapshot(),
        }

    return router

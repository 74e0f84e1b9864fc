"""A small Home Assistant on 127.0.0.1: its REST API's shape, its template functions.

Templates are rendered by Jinja2, as Home Assistant renders them, with the
functions the appliance uses (`states`, `area_name`); service calls change the
states and are recorded for the tests to read.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from types import SimpleNamespace

import jinja2
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from tests.remote.servers import free_port

TOKEN = "test-long-lived-token"


@dataclass
class FakeHome:
    """Entities: entity_id -> (friendly name, area, state, attributes)."""

    entities: dict[str, tuple[str, str | None, str, dict]] = field(default_factory=lambda: {
        "light.living_room_ceiling": ("Ceiling light", "Living Room", "off", {}),
        "light.living_room_lamp": ("Reading lamp", "Living Room", "off", {}),
        "light.desk_lamp": ("Desk lamp", "Office", "on", {}),
        "climate.hallway": ("Thermostat", "Hallway", "heat", {"current_temperature": 19.5}),
        "lock.front_door": ("Front door", "Hallway", "locked", {}),
        "sensor.outside": ("Outside temperature", None, "4", {}),
    })
    calls: list[tuple[str, str, dict]] = field(default_factory=list)

    def app(self) -> FastAPI:
        app = FastAPI()
        env = jinja2.Environment(autoescape=False)
        env.policies["json.dumps_kwargs"] = {"sort_keys": False}

        def authorised(request: Request) -> bool:
            return request.headers.get("authorization") == f"Bearer {TOKEN}"

        @app.post("/api/template")
        async def template(request: Request):
            if not authorised(request):
                return JSONResponse({"message": "Unauthorized"}, status_code=401)
            body = await request.json()
            states = [SimpleNamespace(entity_id=e, domain=e.split(".")[0], name=n, state=s)
                      for e, (n, _, s, _) in self.entities.items()]
            rendered = env.from_string(body["template"]).render(
                states=states, area_name=lambda e: self.entities[e][1])
            return PlainTextResponse(rendered)

        @app.post("/api/services/{domain}/{service}")
        async def service(domain: str, service: str, request: Request):
            if not authorised(request):
                return JSONResponse({"message": "Unauthorized"}, status_code=401)
            data = await request.json()
            self.calls.append((domain, service, data))
            new = {"turn_on": "on", "turn_off": "off", "lock": "locked", "unlock": "unlocked"}
            for entity in data.get("entity_id", []):
                name, area, _, attributes = self.entities[entity]
                self.entities[entity] = (name, area, new.get(service, "on"), attributes)
            return JSONResponse([])

        @app.get("/api/states/{entity_id}")
        async def state(entity_id: str, request: Request):
            if not authorised(request):
                return JSONResponse({"message": "Unauthorized"}, status_code=401)
            name, _, value, attributes = self.entities[entity_id]
            return JSONResponse({"entity_id": entity_id, "state": value,
                                 "attributes": {"friendly_name": name, **attributes}})

        return app


async def start_home(home: FakeHome) -> tuple[str, uvicorn.Server, asyncio.Task]:
    """Serve `home` on a free loopback port; (url, server, task)."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(home.app(), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve())
    async with asyncio.timeout(10):
        while not server.started:  # noqa: ASYNC110 - uvicorn offers no event to await
            await asyncio.sleep(0.01)
    return f"http://127.0.0.1:{port}", server, task

"""Device commands carried out by Home Assistant, through its REST API and the tool gates.

The appliance learns the devices' names and areas from Home Assistant itself (one
template rendered by `/api/template`), so "turn off the desk lamp" matches the
lamp the household named. Every action is a call of a registered tool, so the
same policy rules, human approval and audit trail apply as to any tool: a lock or
a garage door waits for a person by default.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
from loguru import logger

from appliance.intents.commands import Command
from appliance.tools.registry import CallContext, Tool, ToolRegistry

CONTROLLED = ("light", "switch", "fan", "cover", "climate", "media_player", "lock",
              "input_boolean", "valve")
# Opening a lock or a garage door lets people in: these wait for a person by default.
RISKY = ("lock", "cover", "valve", "alarm_control_panel")
_DEVICES_TEMPLATE = (
    "{% set ns = namespace(rows=[]) %}{% for s in states %}"
    "{% if s.domain in " + json.dumps(list(CONTROLLED)) + " %}"
    "{% set ns.rows = ns.rows + [[s.name, s.entity_id, area_name(s.entity_id)]] %}"
    "{% endif %}{% endfor %}{{ ns.rows | tojson }}")
_SERVICE_SCHEMA = {
    "type": "object",
    "properties": {
        "domain": {"type": "string", "pattern": "^[a-z_]+$"},
        "service": {"type": "string", "pattern": "^[a-z_]+$"},
        "entity_ids": {"type": "array", "items": {"type": "string",
                                                  "pattern": "^[a-z_]+\\.[a-z0-9_]+$"},
                       "minItems": 1},
        "data": {"type": "object"},
    },
    "required": ["domain", "service", "entity_ids"],
    "additionalProperties": False,
}


class HomeAssistantError(Exception):
    """Home Assistant could not be reached or refused the request."""


@dataclass
class Device:
    """One entity the household can name."""

    name: str
    entity_id: str
    area: str | None

    @property
    def domain(self) -> str:
        """The domain: "light" of "light.desk_lamp"."""
        return self.entity_id.split(".", 1)[0]


class HomeAssistantClient:
    """Home Assistant's REST API with a long-lived access token."""

    def __init__(self, url: str, token: str, *, timeout_s: float = 5.0):
        self._http = httpx.AsyncClient(base_url=url.rstrip("/"), timeout=timeout_s,
                                       headers={"Authorization": f"Bearer {token}"})

    async def devices(self) -> list[Device]:
        """Every controllable entity, with its name and area."""
        text = await self._request("POST", "/api/template", json={"template": _DEVICES_TEMPLATE})
        try:
            rows = json.loads(text)
        except ValueError as e:
            raise HomeAssistantError(f"unexpected device list from Home Assistant: {e}") from None
        return [Device(name=str(name), entity_id=str(entity), area=area or None)
                for name, entity, area in rows]

    async def call_service(self, domain: str, service: str, data: dict) -> list:
        """Call a service; the states it changed."""
        return json.loads(await self._request("POST", f"/api/services/{domain}/{service}",
                                               json=data) or "[]")

    async def state(self, entity_id: str) -> dict:
        """An entity's state and attributes."""
        return json.loads(await self._request("GET", f"/api/states/{entity_id}"))

    async def _request(self, method: str, path: str, **kwargs) -> str:
        try:
            response = await self._http.request(method, path, **kwargs)
        except httpx.HTTPError as e:
            raise HomeAssistantError(f"Home Assistant is unreachable ({e})") from None
        if response.status_code == 401:
            raise HomeAssistantError("Home Assistant refused the access token (401); make a "
                                     "new long-lived token in your Home Assistant profile")
        if response.status_code >= 400:
            raise HomeAssistantError(f"Home Assistant answered {response.status_code} to "
                                     f"{method} {path}: {response.text[:200]}")
        return response.text

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()


def register_device_tools(registry: ToolRegistry, client: HomeAssistantClient) -> None:
    """The two device tools: everyday devices, and those that wait for a person."""

    async def call(domain: str, service: str, entity_ids: list[str], data: dict | None = None):
        return await client.call_service(domain, service, {"entity_id": entity_ids, **(data or {})})

    registry.register(Tool(
        name="control_device", source="homeassistant", handler=call,
        parameters=_SERVICE_SCHEMA, calls_per_minute=30,
        description="Call a Home Assistant service on lights, switches, fans, climate or "
                    "media players."))
    registry.register(Tool(
        name="control_secure_device", source="homeassistant", handler=call,
        parameters=_SERVICE_SCHEMA, calls_per_minute=10, requires_approval=True,
        description="Call a Home Assistant service on locks, doors, covers, valves or "
                    "alarms (a person approves it first)."))


@dataclass
class HomeAssistantDevices:
    """Carries out device commands; learns the devices and keeps the grammar told."""

    client: HomeAssistantClient
    registry: ToolRegistry
    on_devices: Callable[[dict[str, str], list[str]], None] = lambda devices, areas: None
    context: Callable[[], CallContext] = CallContext
    devices: list[Device] = field(default_factory=list)

    async def refresh(self) -> bool:
        """Read the devices and areas from Home Assistant; False (logged) when it failed."""
        try:
            self.devices = await self.client.devices()
        except HomeAssistantError as e:
            logger.warning(f"device commands unavailable: {e}")
            return False
        names = {d.name.lower(): d.entity_id for d in self.devices if d.name}
        areas = sorted({d.area for d in self.devices if d.area})
        self.on_devices(names, areas)
        logger.info(f"Home Assistant: {len(names)} devices in {len(areas)} areas")
        return True

    async def keep_refreshed(self, every_s: float = 300.0) -> None:
        """Refresh now and then: new devices become sayable without a restart."""
        while True:
            await asyncio.sleep(every_s if self.devices else 30.0)
            await self.refresh()

    async def __call__(self, command: Command) -> str:
        """Do the command; the sentence to say."""
        targets = self._targets(command.slots)
        if not targets:
            return f"I couldn't find {_what(command.slots)}."
        if command.intent == "HassClimateGetTemperature" or command.intent == "HassGetState":
            return await self._tell_state(targets[0])
        domain, service, data = _service_for(command, targets)
        risky = any(t.domain in RISKY for t in targets)
        outcome = await self.registry.call(
            "control_secure_device" if risky else "control_device",
            {"domain": domain, "service": service,
             "entity_ids": [t.entity_id for t in targets], "data": data},
            self.context())
        if outcome.status != "ok":
            return outcome.message or "Sorry, that did not work."
        return _done(command, targets)

    def _targets(self, slots: dict) -> list[Device]:
        if entity := slots.get("name"):
            return [d for d in self.devices if d.entity_id == entity]
        domain, area = slots.get("domain"), slots.get("area")
        chosen = [d for d in self.devices
                  if (domain is None or d.domain == domain)
                  and (area is None or (d.area or "").lower() == str(area).lower())]
        if domain is None and area is not None:
            chosen = [d for d in chosen if d.domain == "light"]  # "turn on the kitchen"
        return chosen

    async def _tell_state(self, device: Device) -> str:
        try:
            state = await self.client.state(device.entity_id)
        except HomeAssistantError as e:
            logger.warning(str(e))
            return "I couldn't reach Home Assistant."
        current = state.get("attributes", {}).get("current_temperature")
        if current is not None:
            return f"The {device.name} says it is {current} degrees."
        return f"The {device.name} is {state.get('state', 'unknown')}."


def _service_for(command: Command, targets: list[Device]) -> tuple[str, str, dict]:
    slots = command.slots
    if command.intent == "HassLightSet":
        data = {}
        if "brightness" in slots:
            data["brightness_pct"] = int(slots["brightness"])
        if "color" in slots:
            data["color_name"] = str(slots["color"])
        return "light", "turn_on", data
    if command.intent == "HassClimateSetTemperature":
        return "climate", "set_temperature", {"temperature": float(slots["temperature"])}
    service = "turn_on" if command.intent == "HassTurnOn" else "turn_off"
    # homeassistant.turn_on works across domains (a cover opens, a lock... does not);
    # locks have their own services.
    if all(t.domain == "lock" for t in targets):
        return "lock", "unlock" if service == "turn_on" else "lock", {}
    return "homeassistant", service, {}


def _what(slots: dict) -> str:
    kind = {"light": "any lights", "fan": "any fans", "climate": "a thermostat",
            "cover": "any covers", "switch": "any switches"}.get(slots.get("domain"), "that device")
    return f"{kind} in the {slots['area']}" if slots.get("area") else kind


def _done(command: Command, targets: list[Device]) -> str:
    named = targets[0].name if len(targets) == 1 else (
        f"the {command.slots.get('area')} {command.slots.get('domain', 'device')}s"
        if command.slots.get("area") else f"{len(targets)} devices")
    if command.intent == "HassClimateSetTemperature":
        return f"Setting {named} to {command.slots['temperature']} degrees."
    if command.intent == "HassLightSet":
        return f"Done, {named} set."
    return f"Turned {'on' if command.intent == 'HassTurnOn' else 'off'} {named}."

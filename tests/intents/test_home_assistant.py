"""Device commands reach a real HTTP Home Assistant API through the tool gates."""

import pytest

from appliance.config import load_settings
from appliance.governance.audit import AuditTrail
from appliance.governance.masking import mask_text
from appliance.intents.chat import DirectAnswerChatModel
from appliance.intents.stage import HomeAssistantConfigError, build_commands
from appliance.llm import FakeChatModel
from appliance.tools.assemble import build_tool_registry
from tests.support.home_assistant import TOKEN, FakeHome, start_home


@pytest.fixture
async def home():
    home = FakeHome()
    url, server, task = await start_home(home)
    home.url = url
    yield home
    server.should_exit = True
    await task


def _settings(tmp_path, url, **policy):
    return load_settings(None, overrides={
        "intents": {"timers_path": str(tmp_path / "timers.json"),
                    "homeassistant": {"url": url}},
        "governance": {"policy": {"approval_timeout_s": 0.5, **policy}}})


async def _commands(settings, monkeypatch, audit=None):
    monkeypatch.setenv("APPLIANCE_HA_TOKEN", TOKEN)
    registry = build_tool_registry(settings, audit, mask_text)
    commands = build_commands(settings.intents, registry=registry)
    await commands.start()
    return commands


async def _say(commands, text: str) -> tuple[str, list[str]]:
    reasons = []
    model = DirectAnswerChatModel(FakeChatModel(["(the LLM)"]), commands=commands.stage("kiosk"),
                                  on_answer=lambda reason, kind: reasons.append(
                                      f"{kind}: {reason}"))
    reply = "".join([c.text async for c in model.stream(
        [{"role": "user", "content": text}], max_tokens=50, temperature=0)])
    return reply, reasons


async def test_names_and_areas_come_from_home_assistant_and_commands_act(home, tmp_path,
                                                                        monkeypatch):
    commands = await _commands(_settings(tmp_path, home.url), monkeypatch)
    try:
        reply, reasons = await _say(commands, "Turn on the lights in the living room.")
        assert reply == "Turned on the Living Room lights."
        assert reasons == ["command: command: HassTurnOn"]
        [(domain, service, data)] = home.calls
        assert (domain, service) == ("homeassistant", "turn_on")
        assert sorted(data["entity_id"]) == ["light.living_room_ceiling", "light.living_room_lamp"]

        reply, _ = await _say(commands, "Turn off the desk lamp.")
        assert reply == "Turned off Desk lamp." and home.entities["light.desk_lamp"][2] == "off"

        reply, _ = await _say(commands, "Set the thermostat to 21 degrees.")
        assert home.calls[-1] == ("climate", "set_temperature",
                                  {"entity_id": ["climate.hallway"], "temperature": 21.0})
        # Not a device it knows: it says so, and nothing is called.
        reply, _ = await _say(commands, "Turn on the lights in the garage.")
        assert reply.startswith("I don't know that device") and len(home.calls) == 3
    finally:
        await commands.aclose()


async def test_a_lock_waits_for_a_person_and_the_audit_trail_keeps_the_refusal(
        home, tmp_path, monkeypatch):
    settings = _settings(tmp_path, home.url)
    audit = AuditTrail(tmp_path / "audit.db", b"k" * 32)
    commands = await _commands(settings, monkeypatch, audit)
    try:
        reply, _ = await _say(commands, "Unlock the front door.")
        assert "nobody approved it in time" in reply
        assert home.calls == [] and home.entities["lock.front_door"][2] == "locked"
        kinds = [r.kind for r in audit.records()]
        assert "tool_call" in kinds
    finally:
        await commands.aclose()
        audit.close()


async def test_a_wrong_token_is_reported_and_nothing_matches(home, tmp_path, monkeypatch):
    settings = _settings(tmp_path, home.url)
    monkeypatch.setenv("APPLIANCE_HA_TOKEN", "wrong")
    commands = build_commands(settings.intents,
                              registry=build_tool_registry(settings, None, mask_text))
    assert not await commands.home_assistant.refresh()
    await commands.aclose()


def test_a_url_without_a_token_is_a_clear_configuration_error(tmp_path, monkeypatch):
    monkeypatch.delenv("APPLIANCE_HA_TOKEN", raising=False)
    settings = _settings(tmp_path, "http://127.0.0.1:9")
    with pytest.raises(HomeAssistantConfigError, match="long-lived access token"):
        build_commands(settings.intents, registry=build_tool_registry(settings, None, mask_text))

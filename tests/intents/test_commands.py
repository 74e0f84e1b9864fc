"""Commands are recognised by Home Assistant's own sentences; questions are left alone."""

import pytest

from appliance.intents.commands import CommandMatcher


@pytest.fixture(scope="module")
def matcher():
    return CommandMatcher(devices={"desk lamp": "light.desk_lamp"},
                          areas=["living room", "kitchen"])


@pytest.mark.parametrize(("said", "intent", "slots"), [
    ("Set a timer for twelve minutes.", "HassStartTimer", {"minutes": 12}),
    ("Set a timer for 12 minutes.", "HassStartTimer", {"minutes": 12}),
    ("set a 5 minute timer", "HassStartTimer", {"minutes": 5}),
    ("Set a timer for one hour and thirty minutes.", "HassStartTimer",
     {"hours": 1, "minutes": 30}),
    ("Timer for thirty seconds.", "HassStartTimer", {"seconds": 30}),
    ("Set a timer for ten minutes called pasta.", "HassStartTimer",
     {"minutes": 10, "name": "pasta"}),
    ("Set timer 10 minutes", "HassStartTimer", {"minutes": 10}),
    ("How much time is left on my timer?", "HassTimerStatus", {}),
    ("How much time is left?", "HassTimerStatus", {}),
    ("Cancel the pasta timer.", "HassCancelTimer", {"name": "pasta"}),
    ("Cancel all timers.", "HassCancelAllTimers", {}),
    ("Pause the timer.", "HassPauseTimer", {}),
    ("Resume the timer.", "HassUnpauseTimer", {}),
    ("Add two minutes to my timer.", "HassIncreaseTimer", {"minutes": 2}),
    ("What time is it?", "HassGetCurrentTime", {}),
    ("What's the date today?", "HassGetCurrentDate", {}),
    ("Never mind.", "HassNevermind", {}),
    ("Stop.", "AppStop", {}),
    ("What can you do?", "AppCapabilities", {}),
    ("Turn up the volume.", "AppVolume", {"direction": "up"}),
    ("Louder.", "AppVolume", {"direction": "up"}),
    ("Set the volume to 40 percent.", "AppVolume", {"volume": 40}),
    ("Turn on the lights in the living room.", "HassTurnOn",
     {"area": "living room", "domain": "light"}),
    ("Turn off the desk lamp.", "HassTurnOff", {"name": "light.desk_lamp"}),
])
def test_commands_are_recognised_with_their_details(matcher, said, intent, slots):
    command = matcher.match(said)
    assert command is not None, said
    assert command.intent == intent
    for name, value in slots.items():
        assert command.slots[name] == value, command.slots


@pytest.mark.parametrize("said", [
    # Near misses: about timers, time, lights or volume, but questions for the LLM.
    "How long does a timer last?", "What is a timer?", "How does an egg timer work?",
    "Who invented the clock?", "What time zone is London in?",
    "What is the capital of France?", "How do I turn on a gas stove safely?",
    "Why is the sky blue?", "What does volume mean in maths?",
    "Tell me about the history of timekeeping.", "Can you stop global warming?",
    "Turn on the lights in the garage.",  # no such area: not a command for a known device
])
def test_questions_and_unknown_devices_are_not_commands(matcher, said):
    assert matcher.match(said) is None, said

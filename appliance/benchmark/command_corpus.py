"""The spoken command set: what people say to a kitchen speaker, and near misses.

Written for this benchmark (no public data set pairs spoken commands with Home
Assistant's intents): timers in the many ways people set and check them, the
time and date, stop, volume, what it can do, and device commands (with no Home
Assistant configured, the right outcome is the honest "I have no devices").
The near misses mention timers, time, lights or volume but are questions for
the model: a command stage that fires on them does something nobody asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

# The outcome of a device command when no Home Assistant is configured.
DEVICE_DECLINED = "device declined"


@dataclass(frozen=True)
class CommandCase:
    """One utterance and what must happen: an intent (None: not a command) and details."""

    text: str
    intent: str | None
    seconds: float | None = None  # a timer's duration, said back in the reply
    name: str | None = None  # a timer's name, said back in the reply


def _start(text: str, seconds: float, name: str | None = None) -> CommandCase:
    return CommandCase(text, "HassStartTimer", seconds, name)


COMMANDS: list[CommandCase] = [
    _start("Set a timer for twelve minutes.", 720),
    _start("Set a timer for five minutes.", 300),
    _start("Set a ten minute timer.", 600),
    _start("Start a timer for thirty seconds.", 30),
    _start("Set a timer for one hour.", 3600),
    _start("Set a timer for two hours and fifteen minutes.", 8100),
    _start("Set a timer for ninety seconds.", 90),
    _start("Set a timer for three minutes called eggs.", 180, "eggs"),
    _start("Timer for twenty minutes.", 1200),
    _start("Set a timer for forty five minutes.", 2700),
    _start("Start a fifteen minute timer.", 900),
    _start("Set a timer for one minute.", 60),
    _start("Create a timer for seven minutes.", 420),
    _start("Set timer for four minutes.", 240),
    _start("Set a timer for two minutes and thirty seconds.", 150),
    _start("Remind me in ten minutes.", 600),
    _start("Please set a timer for nine minutes.", 540),
    _start("Set a timer for half an hour.", 1800),
    _start("Set a timer for eight minutes named pasta.", 480, "pasta"),
    _start("Set a twenty five minute timer.", 1500),
    _start("Start a timer for three hours.", 10800),
    _start("Set a timer for six minutes.", 360),
    _start("Set a timer for eleven minutes.", 660),
    _start("Set a one minute timer.", 60),
    _start("Set a timer for fifty seconds.", 50),
    CommandCase("Cancel the timer.", "HassCancelTimer"),
    CommandCase("Cancel my timer.", "HassCancelTimer"),
    CommandCase("Stop the timer.", "HassCancelTimer"),
    CommandCase("Cancel the pasta timer.", "HassCancelTimer"),
    CommandCase("Delete the timer.", "HassCancelTimer"),
    CommandCase("Cancel all timers.", "HassCancelAllTimers"),
    CommandCase("Cancel all my timers.", "HassCancelAllTimers"),
    CommandCase("Pause the timer.", "HassPauseTimer"),
    CommandCase("Pause my timer.", "HassPauseTimer"),
    CommandCase("Pause the eggs timer.", "HassPauseTimer"),
    CommandCase("Resume the timer.", "HassUnpauseTimer"),
    CommandCase("Unpause the timer.", "HassUnpauseTimer"),
    CommandCase("Continue the timer.", "HassUnpauseTimer"),
    CommandCase("How much time is left?", "HassTimerStatus"),
    CommandCase("How much time is left on my timer?", "HassTimerStatus"),
    CommandCase("How long is left on the timer?", "HassTimerStatus"),
    CommandCase("How much time is left on the pasta timer?", "HassTimerStatus"),
    CommandCase("What's the status of my timer?", "HassTimerStatus"),
    CommandCase("Is my timer still running?", "HassTimerStatus"),
    CommandCase("Add five minutes to my timer.", "HassIncreaseTimer"),
    CommandCase("Add one minute to the timer.", "HassIncreaseTimer"),
    CommandCase("Add thirty seconds to the timer.", "HassIncreaseTimer"),
    CommandCase("Remove two minutes from the timer.", "HassDecreaseTimer"),
    CommandCase("What time is it?", "time"),
    CommandCase("What's the time?", "time"),
    CommandCase("What time is it now?", "time"),
    CommandCase("Tell me the time.", "time"),
    CommandCase("What's the current time?", "time"),
    CommandCase("Do you know what time it is?", "time"),
    CommandCase("What's the date?", "date"),
    CommandCase("What's today's date?", "date"),
    CommandCase("What is the date today?", "date"),
    CommandCase("What day is it today?", "date"),
    CommandCase("Stop.", "AppStop"),
    CommandCase("Stop talking.", "AppStop"),
    CommandCase("Never mind.", "HassNevermind"),
    CommandCase("Be quiet.", "AppStop"),
    CommandCase("That's enough.", "AppStop"),
    CommandCase("Forget it.", "AppStop"),
    CommandCase("What can you do?", "AppCapabilities"),
    CommandCase("What can I ask you?", "AppCapabilities"),
    CommandCase("Help.", "AppCapabilities"),
    CommandCase("How do I use you?", "AppCapabilities"),
    CommandCase("Turn up the volume.", "AppVolume"),
    CommandCase("Turn the volume down.", "AppVolume"),
    CommandCase("Volume up.", "AppVolume"),
    CommandCase("Volume down.", "AppVolume"),
    CommandCase("Louder.", "AppVolume"),
    CommandCase("Quieter.", "AppVolume"),
    CommandCase("Speak louder.", "AppVolume"),
    CommandCase("Set the volume to fifty percent.", "AppVolume"),
    CommandCase("Mute.", "AppVolume"),
    CommandCase("Lower the volume.", "AppVolume"),
    CommandCase("Turn on the lights in the living room.", DEVICE_DECLINED),
    CommandCase("Turn off the kitchen light.", DEVICE_DECLINED),
    CommandCase("Switch off the bedroom lamp.", DEVICE_DECLINED),
    CommandCase("Turn on the fan.", DEVICE_DECLINED),
    CommandCase("Set the thermostat to twenty degrees.", DEVICE_DECLINED),
    CommandCase("Open the garage door.", DEVICE_DECLINED),
    CommandCase("Close the blinds.", DEVICE_DECLINED),
    CommandCase("Lock the front door.", DEVICE_DECLINED),
    CommandCase("Dim the lights.", DEVICE_DECLINED),
    CommandCase("Turn off all the lights.", DEVICE_DECLINED),
    CommandCase("Switch on the heater.", DEVICE_DECLINED),
    CommandCase("Turn the TV off.", DEVICE_DECLINED),
    CommandCase("Make the room warmer.", DEVICE_DECLINED),
    CommandCase("Turn on the porch light.", DEVICE_DECLINED),
    CommandCase("Turn off the radio.", DEVICE_DECLINED),
    CommandCase("Switch the coffee machine on.", DEVICE_DECLINED),
    CommandCase("Close the garage.", DEVICE_DECLINED),
    CommandCase("Unlock the back door.", DEVICE_DECLINED),
    CommandCase("Turn the heating up.", DEVICE_DECLINED),
    CommandCase("Turn on the dishwasher.", DEVICE_DECLINED),
    CommandCase("Set the lights to fifty percent.", DEVICE_DECLINED),
    CommandCase("Open the curtains.", DEVICE_DECLINED),
    CommandCase("Turn off the air conditioning.", DEVICE_DECLINED),
    CommandCase("Turn on the kettle.", DEVICE_DECLINED),
]

NEAR_MISSES: list[CommandCase] = [CommandCase(text, None) for text in (
    "How long does a timer last?",
    "What is a timer?",
    "How does an egg timer work?",
    "Who invented the clock?",
    "What time zone is London in?",
    "How long should I boil an egg?",
    "What does volume mean in maths?",
    "How do I turn on a gas stove safely?",
    "Why do lights flicker?",
    "What is the history of the thermostat?",
    "When was the first alarm clock invented?",
    "Can you stop global warming?",
    "Tell me about the history of timekeeping.",
    "What is the speed of light?",
    "How loud is a jet engine?",
    "What is a good volume for music?",
    "Should I cancel my gym membership?",
    "What can a thermostat do?",
    "What can you tell me about Paris?",
    "Help me understand photosynthesis.",
    "How many minutes are in an hour?",
    "What is the date of Christmas?",
    "Why is time slower near a black hole?",
    "How do I set the time on my oven?",
    "What does it mean to pause for thought?",
)]

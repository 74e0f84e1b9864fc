"""Commands recognised by Home Assistant's own sentence grammar, before any model.

`hassil` matches a transcript against the English sentences of
`home-assistant-intents` (the ones Home Assistant Assist uses: timers, time and
date, devices, "never mind") plus the appliance's own (sentences/en.yaml: what it
can do, stop, volume). A sentence matches whole or not at all, so "how long does
a timer last?" goes to the LLM while "how long is left on my timer?" does not.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from hassil import Intents, recognize
from hassil.intents import TextSlotList
from hassil.util import merge_dict
from home_assistant_intents import get_intents

# Intents this appliance acts on; others (weather, shopping lists, vacuum…) go on
# to the LLM and the honest "I can't … yet".
HANDLED = frozenset({
    "HassStartTimer", "HassCancelTimer", "HassCancelAllTimers", "HassPauseTimer",
    "HassUnpauseTimer", "HassTimerStatus", "HassIncreaseTimer", "HassDecreaseTimer",
    "HassGetCurrentTime", "HassGetCurrentDate", "HassNevermind",
    "HassTurnOn", "HassTurnOff", "HassLightSet", "HassClimateSetTemperature",
    "HassClimateGetTemperature", "HassGetState",
    "AppCapabilities", "AppStop", "AppVolume",
})
DEVICE_INTENTS = frozenset({"HassTurnOn", "HassTurnOff", "HassLightSet",
                            "HassClimateSetTemperature", "HassClimateGetTemperature",
                            "HassGetState"})


@dataclass(frozen=True)
class Command:
    """A recognised command: the intent's name and its slots ("minutes": 12)."""

    intent: str
    slots: dict = field(default_factory=dict)
    text: str = ""


class CommandMatcher:
    """Home Assistant's English sentences and the appliance's own, compiled once."""

    def __init__(self, *, extra_sentences: Sequence[Path] = (),
                 devices: Mapping[str, str] | None = None, areas: Sequence[str] = (),
                 floors: Sequence[str] = ()):
        data = get_intents("en")
        own = importlib.resources.files("appliance.intents") / "sentences" / "en.yaml"
        merge_dict(data, yaml.safe_load(own.read_text(encoding="utf-8")))
        for path in extra_sentences:
            merge_dict(data, yaml.safe_load(Path(path).read_text(encoding="utf-8")))
        # Extra sentences may add ways of saying these; the rest are not compiled.
        data["intents"] = {name: intent for name, intent in data["intents"].items()
                           if name in HANDLED}
        self._intents = Intents.from_dict(data)
        self.set_devices(devices or {}, areas, floors)

    def set_devices(self, devices: Mapping[str, str], areas: Sequence[str],
                    floors: Sequence[str] = ()) -> None:
        """The devices ({spoken name: entity id}) and areas device commands may name.

        An entity id's domain ("light" of "light.desk_lamp") decides which sentences
        fit: "turn off the desk lamp" needs a light, a switch, a fan…, as in Home Assistant.
        """
        names = TextSlotList.from_tuples(
            [(name, entity, {"domain": entity.split(".", 1)[0]})
             for name, entity in devices.items()], allow_template=False)
        self._lists = {"name": names,
                       "area": TextSlotList.from_strings(list(areas)),
                       "floor": TextSlotList.from_strings(list(floors))}

    def match(self, text: str) -> Command | None:
        """The command `text` says, or None when it is not one this appliance acts on."""
        result = recognize(text, self._intents, slot_lists=self._lists)
        if result is None or result.intent.name not in HANDLED:
            return None
        slots = {name: entity.value for name, entity in result.entities.items()}
        return Command(result.intent.name, slots, text)

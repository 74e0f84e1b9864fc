"""The command stage the process shares: one grammar, one timer book, one speaker volume."""

from __future__ import annotations

from dataclasses import dataclass

from appliance.audio.volume import SpeakerVolume
from appliance.intents.chat import CommandStage
from appliance.intents.commands import CommandMatcher
from appliance.intents.handlers import CommandHandlers
from appliance.intents.timers import TimerBook
from appliance.settings_intents import IntentSettings


@dataclass
class Commands:
    """What every conversation's command stage shares."""

    matcher: CommandMatcher
    handlers: CommandHandlers

    @property
    def timers(self) -> TimerBook:
        """The appliance's timers."""
        return self.handlers.timers

    @property
    def volume(self) -> SpeakerVolume | None:
        """The kiosk speaker's volume; None when nothing plays here."""
        return self.handlers.volume

    def stage(self, session: str | None) -> CommandStage:
        """The command stage of one conversation (its timers ring back to it)."""
        return CommandStage(self.matcher, self.handlers, session)


def build_commands(settings: IntentSettings, *, volume: SpeakerVolume | None = None) -> Commands:
    """The grammar compiled once, the timers read back from their file."""
    matcher = CommandMatcher(extra_sentences=settings.extra_sentences,
                             devices=settings.devices, areas=settings.areas)
    handlers = CommandHandlers(TimerBook(settings.timers_path), volume=volume)
    matcher.match("what time is it")  # hassil compiles on first use: ~120 ms, not in a turn
    return Commands(matcher, handlers)

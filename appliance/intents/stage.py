"""The command stage the process shares: one grammar, one timer book, one speaker volume."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field

from appliance.audio.volume import SpeakerVolume
from appliance.config.intents import IntentSettings
from appliance.governance.secret_files import read_secret
from appliance.intents.chat import CommandStage
from appliance.intents.commands import CommandMatcher
from appliance.intents.handlers import CommandHandlers
from appliance.intents.homeassistant import (
    HomeAssistantClient,
    HomeAssistantDevices,
    register_device_tools,
)
from appliance.intents.timers import TimerBook
from appliance.tools.registry import ToolRegistry


class HomeAssistantConfigError(Exception):
    """Home Assistant is configured but cannot be used as configured."""


@dataclass
class Commands:
    """What every conversation's command stage shares."""

    matcher: CommandMatcher
    handlers: CommandHandlers
    home_assistant: HomeAssistantDevices | None = None
    _tasks: list[asyncio.Task] = field(default_factory=list)

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

    async def start(self) -> None:
        """Ring timers; learn Home Assistant's devices (and keep learning them)."""
        await self.timers.start_ringing()
        if self.home_assistant is not None and not self._tasks:
            await self.home_assistant.refresh()
            self._tasks.append(asyncio.create_task(self.home_assistant.keep_refreshed(),
                                                   name="home-assistant-devices"))

    async def aclose(self) -> None:
        """Stop ringing and refreshing; timers stay in their file."""
        await self.timers.aclose()
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
        if self.home_assistant is not None:
            await self.home_assistant.client.aclose()


def build_commands(settings: IntentSettings, *, volume: SpeakerVolume | None = None,
                   registry: ToolRegistry | None = None) -> Commands:
    """The grammar compiled once, the timers read back from their file.

    Args:
        settings: The [intents] section.
        volume: The kiosk speaker's volume, if there is one.
        registry: The tool gates device commands pass (needed with Home Assistant).

    Raises:
        HomeAssistantConfigError: Home Assistant's URL is set but no token is usable.
    """
    matcher = CommandMatcher(extra_sentences=settings.extra_sentences,
                             devices=settings.devices, areas=settings.areas)
    handlers = CommandHandlers(TimerBook(settings.timers_path), volume=volume)
    commands = Commands(matcher, handlers)
    ha = settings.homeassistant
    if ha.url is not None and registry is not None:
        token = read_secret(ha.token_env, ha.token_file, "Home Assistant token",
                            without="device commands are off")
        if token is None:
            raise HomeAssistantConfigError(
                f"intents.homeassistant.url is set but there is no token: make a long-lived "
                f"access token in your Home Assistant profile and put it in ${ha.token_env} "
                f"or a 0600 file named by intents.homeassistant.token_file")
        client = HomeAssistantClient(str(ha.url), token, timeout_s=ha.timeout_s)
        register_device_tools(registry, client)

        def learned(devices: dict[str, str], areas: list[str]) -> None:
            matcher.set_devices({**devices, **settings.devices},
                                sorted({*areas, *settings.areas}))

        commands.home_assistant = HomeAssistantDevices(client, registry, on_devices=learned)
        handlers.devices = commands.home_assistant
    matcher.match("what time is it")  # hassil compiles on first use: ~120 ms, not in a turn
    return commands

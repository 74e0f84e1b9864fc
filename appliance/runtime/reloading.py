"""Live reconfiguration: re-read the settings and swap providers between turns."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable

from loguru import logger

from appliance.config import ConfigError, Settings
from appliance.modelstore import ModelStoreError
from appliance.runtime.engines import Engines

SettingsLoader = Callable[[], Settings]


class Reloader:
    """Re-reads the settings file and applies it; a bad file changes nothing."""

    def __init__(self, engines: Engines, load: SettingsLoader):
        self._engines = engines
        self._load = load
        self._lock = asyncio.Lock()
        self._signal_tasks: set[asyncio.Task] = set()
        self.count = 0

    async def reload(self) -> dict:
        """Apply the settings file now; raises ConfigError/ModelStoreError and keeps the old."""
        async with self._lock:
            settings = self._load()
            # Loading a newly named local model takes seconds: keep the loop answering.
            await asyncio.to_thread(self._engines.reload, settings)
            self.count += 1
            return {role: list(router.slots) for role, router in self._engines.routers.items()}

    async def _on_signal(self) -> None:
        try:
            providers = await self.reload()
            logger.warning(f"SIGHUP: settings reloaded, providers {providers}")
        except (ConfigError, ModelStoreError) as e:
            logger.error(f"SIGHUP: settings NOT reloaded, keeping the old ones: {e}")

    def install_sighup(self) -> None:
        """Reload on SIGHUP (what `systemctl reload appliance` sends)."""
        loop = asyncio.get_running_loop()

        def on_sighup() -> None:
            task = loop.create_task(self._on_signal())
            self._signal_tasks.add(task)
            task.add_done_callback(self._signal_tasks.discard)

        loop.add_signal_handler(signal.SIGHUP, on_sighup)

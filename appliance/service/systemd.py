"""Telling systemd the service is ready and alive (Type=notify with a watchdog)."""

from __future__ import annotations

import asyncio
import os

import sdnotify


class SystemdNotifier:
    """READY=1 once models are warm, then WATCHDOG=1 at half the watchdog interval.

    The pings come from the event loop itself, so a wedged loop stops them and
    systemd restarts the service. Outside systemd every call is a no-op.
    """

    def __init__(self) -> None:
        self._notifier = sdnotify.SystemdNotifier()
        usec = os.environ.get("WATCHDOG_USEC")
        self.watchdog_interval_s = int(usec) / 1e6 / 2 if usec and usec.isdigit() else None
        self._task: asyncio.Task | None = None

    @property
    def is_enabled(self) -> bool:
        """Whether systemd is listening."""
        return bool(os.environ.get("NOTIFY_SOCKET"))

    def ready(self, status: str) -> None:
        """Report readiness and start the watchdog pings."""
        self._notifier.notify(f"READY=1\nSTATUS={status}")
        if self.watchdog_interval_s and self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._ping_forever())

    def status(self, status: str) -> None:
        """Show a one-line status in `systemctl status`."""
        self._notifier.notify(f"STATUS={status}")

    async def _ping_forever(self) -> None:
        while True:
            self._notifier.notify("WATCHDOG=1")
            await asyncio.sleep(self.watchdog_interval_s)

    async def stopping(self) -> None:
        """Report shutdown and stop pinging."""
        self._notifier.notify("STOPPING=1")
        if self._task:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

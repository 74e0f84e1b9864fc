"""The systemd unit is valid, and the service speaks systemd's notify protocol for real."""

import asyncio
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from appliance.service.systemd import SystemdNotifier

pytestmark = pytest.mark.unit
UNITS = [Path(__file__).parents[1] / "systemd" / name
         for name in ("appliance.service", "appliance-wyoming.service",
                      "appliance-kiosk.service")]


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
@pytest.mark.parametrize("source", UNITS, ids=lambda p: p.name)
def test_unit_passes_systemd_analyze_verify(tmp_path, source):
    # The unit names the install path (/opt/appliance); point it at this checkout to verify.
    unit = tmp_path / source.name
    unit.write_text(source.read_text().replace("/opt/appliance", str(source.parents[1])))
    done = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ""


@pytest.mark.parametrize("source", UNITS, ids=lambda p: p.name)
def test_unit_is_notify_type_with_watchdog_restart_and_hardening(source):
    text = source.read_text()
    for line in ("Type=notify", "WatchdogSec=", "Restart=on-failure", "User=appliance",
                 "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
                 "PrivateTmp=yes", "CapabilityBoundingSet="):
        assert line in text


def test_the_kiosk_unit_runs_the_microphone_loop_with_the_sound_card():
    text = (UNITS[0].parent / "appliance-kiosk.service").read_text()
    assert "appliance serve --kiosk" in text
    assert "SupplementaryGroups=audio" in text and "DeviceAllow=char-alsa rw" in text
    assert "Conflicts=appliance.service" in text  # one of the two owns the port


async def test_ready_and_watchdog_messages_reach_the_notify_socket(tmp_path, monkeypatch):
    path = tmp_path / "notify.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(path))
    server.setblocking(False)
    monkeypatch.setenv("NOTIFY_SOCKET", str(path))
    monkeypatch.setenv("WATCHDOG_USEC", "200000")  # ping every 0.1 s
    notifier = SystemdNotifier()
    notifier.ready("ready in 1.0 s")
    messages = []
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.35):  # three pings 0.1 s apart come well within this
            while sum(m == "WATCHDOG=1" for m in messages) < 3:
                messages.append((await loop.sock_recv(server, 1024)).decode())
    finally:
        await notifier.stopping()
    while True:
        try:
            messages.append(server.recv(1024).decode())
        except BlockingIOError:
            break
    server.close()
    assert messages[0].startswith("READY=1")
    assert sum(m == "WATCHDOG=1" for m in messages) >= 3
    assert messages[-1] == "STOPPING=1"

"""The kiosk: a live conversation on a microphone and speaker, woken by a phrase or a key."""

from appliance.kiosk.run import run_kiosk

__all__ = ["run_kiosk"]

"""Wyoming: the appliance as Home Assistant's voice service, and a satellite's controller."""

from appliance.wyoming.handler import WyomingHandler, WyomingService
from appliance.wyoming.satellite import converse_with_satellite, run_satellite
from appliance.wyoming.server import run_wyoming, serve_wyoming

__all__ = ["WyomingHandler", "WyomingService", "converse_with_satellite", "run_satellite",
           "run_wyoming", "serve_wyoming"]

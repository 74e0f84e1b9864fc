"""The headless service: health, readiness, WebSocket conversations."""

from appliance.service.protocol import PcmJsonSerializer
from appliance.service.server import create_app, run_service

__all__ = ["PcmJsonSerializer", "create_app", "run_service"]

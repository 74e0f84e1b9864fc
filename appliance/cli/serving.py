"""`appliance serve`, `wyoming`, `satellite` and `reload`: the appliance as a service."""

from __future__ import annotations

import argparse

from appliance.cli.common import fail, settings_of
from appliance.cli.talk import add_device_options, add_wake_options, kiosk_overrides
from appliance.config import Settings


def register(commands, options: argparse.ArgumentParser) -> None:
    """Add `serve`, `wyoming`, `satellite` and `reload`."""
    serve = commands.add_parser("serve", parents=[options], help="headless HTTP/WebSocket service")
    serve.add_argument("--host", help="listen address (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="listen port (default 8765)")
    serve.add_argument("--max-sessions", type=int,
                       help="most simultaneous conversations (default from settings: 4)")
    serve.add_argument("--kiosk", action="store_true",
                       help="also run the kiosk on this machine's microphone and speaker")
    add_device_options(serve, prefix="with --kiosk: ")
    add_wake_options(serve)
    serve.set_defaults(func=run_serve)

    wyoming = commands.add_parser("wyoming", parents=[options],
                                  help="serve Home Assistant through the Wyoming protocol "
                                       "(speech to text, text to speech, conversation)")
    wyoming.add_argument("--uri", default="tcp://127.0.0.1:10700",
                         help="where to listen: tcp://HOST:PORT or unix:///path "
                              "(default tcp://127.0.0.1:10700)")
    wyoming.set_defaults(func=run_wyoming)

    satellite = commands.add_parser("satellite", parents=[options],
                                    help="converse through a Wyoming satellite's microphone and "
                                         "speaker (wyoming-satellite)")
    satellite.add_argument("--uri", required=True,
                           help="the satellite: tcp://HOST:PORT (wyoming-satellite's --uri)")
    satellite.set_defaults(func=run_satellite)

    reload = commands.add_parser("reload", parents=[options],
                                 help="make a running service re-read its settings")
    reload.add_argument("--host", help="service address (default from settings)")
    reload.add_argument("--port", type=int, help="service port (default from settings)")
    reload.set_defaults(func=run_reload)


def run_serve(args: argparse.Namespace) -> int:
    """Run the headless service (with `--kiosk`, the microphone loop in the same process)."""
    from appliance.audio.devices import AudioDeviceError
    from appliance.service.server import run_service

    def load() -> Settings:
        return settings_of(args, service={"host": args.host, "port": args.port,
                                          "max_sessions": args.max_sessions},
                           audio={"input_device": args.input_device,
                                  "output_device": args.output_device},
                           kiosk=kiosk_overrides(args))

    try:
        return run_service(load(), load, kiosk=args.kiosk)
    except AudioDeviceError as e:
        return fail(str(e))


def run_wyoming(args: argparse.Namespace) -> int:
    """Serve the Wyoming protocol (Home Assistant's voice services)."""
    from appliance.wyoming.server import run_wyoming as wyoming

    return wyoming(settings_of(args), args.uri)


def run_satellite(args: argparse.Namespace) -> int:
    """Converse through a Wyoming satellite's microphone and speaker."""
    from appliance.wyoming.satellite import run_satellite as satellite

    return satellite(settings_of(args), args.uri)


def run_reload(args: argparse.Namespace) -> int:
    """Ask a running service to re-read its settings file."""
    import httpx

    from appliance.service.auth import load_api_token

    settings = settings_of(args)
    host = args.host or settings.service.host
    port = args.port or settings.service.port
    token = load_api_token(settings.service)
    if not token:
        return fail(f"no API token: set {settings.service.api_token_env} (the service's token)"
                    " or service.api_token_file, as for the service itself")
    url = f"http://{host}:{port}/admin/reload"
    try:
        response = httpx.post(url, headers={"Authorization": f"Bearer {token}"}, timeout=120)
    except httpx.TransportError as e:
        return fail(f"cannot reach the service at {url} ({e}); is `appliance serve` running?")
    body = response.json()
    if response.status_code != 200:
        return fail(f"reload refused ({response.status_code}): {body.get('error')}")
    for role, names in body["providers"].items():
        print(f"{role}: {', '.join(names)}")
    print("reloaded")
    return 0

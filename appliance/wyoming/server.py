"""`appliance wyoming`: what the service announces, and the server that runs it."""

from __future__ import annotations

import asyncio
import signal
from functools import partial
from importlib.metadata import version
from urllib.parse import urlparse

from loguru import logger
from wyoming.info import (
    AsrModel,
    AsrProgram,
    Attribution,
    HandleModel,
    HandleProgram,
    Info,
    TtsProgram,
    TtsVoice,
)
from wyoming.server import AsyncServer

from appliance.config import ConfigError, Settings
from appliance.runtime.engines import Engines
from appliance.service.network import is_loopback
from appliance.service.systemd import SystemdNotifier
from appliance.wyoming.handler import WyomingHandler, WyomingService

DEFAULT_URI = "tcp://127.0.0.1:10700"
_APPLIANCE = Attribution(name="Edge voice appliance", url="https://github.com/pipecat-ai/pipecat")


def appliance_info(settings: Settings) -> Info:
    """Speech to text, text to speech (streamed) and the conversation, all installed."""
    own = version("edge-voice-appliance")
    language = settings.stt.language
    stt = AsrProgram(
        name="appliance-stt", attribution=_APPLIANCE, installed=True, version=own,
        description="Speech to text, routed: on the device, or a hub or cloud when set",
        models=[AsrModel(name=str(settings.stt.model), installed=True, version=None,
                         attribution=Attribution(name="OpenAI Whisper (faster-whisper)",
                                                 url="https://github.com/SYSTRAN/faster-whisper"),
                         description="Whisper", languages=[language])])
    tts = TtsProgram(
        name="appliance-tts", attribution=_APPLIANCE, installed=True, version=own,
        description="Text to speech, routed, a sentence at a time",
        supports_synthesize_streaming=True,
        voices=[TtsVoice(name=str(settings.tts.voice), installed=True, version=None,
                         attribution=Attribution(name="Piper",
                                                 url="https://github.com/OHF-Voice/piper1-gpl"),
                         description=str(settings.tts.voice), languages=[language])])
    handle = HandleProgram(
        name="appliance", attribution=_APPLIANCE, installed=True, version=own,
        description="Commands, timers and questions answered by the appliance",
        models=[HandleModel(name="appliance", installed=True, version=own,
                            attribution=_APPLIANCE, description="Commands, then the LLM",
                            languages=[language])])
    return Info(asr=[stt], tts=[tts], handle=[handle])


def check_uri(uri: str) -> str:
    """The URI if the server can listen on it; a ConfigError saying why not otherwise."""
    parsed = urlparse(uri)
    if parsed.scheme not in ("tcp", "unix"):
        raise ConfigError(f"--uri {uri!r}: use tcp://HOST:PORT or unix:///path/to/socket")
    if parsed.scheme == "tcp":
        try:
            port = parsed.port
        except ValueError:
            port = None
        if not parsed.hostname or port is None:
            raise ConfigError(f"--uri {uri!r}: a host and a port are needed, as in {DEFAULT_URI}")
        if not is_loopback(parsed.hostname):
            logger.warning(f"wyoming listens on {parsed.hostname}: anyone who can reach it can "
                           "transcribe, speak and converse (the protocol has no tokens); "
                           "keep it on a trusted network")
    return uri


async def serve_wyoming(engines: Engines, uri: str, *, ready: asyncio.Event | None = None,
                        stop: asyncio.Event | None = None) -> None:
    """Serve until `stop` is set (or forever)."""
    service = WyomingService(engines, appliance_info(engines.settings))
    server = AsyncServer.from_uri(uri)
    await server.start(partial(WyomingHandler, service))
    if ready is not None:
        ready.set()
    try:
        await (stop.wait() if stop is not None else asyncio.Event().wait())
    finally:
        await server.stop()


async def until_ready(server: asyncio.Task, ready: asyncio.Event) -> None:
    """Wait until the server listens; raise what stopped it if it could not."""
    waiting = asyncio.create_task(ready.wait())
    await asyncio.wait([server, waiting], return_when=asyncio.FIRST_COMPLETED)
    if not ready.is_set():
        waiting.cancel()
        server.result()  # raises the server's error (the address is taken, …)


def run_wyoming(settings: Settings, uri: str) -> int:
    """Load the models, then serve Wyoming on `uri` until SIGINT or SIGTERM."""
    from appliance.pipeline import load_engines

    check_uri(uri)
    engines = load_engines(settings)
    notifier = SystemdNotifier()

    async def main() -> int:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await engines.start()
        ready = asyncio.Event()
        server = asyncio.create_task(serve_wyoming(engines, uri, ready=ready, stop=stop))
        try:
            await until_ready(server, ready)
        except OSError as e:
            await engines.aclose()
            raise ConfigError(f"cannot listen on {uri}: {e.strerror or e} (another service "
                              "on that port? choose another with --uri)") from None
        print(f"wyoming: serving speech to text, text to speech and conversation on {uri}",
              flush=True)
        notifier.ready(f"wyoming on {uri}")
        try:
            await server
        finally:
            await notifier.stopping()
            await engines.aclose()
        return 0

    return asyncio.run(main())


"""The headless service: health, readiness and WebSocket conversations over HTTP.

Models load in the background after the socket opens, so `/healthz` answers at
once and `/readyz` turns 200 only when every model is loaded and warmed up.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time

import numpy as np
import uvicorn
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from loguru import logger
from opentelemetry.sdk.trace.export import SpanExporter

from appliance.audio.volume import SpeakerVolume
from appliance.config import ConfigError, ServiceSettings, Settings
from appliance.modelstore import ModelStoreError
from appliance.ops.events import KioskEvent
from appliance.ops.metrics import ApplianceMetrics
from appliance.ops.tracing import TurnTracer
from appliance.pipeline import Engines, load_engines
from appliance.runtime.reloading import Reloader, SettingsLoader
from appliance.service import (
    admin,
    approvals_api,
    audit_api,
    console_api,
    console_bench,
    health,
    voice_ws,
)
from appliance.service.admission import Admission
from appliance.service.auth import Authorizer
from appliance.service.console_api import CONSOLE_FILES
from appliance.service.console_sessions import ConsoleSessions
from appliance.service.deps import Refused, send_refusal
from appliance.service.limits import RequestLimits, SecurityHeaders, guarded_protocol
from appliance.service.network import is_loopback
from appliance.service.openai_api import openai_router
from appliance.service.state import ServiceState
from appliance.service.systemd import SystemdNotifier


async def warm_up(engines: Engines) -> None:
    """Run each model once so the first user does not pay for first-call costs."""
    await engines.stt.transcribe(np.zeros(16000, dtype=np.int16).tobytes(), 16000)
    stream = engines.llm.stream(
        [{"role": "system", "content": engines.settings.llm.system_prompt},
         {"role": "user", "content": "Hello."}],
        max_tokens=4,
        temperature=0.0,
    )
    async with contextlib.aclosing(stream):
        async for _ in stream:
            pass
    async for _ in engines.tts.synthesize("Ready."):
        pass


async def _load(state: ServiceState, notifier: SystemdNotifier,
                load_settings: SettingsLoader) -> None:
    def progress(done: int, total: int, step: str) -> None:
        state.load_progress.update(done=done, total=total + 1, step=step)  # +1: warm-up

    try:
        engines = await asyncio.to_thread(load_engines, state.settings, progress,
                                          volume=state.kiosk_volume)
        await engines.start()
        progress(engines.local.expected, engines.local.expected, "warming up")
        await warm_up(engines)
    except (ModelStoreError, ConfigError) as e:  # missing models, a refused audit trail, …
        state.load_error = str(e)
        logger.error(f"cannot start: {e}")
        notifier.status(f"failed: {e}")
        state.failed.set()
        return
    state.listen_to(engines)
    state.engines = engines
    state.load_progress.update(done=state.load_progress.get("total", 1), step="ready")
    state.reloader = Reloader(engines, load_settings)
    with contextlib.suppress(NotImplementedError, RuntimeError):
        state.reloader.install_sighup()  # only in the main thread, on Unix
    state.ready_seconds = time.monotonic() - state.started_at
    logger.info(f"ready in {state.ready_seconds:.1f} s")
    notifier.ready(f"ready in {state.ready_seconds:.1f} s")
    if state.kiosk_volume is not None:
        await _run_kiosk(state, engines, notifier)


async def _run_kiosk(state: ServiceState, engines: Engines, notifier: SystemdNotifier) -> None:
    """The microphone loop beside the HTTP side: its turns reach the same metrics and console."""
    from appliance.apps.kiosk.run import converse_at_the_kiosk, resolve_devices
    from appliance.audio.devices import AudioDeviceError

    def on_status(kind: str, detail: str) -> None:
        state.kiosk_status = kind
        state.feed.publish(KioskEvent(event=kind, detail=detail))
        if kind in ("device lost", "device back"):
            logger.warning(f"kiosk: {kind}: {detail}")
            notifier.status(f"kiosk: {kind}: {detail}")

    try:
        devices = resolve_devices(state.settings)
    except AudioDeviceError as e:  # there at start, gone by now: wait for it
        on_status("device lost", f"{e}; waiting for it to come back")
        devices = None
    try:
        await converse_at_the_kiosk(engines, state.kiosk_volume, state.kiosk_stop,
                                    devices=devices, on_status=on_status)
    except AudioDeviceError as e:  # a required echo canceller the sound server refused
        logger.error(f"kiosk stopped: {e}")
        on_status("stopped", str(e))


def create_app(
    settings: Settings,
    *,
    notifier: SystemdNotifier | None = None,
    load_settings: SettingsLoader | None = None,
    span_exporter: SpanExporter | None = None,
    kiosk: bool = False,
) -> FastAPI:
    """The ASGI app; models start loading when the app starts.

    Args:
        settings: The settings to start with.
        notifier: systemd notification (a no-op outside systemd).
        load_settings: Re-reads the settings for a reload (SIGHUP, POST /admin/reload).
        span_exporter: Where turn traces go instead of `ops.tracing.exporter` (tests).
        kiosk: Also converse on this machine's microphone and speaker once ready.
    """
    notifier = notifier or SystemdNotifier()
    load_settings = load_settings or (lambda: settings)
    state = ServiceState(settings=settings, authorizer=Authorizer(settings.service),
                         console_sessions=ConsoleSessions(settings.ops.console.session_hours),
                         admission=Admission(settings.service))
    state.metrics = ApplianceMetrics(lambda: state.engines, lambda: state.sessions)
    if kiosk:
        state.kiosk_volume = SpeakerVolume()
    if span_exporter is not None or settings.ops.tracing.exporter != "none":
        state.tracer = TurnTracer(settings.ops.tracing, exporter=span_exporter)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        loader = asyncio.create_task(_load(state, notifier, load_settings))
        try:
            yield
        finally:
            if state.kiosk_volume is not None:  # the kiosk ends its conversation and returns
                state.kiosk_stop.set()
                await asyncio.wait({loader}, timeout=10)
            loader.cancel()
            await asyncio.gather(loader, return_exceptions=True)
            await notifier.stopping()
            if state.engines:
                await state.engines.aclose()
            if state.tracer:
                state.tracer.shutdown()

    # No /docs or /redoc: the schema is served to operators only (below).
    app = FastAPI(title="Edge voice appliance", lifespan=lifespan, docs_url=None,
                  redoc_url=None, openapi_url=None)
    app.state.appliance = state
    app.add_middleware(RequestLimits, max_body_bytes=settings.service.max_body_bytes,
                       body_timeout_s=settings.service.body_timeout_s)
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(Refused, send_refusal)
    app.include_router(openai_router(state))
    app.include_router(admin.router)
    app.include_router(audit_api.router)
    app.include_router(approvals_api.router)
    app.include_router(health.router)
    # Added on the app itself: an included router's WebSocket route loses its path.
    app.add_api_websocket_route("/ws", voice_ws.conversation)
    if settings.ops.console.enabled:
        app.include_router(console_api.router)
        app.include_router(console_bench.router)
        app.mount("/console/static", StaticFiles(directory=CONSOLE_FILES), name="console")

    return app


def server_config(app: FastAPI, service: ServiceSettings) -> uvicorn.Config:
    """The settings of uvicorn: the address, TLS, and the limits on what one client may hold."""
    tls = bool(service.tls_certfile and service.tls_keyfile)
    return uvicorn.Config(
        app,
        host=service.host,
        port=service.port,
        log_level="warning",
        ws="websockets-sansio",
        ws_max_size=service.ws_max_message_bytes,
        http=guarded_protocol(service.max_connections, service.header_timeout_s),
        limit_concurrency=service.max_connections,
        ssl_certfile=str(service.tls_certfile) if tls else None,
        ssl_keyfile=str(service.tls_keyfile) if tls else None,
    )


def run_service(settings: Settings, load_settings: SettingsLoader | None = None, *,
                kiosk: bool = False) -> int:
    """Serve until SIGINT/SIGTERM; exit non-zero if the models cannot be loaded.

    With `kiosk`, also converse on the microphone and speaker; a missing device at start
    is an error (exit 2), one unplugged later is waited for.

    Raises:
        AudioDeviceError: with `kiosk`, no usable microphone or speaker.
    """
    if kiosk:
        from appliance.apps.kiosk.run import resolve_devices

        resolve_devices(settings)  # fail fast, before the socket opens
    app = create_app(settings, load_settings=load_settings, kiosk=kiosk)
    service = settings.service
    tls = bool(service.tls_certfile and service.tls_keyfile)
    if not tls and not is_loopback(service.host):
        logger.warning(f"serving on {service.host} without TLS: tokens, console logins and "
                       "transcripts cross the network in clear; set service.tls_certfile and "
                       "service.tls_keyfile")
    server = uvicorn.Server(server_config(app, service))

    async def serve() -> int:
        watcher = asyncio.create_task(_stop_on_load_error(app.state.appliance, server))
        await server.serve()
        watcher.cancel()
        return 2 if app.state.appliance.load_error else 0

    print(f"serving on {'https' if tls else 'http'}://{service.host}:{service.port} "
          "(/console, /healthz, /readyz, /metrics, /ws, /v1/..., /admin/..., /audit, "
          "/approvals)", flush=True)
    return asyncio.run(serve())



async def _stop_on_load_error(state: ServiceState, server: uvicorn.Server) -> None:
    await state.failed.wait()
    print(f"error: {state.load_error}", file=sys.stderr, flush=True)
    server.should_exit = True

"""One WebSocket client = one conversation: its own pipeline and context, shared models."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import re
from collections.abc import Awaitable, Callable

from fastapi import WebSocket, WebSocketDisconnect
from loguru import logger
from pipecat.frames.frames import OutputTransportMessageUrgentFrame
from pipecat.pipeline.worker import PipelineWorker
from pipecat.transports.websocket.fastapi import FastAPIWebsocketParams, FastAPIWebsocketTransport
from pipecat.workers.runner import WorkerRunner

from appliance.intents.timers import Timer
from appliance.ops.events import (
    ClientEvent,
    HeardEvent,
    HelloEvent,
    SessionEvent,
    TimerEvent,
    TurnEvent,
)
from appliance.ops.feed import EventFeed
from appliance.pipeline import Conversation, Engines, build_conversation
from appliance.service.protocol import (
    INPUT_SAMPLE_RATE_HZ,
    WS_TRY_AGAIN_LATER,
    PcmJsonSerializer,
)
from appliance.turns import TurnRecord

_session_ids = itertools.count(1)
_CLIENT_NAME = re.compile(r"[A-Za-z0-9_.-]{1,64}")


def client_place(name: str | None) -> str | None:
    """Where a client's timers ring; None: this connection alone.

    `?client=kitchen` names a place that outlives one connection (and a restart).

    Raises:
        ValueError: for a name that is not 1-64 letters, digits, ".", "_" or "-".
    """
    if name is None:
        return None
    if not _CLIENT_NAME.fullmatch(name):
        raise ValueError("client= must be 1-64 letters, digits, '.', '_' or '-'")
    return f"client:{name}"


def websocket_transport(websocket: WebSocket, output_sample_rate_hz: int
                        ) -> FastAPIWebsocketTransport:
    """Pipecat's transport over an accepted socket, speaking the service's PCM/JSON protocol."""
    return FastAPIWebsocketTransport(
        websocket,
        FastAPIWebsocketParams(
            audio_in_enabled=True,
            audio_in_sample_rate=INPUT_SAMPLE_RATE_HZ,
            audio_out_enabled=True,
            audio_out_sample_rate=output_sample_rate_hz,
            audio_out_end_silence_secs=0,
            # 20 ms output chunks: an interruption cuts playback at most this late.
            audio_out_10ms_chunks=2,
            serializer=PcmJsonSerializer(),
            session_timeout=None,
        ),
    )


def tell_the_client(conversation: Conversation, transport: FastAPIWebsocketTransport,
                    send: Callable[[ClientEvent], Awaitable[None]], session_id: int,
                    output_sample_rate_hz: int) -> None:
    """Send the client its hello, what was heard and each finished turn; end on disconnect."""
    async def on_event(kind: str, record: TurnRecord) -> None:
        if kind == "transcript":
            await send(HeardEvent(text=record.transcript))
        elif kind == "turn":
            await send(TurnEvent.of(record))

    conversation.timeline.on_event = on_event

    @transport.event_handler("on_client_connected")
    async def on_connected(_transport, _ws):
        await send(HelloEvent(session=session_id, input_sample_rate_hz=INPUT_SAMPLE_RATE_HZ,
                              output_sample_rate_hz=output_sample_rate_hz))

    @transport.event_handler("on_client_disconnected")
    async def on_disconnected(_transport, _ws):
        await conversation.worker.cancel()


async def end_when_too_long(websocket: WebSocket, worker: PipelineWorker,
                            max_session_s: float) -> None:
    """Close the socket with 1013 and the reason once the conversation has run its limit."""
    await asyncio.sleep(max_session_s)
    # Closed here, with the reason, before the transport closes it plainly.
    with contextlib.suppress(RuntimeError, WebSocketDisconnect):
        await websocket.close(code=WS_TRY_AGAIN_LATER, reason=(
            f"conversation reached {max_session_s:g} s (service.max_session_s); reconnect"))
    await worker.cancel()


async def run_session(websocket: WebSocket, engines: Engines, idle_timeout_s: float, *,
                      feed: EventFeed | None = None, caller: str | None = None,
                      max_session_s: float | None = None) -> None:
    """Converse with one connected client until it disconnects, goes idle or runs too long.

    `feed` (the console's) hears when the conversation starts and ends; tool limits
    are counted for `caller` (the token), whichever connection it uses. At
    `max_session_s` the socket is closed with 1013 and the reason.
    """
    session_id = next(_session_ids)
    try:
        place = client_place(websocket.query_params.get("client"))
    except ValueError as e:
        await websocket.close(code=1008, reason=str(e))
        return
    output_rate = engines.settings.audio.output_sample_rate_hz
    transport = websocket_transport(websocket, output_rate)

    async def send(event: ClientEvent) -> None:
        await conversation.worker.queue_frame(
            OutputTransportMessageUrgentFrame(message=event.to_json()))

    async def on_timer(timer: Timer, sentence: str) -> None:
        # The sentence is spoken into the conversation too: the client gets its audio.
        await send(TimerEvent(timer=timer.id, name=timer.name, seconds=timer.seconds,
                              text=sentence))

    conversation = build_conversation(engines, transport, idle_timeout_s=idle_timeout_s,
                                      session_id=f"ws-{session_id}", on_timer=on_timer,
                                      place=place, caller=caller)
    tell_the_client(conversation, transport, send, session_id, output_rate)
    logger.info(f"session {session_id}: connected")
    if feed is not None:
        feed.publish(SessionEvent(event="connected", session=f"ws-{session_id}"))
    runner = WorkerRunner(handle_sigint=False, check_dangling_tasks=False)
    await runner.add_workers(conversation.worker)
    limit = (asyncio.create_task(end_when_too_long(websocket, conversation.worker,
                                                   max_session_s))
             if max_session_s else None)
    try:
        await runner.run()
    finally:
        if limit is not None:
            limit.cancel()
        turns = len(conversation.timeline.turns)
        logger.info(f"session {session_id}: ended after {turns} turns")
        if feed is not None:
            feed.publish(SessionEvent(event="ended", session=f"ws-{session_id}", turns=turns))

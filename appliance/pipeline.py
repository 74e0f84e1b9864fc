"""The one place the stages are wired: transport in → STT → context → LLM → TTS → transport out.

Providers load once into `Engines` and are shared; every conversation (the kiosk,
a converted file, each WebSocket client) gets its own pipeline, context, VAD,
turn analyzer and route log around them. Each stage talks to a routed provider,
which picks the actual one per turn.
"""

from __future__ import annotations

import dataclasses
import functools
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipecat.frames.frames import TTSSpeakFrame
from pipecat.observers.base_observer import BaseObserver
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.processors.aggregators.llm_response_universal import (
    LLMContextAggregatorPair,
    LLMUserAggregatorParams,
)
from pipecat.processors.frame_processor import FrameProcessor
from pipecat.transports.base_transport import BaseTransport

from appliance.agents import AgentMemory, SupervisedChatModel, Supervisor
from appliance.governance.masking import mask_exchange, mask_text
from appliance.governance.turn_audit import ErrorAuditor, TurnAuditor
from appliance.intents import DirectAnswerChatModel
from appliance.intents.timers import Ring as TimerRing
from appliance.intents.timers import Timer, TimerBook
from appliance.llm import ChatModelLLMService
from appliance.routing.kinds import RouteKind
from appliance.routing.routed import RoutedChatModel, RoutedSpeechToText, RoutedTextToSpeech
from appliance.routing.router import RouteLog, RouteRecord
from appliance.runtime.engines import Engines, load_engines
from appliance.stt import ProviderSTTService
from appliance.tools.chat import ToolCallingChatModel
from appliance.tools.registry import CallContext
from appliance.tts import ProviderTTSService
from appliance.tts.first_clause import FirstClauseRule
from appliance.turns import TurnTimelineObserver, make_turn_strategies, make_vad_analyzer
from appliance.turns.resumed import ResumedTurnEditor

__all__ = ["Conversation", "Engines", "build_conversation", "build_llm_stage", "load_engines"]


@dataclass
class Conversation:
    """One conversation's pipeline worker and what it has recorded."""

    worker: PipelineWorker
    timeline: TurnTimelineObserver
    context: LLMContext
    route_log: RouteLog


def build_llm_stage(engines: Engines, route_log: RouteLog, *,
                    first_clause: FirstClauseRule | None = None,
                    call_context: Callable[[], CallContext] = CallContext,
                    session_id: str | None = None,
                    agent_memory: AgentMemory | None = None) -> ChatModelLLMService:
    """The LLM stage of one conversation: intents, then the agents, tools, the routed model.

    `session_id` is where timers set in this conversation ring; `agent_memory` what the
    conversation's agents keep across turns (who served what, the slots), when the
    stage is built again for each turn.

    The benchmark's typed answer-quality run uses this same stage without audio.
    """
    settings = engines.settings
    chat_model = RoutedChatModel(engines.router, route_log)
    supervised: list[SupervisedChatModel] = []  # built below; tool calls name its agent

    def context() -> CallContext:
        asked = call_context()
        if not supervised:
            return asked
        return dataclasses.replace(asked, agent=supervised[0].current.name,
                                   handed=supervised[0].handed_as_said())

    if engines.tools is not None:
        chat_model = ToolCallingChatModel(
            chat_model, engines.tool_proposer, engines.tools,
            context=context,
            max_calls=settings.tools.max_calls_per_turn,
            outbound=lambda messages: engines.router("llm").privacy.mask_messages(messages),
            on_tool_turn=lambda reason: route_log.record(
                "llm", RouteRecord(provider=settings.tools.model, reason=reason,
                                   kind=RouteKind.TOOL_CALL)))
    if settings.agents:
        # The agent choice, when the word classifier is unsure, by a local model.
        chooser = engines.tool_proposer or engines.llm
        supervised.append(SupervisedChatModel(
            chat_model, Supervisor(settings.agents, settings.default_agent, chooser),
            agent_memory or AgentMemory(), route_log, session=session_id or ""))
        chat_model = supervised[0]
    # Computable questions (arithmetic, units, calendar facts, the time) are answered
    # exactly before any model, tool or remote sees them.
    # With tools on, requests it cannot carry out itself are left to the tools (an MCP
    # server may control devices).
    chat_model = DirectAnswerChatModel(
        chat_model, decline_unsupported=engines.tools is None,
        commands=engines.command_stage(session_id),  # timers ring where they were set
        on_answer=lambda reason, kind: route_log.record(
            "llm", RouteRecord(provider="intents", reason=reason, kind=kind)))
    return ChatModelLLMService(
        chat_model,
        system_prompt=settings.llm.system_prompt,
        max_tokens=settings.llm.max_tokens,
        temperature=settings.llm.temperature,
        max_history_turns=settings.llm.max_history_turns,
        max_history_tokens=settings.llm.max_history_tokens,
        max_reply_sentences=settings.llm.max_reply_sentences,
        follow_up_history_turns=settings.llm.follow_up_history_turns,
        # The local LLM pauses where the TTS cuts the first clause: one rule for both.
        spoken_first_chunk=first_clause.complete if first_clause else None,
    )


def build_conversation(
    engines: Engines,
    transport: BaseTransport,
    *,
    observers: Sequence[BaseObserver] = (),
    idle_timeout_s: float | None = None,
    session_id: str | None = None,
    on_timer: TimerRing | None = None,
    place: str | None = None,
    caller: str | None = None,
    gate: FrameProcessor | None = None,
) -> Conversation:
    """Wire a full voice pipeline around `transport`; its turns go to the audit trail.

    Timers set here belong to `place` (by default this conversation alone) and are
    spoken into whichever conversation of that place runs when they end; `on_timer`
    hears of them too (the WebSocket session sends a `timer` event). Tool limits are
    counted for `caller` (a token), else for the place, else for this conversation.
    `gate` sits between the microphone and speech recognition (the kiosk's wake word).
    """
    settings = engines.settings
    context = LLMContext()
    vad = make_vad_analyzer(settings.turns, engines.vad_model_path)
    user_params = LLMUserAggregatorParams(
        vad_analyzer=vad,
        user_turn_strategies=make_turn_strategies(settings.turns, engines.smart_turn_model_path),
    )
    user_aggregator, assistant_aggregator = LLMContextAggregatorPair(
        context, user_params=user_params
    )
    route_log = RouteLog()
    session_id = session_id or uuid.uuid4().hex[:12]
    timeline: TurnTimelineObserver | None = None

    def current_turn_id() -> str | None:
        return timeline.current.turn_id if timeline and timeline.current else None

    counted_as = caller or (f"place:{place}" if place else None)
    first_clause = FirstClauseRule()
    llm = build_llm_stage(
        engines, route_log, first_clause=first_clause,
        call_context=lambda: CallContext(session_id=session_id, turn_id=current_turn_id(),
                                         caller=counted_as),
        session_id=place or session_id)
    hear, speak = _voice_stages(engines, route_log, vad, first_clause)
    # A speaker that can go quiet ahead of the interruption (the kiosk's) does so on a
    # loud voice's onset and the moment the VAD hears the user start talking over it.
    hush = getattr(transport.output(), "hush", None)
    if settings.turns.enable_barge_in and hush is not None:
        vad.add_speech_listener(hush)
        vad.add_onset_listeners(hush, transport.output().play_on)
    pipeline = Pipeline([transport.input(), *([gate] if gate is not None else []), hear,
                         ResumedTurnEditor(context), user_aggregator, llm, speak,
                         transport.output(), assistant_aggregator])
    timeline, audit_observers = _turn_observers(engines, route_log, session_id,
                                                current_turn_id)
    worker = PipelineWorker(
        pipeline,
        params=PipelineParams(
            audio_in_sample_rate=settings.audio.input_sample_rate_hz,
            audio_out_sample_rate=settings.audio.output_sample_rate_hz,
            enable_metrics=True,
        ),
        observers=[timeline, *audit_observers, *observers],
        idle_timeout_secs=idle_timeout_s,
        enable_rtvi=False,
    )
    if engines.commands is not None:
        _ring_timers_here(engines.commands.timers, worker, place or session_id, on_timer)
    return Conversation(worker=worker, timeline=timeline, context=context, route_log=route_log)


def _voice_stages(engines: Engines, route_log: RouteLog, vad,
                  first_clause: FirstClauseRule) -> tuple[ProviderSTTService, ProviderTTSService]:
    """Speech to text and text to speech, each routed turn by turn, for one conversation."""
    settings = engines.settings
    hear = ProviderSTTService(
        RoutedSpeechToText(engines.router, route_log),
        pauses=vad if settings.turns.speculative_stt else None,
        speculate_after_s=settings.turns.speculate_after_s,
        resume_within_s=settings.turns.resume_within_s,
    )
    speak = ProviderTTSService(
        RoutedTextToSpeech(engines.router, route_log,
                           sample_rate_hz=settings.audio.output_sample_rate_hz,
                           agent_voice=engines.agent_voice),
        first_clause=first_clause,
        cpu=engines.local.cpu,
    )
    return hear, speak


def _turn_observers(engines: Engines, route_log: RouteLog, session_id: str,
                    current_turn_id: Callable[[], str | None]
                    ) -> tuple[TurnTimelineObserver, list[BaseObserver]]:
    """The turn timeline and the audit trail's recorders of turns and pipeline errors.

    Metrics, traces and the console hear of turns through the timeline's listeners.
    """
    recorders, audit_observers = [], []
    if engines.audit is not None:
        recorders.append(TurnAuditor(engines.audit, mask_exchange, session_id))
        audit_observers.append(ErrorAuditor(engines.audit, mask_text, session_id,
                                            current_turn_id))
    listeners = [functools.partial(listen, session_id) for listen in engines.turn_listeners]
    timeline = TurnTimelineObserver(route_log=route_log, recorders=recorders,
                                    listeners=listeners)
    return timeline, audit_observers


def _ring_timers_here(timers: TimerBook, worker: PipelineWorker, place: str,
                      on_timer: TimerRing | None) -> None:
    """Listen for timers while the pipeline runs; say a finished one aloud."""
    stop: list[Callable[[], None]] = []

    async def ring(timer: Timer, sentence: str) -> None:
        await worker.queue_frame(TTSSpeakFrame(sentence))
        if on_timer is not None:
            await on_timer(timer, sentence)

    @worker.event_handler("on_pipeline_started")
    async def listen(_worker, _frame):
        stop.append(timers.listen(ring, session=place))

    @worker.event_handler("on_pipeline_finished")
    async def stop_listening(_worker, _frame):
        while stop:
            stop.pop()()

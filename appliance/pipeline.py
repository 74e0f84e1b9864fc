"""The one place the stages are wired: transport in → STT → context → LLM → TTS → transport out.

Models load once into `Engines` and are shared; every conversation (the kiosk,
a converted file, each WebSocket client) gets its own pipeline, context, VAD and
turn analyzer around them.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from loguru import logger
from pipecat.observers.base_observer import BaseObserver
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.processors.aggregators.llm_response_universal import (
    LLMContextAggregatorPair,
    LLMUserAggregatorParams,
)
from pipecat.transports.base_transport import BaseTransport

from appliance.config import Settings
from appliance.llm import ChatModel, ChatModelLLMService
from appliance.modelstore import ModelStore, ModelStoreError
from appliance.stt import ProviderSTTService, SpeechToText
from appliance.tts import ProviderTTSService, TextToSpeech
from appliance.turns import TurnTimelineObserver, make_turn_strategies, make_vad_analyzer


@dataclass
class Engines:
    """The loaded models, shared by every conversation of this process."""

    settings: Settings
    stt: SpeechToText
    llm: ChatModel
    tts: TextToSpeech
    vad_model_path: Path
    smart_turn_model_path: Path
    load_seconds: float = 0.0

    async def aclose(self) -> None:
        """Release every model."""
        for engine in (self.stt, self.llm, self.tts):
            await engine.aclose()


def _only_file(folder: Path, pattern: str) -> Path:
    return next(iter(sorted(folder.glob(pattern))))


def load_engines(settings: Settings, *, store: ModelStore | None = None) -> Engines:
    """Load every model the settings name, from the models folder.

    Raises:
        ModelStoreError: naming the missing or corrupt model and the command that fixes it.
    """
    from appliance.llm.llama_local import LlamaLocalChatModel
    from appliance.stt.whisper_local import WhisperLocalSTT
    from appliance.tts.piper import PiperTTS

    started = time.monotonic()
    store = store or ModelStore(settings.models.dir)
    # Check every model before loading any, so one run reports every problem's fix.
    names = ("silero-vad", "smart-turn-v3.2", settings.stt.model, settings.llm.model,
             settings.tts.voice)
    folders, problems = {}, []
    for name in names:
        try:
            folders[name] = store.require(name)
        except ModelStoreError as e:
            problems.append(str(e))
    if len(problems) == 1:
        raise ModelStoreError(problems[0])
    if problems:
        raise ModelStoreError(
            "several models are not usable:\n  "
            + "\n  ".join(problems)
            + f"\nRun: appliance models fetch --models-dir {store.models_dir}  (fetches them all)"
        )
    stt = WhisperLocalSTT(
        folders[settings.stt.model],
        threads=settings.stt.threads,
        beam_size=settings.stt.beam_size,
        language=settings.stt.language,
        no_speech_threshold=settings.stt.no_speech_threshold,
    )
    llm = LlamaLocalChatModel(
        _only_file(folders[settings.llm.model], "*.gguf"),
        threads=settings.llm.threads,
        context_window_tokens=settings.llm.context_window_tokens,
        seed=settings.llm.seed,
    )
    voice = _only_file(folders[settings.tts.voice], "*.onnx")
    tts = PiperTTS(
        voice, voice.with_name(voice.name + ".json"), length_scale=settings.tts.length_scale
    )
    engines = Engines(
        settings=settings,
        stt=stt,
        llm=llm,
        tts=tts,
        vad_model_path=_only_file(folders["silero-vad"], "*.onnx"),
        smart_turn_model_path=_only_file(folders["smart-turn-v3.2"], "*.onnx"),
    )
    engines.load_seconds = time.monotonic() - started
    logger.info(f"models loaded in {engines.load_seconds:.1f} s")
    return engines


@dataclass
class Conversation:
    """One conversation's pipeline worker and what it has recorded."""

    worker: PipelineWorker
    timeline: TurnTimelineObserver
    context: LLMContext


def build_conversation(
    engines: Engines,
    transport: BaseTransport,
    *,
    observers: Sequence[BaseObserver] = (),
    idle_timeout_s: float | None = None,
) -> Conversation:
    """Wire a full voice pipeline around `transport`."""
    settings = engines.settings
    context = LLMContext()
    user_params = LLMUserAggregatorParams(
        vad_analyzer=make_vad_analyzer(settings.turns, engines.vad_model_path),
        user_turn_strategies=make_turn_strategies(settings.turns, engines.smart_turn_model_path),
    )
    user_aggregator, assistant_aggregator = LLMContextAggregatorPair(
        context, user_params=user_params
    )
    llm = ChatModelLLMService(
        engines.llm,
        system_prompt=settings.llm.system_prompt,
        max_tokens=settings.llm.max_tokens,
        temperature=settings.llm.temperature,
        max_history_turns=settings.llm.max_history_turns,
        max_history_tokens=settings.llm.max_history_tokens,
    )
    pipeline = Pipeline(
        [
            transport.input(),
            ProviderSTTService(engines.stt),
            user_aggregator,
            llm,
            ProviderTTSService(engines.tts),
            transport.output(),
            assistant_aggregator,
        ]
    )
    timeline = TurnTimelineObserver()
    worker = PipelineWorker(
        pipeline,
        params=PipelineParams(
            audio_in_sample_rate=settings.audio.input_sample_rate_hz,
            audio_out_sample_rate=settings.audio.output_sample_rate_hz,
            enable_metrics=True,
        ),
        observers=[timeline, *observers],
        idle_timeout_secs=idle_timeout_s,
        enable_rtvi=False,
    )
    return Conversation(worker=worker, timeline=timeline, context=context)

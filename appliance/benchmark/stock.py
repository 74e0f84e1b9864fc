"""The pipeline a pipecat user would write from pipecat's documentation, for `--compare`.

Same models, same transport, same timeline observer; pipecat's own services and
defaults, no tuning: SileroVADAnalyzer with the default turn strategies (Smart Turn),
WhisperSTTService, OpenAILLMService against `python -m llama_cpp.server`, PiperTTSService.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import httpx
from pipecat.audio.vad.silero import SileroVADAnalyzer
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.processors.aggregators.llm_response_universal import (
    LLMContextAggregatorPair,
    LLMUserAggregatorParams,
)
from pipecat.services.openai.llm import OpenAILLMService
from pipecat.services.piper.tts import PiperTTSService
from pipecat.services.whisper.stt import WhisperSTTService

from appliance.benchmark.ports import free_port
from appliance.benchmark.run import BenchResult, count_false_cutoffs, run_benchmark
from appliance.config import Settings
from appliance.modelstore import ModelStore
from appliance.pipeline import Conversation
from appliance.routing.router import RouteLog
from appliance.runtime.engines import Engines
from appliance.turns import TurnTimelineObserver


def start_llama_server(gguf: Path, port: int) -> subprocess.Popen:
    """The stock setup's LLM: llama.cpp's own OpenAI-compatible server, on loopback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "2048"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("llama_cpp.server exited; is llama-cpp-python[server] installed?")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/models", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("llama_cpp.server did not start within 60 s")


async def run_stock_benchmark(engines: Engines, corpus, *, paused=None,
                              **options) -> BenchResult:
    """The same corpus through the stock pipeline; `engines` only lends its settings."""
    settings = engines.settings
    port = free_port()
    # The very file the appliance loads: same models, same machine.
    gguf = ModelStore(settings.models.dir).file_ending(settings.llm.model, ".gguf")
    server = await asyncio.to_thread(start_llama_server, gguf, port)
    try:
        build = stock_builder(settings, f"http://127.0.0.1:{port}/v1")
        result = await run_benchmark(engines, corpus, build=build, **options)
        result.has_intent_stage = False
        if paused:
            result.pauses = await count_false_cutoffs(engines, paused, build=build)
        return result
    finally:
        server.terminate()
        await asyncio.to_thread(server.wait, 20)


def stock_builder(settings: Settings, llm_base_url: str):
    """A `build(engines, transport)` for `converse_samples` that wires the stock pipeline."""
    models = settings.models.dir

    def build(engines: Engines, transport) -> Conversation:
        # A processor belongs to one pipeline: each conversation loads its own (as a
        # pipecat bot per session does); loading is outside the measured timings.
        stt = WhisperSTTService(settings=WhisperSTTService.Settings(
            model=str(models / settings.stt.model)))
        tts = PiperTTSService(download_dir=models / settings.tts.voice,
                              settings=PiperTTSService.Settings(voice="en_US-joe-medium"))
        context = LLMContext()
        user, assistant = LLMContextAggregatorPair(
            context, user_params=LLMUserAggregatorParams(vad_analyzer=SileroVADAnalyzer()))
        llm = OpenAILLMService(base_url=llm_base_url, api_key="none",
                               settings=OpenAILLMService.Settings(
                                   model="smollm2",
                                   system_instruction=settings.llm.system_prompt))
        pipeline = Pipeline([transport.input(), stt, user, llm, tts, transport.output(),
                             assistant])
        timeline = TurnTimelineObserver()
        worker = PipelineWorker(pipeline, params=PipelineParams(
            audio_in_sample_rate=16000,
            audio_out_sample_rate=settings.audio.output_sample_rate_hz),
            observers=[timeline], idle_timeout_secs=None, enable_rtvi=False)
        return Conversation(worker=worker, timeline=timeline, context=context,
                            route_log=RouteLog())

    return build

"""One factory per provider kind, in two tables: `LOCAL_LOADERS` and `REMOTE_CLIENTS`.

The on-device engine of each role, and the client of an OpenAI-compatible server for
each role: engines and routers are built from these alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from appliance.config import ProviderSettings, Settings
from appliance.modelstore import ModelSpec
from appliance.modelstore.devices import Devices
from appliance.providers.cpu_priority import CpuPriority


@dataclass(frozen=True)
class LocalModel:
    """What loading one on-device model needs: its files, the settings, where it runs."""

    folder: Path
    settings: Settings
    spec: ModelSpec | None  # None: the user's own path, not a manifest model
    devices: Devices
    cpu: CpuPriority

    def file(self, suffix: str) -> Path:
        """The file the manifest names: the folder may still hold one an older manifest listed."""
        return self.folder if self.spec is None else self.folder / self.spec.file_ending(
            suffix).path


def _whisper(model: LocalModel) -> Any:
    from appliance.stt.whisper_local import WhisperLocalSTT

    stt = model.settings.stt
    return WhisperLocalSTT(model.folder, threads=stt.threads, beam_size=stt.beam_size,
                           language=stt.language, no_speech_threshold=stt.no_speech_threshold,
                           encoder_window_s=stt.encoder_window_s, device=model.devices.stt)


def _llama(model: LocalModel) -> Any:
    from appliance.llm.llama_local import LlamaLocalChatModel

    llm = model.settings.llm
    # The tool proposer gets its own instance, so the answering model keeps its KV cache
    # (the system prompt stays evaluated) between turns.
    return LlamaLocalChatModel(model.file(".gguf"), threads=llm.threads,
                               context_window_tokens=llm.context_window_tokens, seed=llm.seed,
                               repeat_penalty=llm.repeat_penalty,
                               gpu_layers=-1 if model.devices.llm == "cuda" else 0,
                               cpu=model.cpu)


def _piper(model: LocalModel) -> Any:
    from appliance.tts.piper import PiperTTS

    voice = model.file(".onnx")
    # The store checked the file against the manifest: no need to hash it again.
    return PiperTTS(voice, voice.with_name(voice.name + ".json"),
                    length_scale=model.settings.tts.length_scale,
                    source_sha256=model.spec.file_ending(".onnx").sha256 if model.spec else None,
                    use_cuda=model.devices.tts == "cuda")


LOCAL_LOADERS: dict[str, Callable[[LocalModel], Any]] = {
    "stt": _whisper, "llm": _llama, "tools": _llama, "tts": _piper}


def load_local(role: str, folder: Path, settings: Settings, spec: ModelSpec | None,
               devices: Devices, cpu: CpuPriority) -> Any:
    """Load one on-device engine: a manifest model's folder, or the user's own path (no spec)."""
    return LOCAL_LOADERS[role](LocalModel(folder, settings, spec, devices, cpu))


def _openai_stt(common: dict, provider: ProviderSettings) -> Any:
    from appliance.stt.openai_remote import OpenAISpeechToText

    return OpenAISpeechToText(**common)


def _openai_llm(common: dict, provider: ProviderSettings) -> Any:
    from appliance.llm.openai_remote import OpenAIChatModel

    return OpenAIChatModel(**common, first_byte_timeout_s=provider.first_byte_timeout_s)


def _openai_tts(common: dict, provider: ProviderSettings) -> Any:
    from appliance.tts.openai_remote import OpenAITextToSpeech

    return OpenAITextToSpeech(**common, voice=provider.voice or "alloy",
                              first_byte_timeout_s=provider.first_byte_timeout_s)


REMOTE_CLIENTS: dict[str, Callable[[dict, ProviderSettings], Any]] = {
    "stt": _openai_stt, "llm": _openai_llm, "tts": _openai_tts}


def remote_engine(role: str, provider: ProviderSettings) -> Any:
    """A client for an OpenAI-compatible server; the key comes from the environment."""
    api_key = os.environ.get(provider.api_key_env) if provider.api_key_env else None
    common = dict(name=provider.name, base_url=provider.base_url, model=provider.model,
                  api_key=api_key, timeout_s=provider.timeout_s)
    return REMOTE_CLIENTS[role](common, provider)

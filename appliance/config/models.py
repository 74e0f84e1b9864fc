"""Which model a role runs: a name from the model manifest, or a path to the user's own files.

A name ("smollm2-135m") is fetched, checked and loaded through the model store; a
path ("~/models/my-model.gguf") is loaded as it is: any faster-whisper (CTranslate2)
model folder, any GGUF file, any Piper voice (.onnx with its .onnx.json beside it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator

# The manifest's models per role (models/manifest.toml; a test keeps the two in step).
KNOWN_MODELS = {
    "stt": ("whisper-tiny.en", "whisper-base"),
    "llm": ("smollm2-135m", "qwen2.5-0.5b"),
    "tts": ("piper-joe-medium",),
}
_WHAT_A_PATH_IS = {
    "stt": "a faster-whisper model folder",
    "llm": "a .gguf file",
    "tts": "a Piper voice .onnx file",
}


def is_model_path(model: str) -> bool:
    """True when `model` names the user's own files rather than a manifest model."""
    return "/" in model or model.startswith("~") or model.endswith((".gguf", ".onnx"))


def model_path(model: str) -> Path:
    """The path a model setting names, with ~ expanded."""
    return Path(model).expanduser()


def _checker(role: str):
    def check(model: str) -> str:
        if is_model_path(model) or model in KNOWN_MODELS[role]:
            return model
        raise ValueError(
            f"{model!r} is neither a model of the manifest ({', '.join(KNOWN_MODELS[role])}) "
            f"nor a path to {_WHAT_A_PATH_IS[role]} (e.g. \"~/models/mine{_example(role)}\")")
    return check


def _example(role: str) -> str:
    return {"stt": "-whisper", "llm": ".gguf", "tts": ".onnx"}[role]


SttModel = Annotated[str, AfterValidator(_checker("stt"))]
LlmModel = Annotated[str, AfterValidator(_checker("llm"))]
TtsVoice = Annotated[str, AfterValidator(_checker("tts"))]

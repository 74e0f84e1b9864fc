"""The user's own model files, named by path in the settings: checked before anything loads.

The manifest's models are checked against their sha256; a user's own files have no
manifest entry, so this checks what a loader needs and says what is missing.
"""

from __future__ import annotations

from pathlib import Path

from appliance.modelstore.errors import ModelMissingError

_GGUF_MAGIC = b"GGUF"


def check_own_model(role: str, model: str) -> Path:
    """The path `model` names, once it holds what `role` loads.

    Raises:
        ModelMissingError: naming the setting's value and what is missing.
    """
    path = Path(model).expanduser()
    if not path.exists():
        raise ModelMissingError(f"{model}: no such file or folder (set in the {role} settings)")
    if role in ("llm", "tools"):
        with path.open("rb") as f:
            if path.is_dir() or f.read(4) != _GGUF_MAGIC:
                raise ModelMissingError(f"{model}: not a GGUF file (llama.cpp loads .gguf models)")
    elif role == "stt":
        missing = [n for n in ("model.bin", "config.json", "tokenizer.json")
                   if not (path / n).is_file()]
        if missing:
            raise ModelMissingError(
                f"{model}: not a faster-whisper model folder, missing {', '.join(missing)} "
                "(tokenizer.json too: without it faster-whisper would fetch one from a hub)")
    elif role == "tts":
        config = path.with_name(path.name + ".json")
        if path.suffix != ".onnx" or not config.is_file():
            raise ModelMissingError(
                f"{model}: a Piper voice is an .onnx file with its .onnx.json beside it "
                f"(missing {config.name})")
    return path

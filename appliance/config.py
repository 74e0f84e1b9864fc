"""Typed settings for the whole appliance, loaded once from one TOML file.

Every field has a default, so every command works with no file at all. A bad
value is rejected before any audio opens, with the field's dotted name, what was
given and what is allowed.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

CONFIG_ENV = "APPLIANCE_CONFIG"
MODELS_DIR_ENV = "APPLIANCE_MODELS_DIR"


def default_models_dir() -> Path:
    """Where fetched models live unless the config or environment says otherwise."""
    if env := os.environ.get(MODELS_DIR_ENV):
        return Path(env)
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "appliance" / "models"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TurnSettings(_Section):
    """Voice activity and end-of-turn detection."""

    vad_confidence: float = Field(0.7, ge=0.05, le=0.99)
    # Short enough that barge-in stops playback within ~0.3 s of the first word.
    vad_start_s: float = Field(0.15, ge=0.05, le=2.0)
    vad_stop_s: float = Field(0.2, ge=0.05, le=3.0)
    enable_smart_turn: bool = True
    smart_turn_threads: int = Field(1, ge=1, le=8)
    # Longest wait for end of turn once the user is silent and Smart Turn keeps
    # judging the turn unfinished.
    fallback_timeout_s: float = Field(3.0, ge=0.2, le=30.0)
    enable_barge_in: bool = True


class STTSettings(_Section):
    """Speech to text."""

    model: Literal["whisper-tiny.en"] = "whisper-tiny.en"
    threads: int = Field(2, ge=1, le=16)
    beam_size: int = Field(1, ge=1, le=8)
    # Segments Whisper thinks are probably not speech are dropped.
    no_speech_threshold: float = Field(0.6, ge=0.0, le=1.0)
    language: str = "en"


class LLMSettings(_Section):
    """The language model and the conversation context it sees."""

    model: Literal["smollm2-135m", "qwen2.5-0.5b"] = "smollm2-135m"
    system_prompt: str = Field(
        "You are a helpful voice assistant. Answer in one or two short, plain sentences.",
        min_length=1,
    )
    max_tokens: int = Field(96, ge=1, le=2048)
    temperature: float = Field(0.2, ge=0.0, le=2.0)
    # A fixed seed makes the same conversation give the same answers.
    seed: int = Field(42, ge=0)
    threads: int = Field(2, ge=1, le=16)
    context_window_tokens: int = Field(2048, ge=256, le=32768)
    # The context keeps the system prompt plus at most this many recent
    # user/assistant exchanges; older ones are dropped.
    max_history_turns: int = Field(6, ge=0, le=100)
    # ... and at most this many tokens of history, so one long answer cannot
    # crowd out the window.
    max_history_tokens: int = Field(1024, ge=64, le=32768)


class TTSSettings(_Section):
    """Text to speech."""

    voice: Literal["piper-joe-medium"] = "piper-joe-medium"
    # Piper's length scale: above 1 speaks slower, below 1 faster.
    length_scale: float = Field(1.0, ge=0.5, le=2.0)


class AudioSettings(_Section):
    """Audio devices and formats for the kiosk."""

    input_device: str | int | None = None
    output_device: str | int | None = None
    input_sample_rate_hz: Literal[16000] = 16000
    output_sample_rate_hz: int = Field(22050, ge=8000, le=48000)


class ServiceSettings(_Section):
    """The headless HTTP/WebSocket service."""

    host: str = "127.0.0.1"
    port: int = Field(8765, ge=1, le=65535)
    max_sessions: int = Field(4, ge=1, le=64)
    # systemd's watchdog is pinged at half this interval when it is enabled.
    session_idle_timeout_s: float = Field(300.0, ge=5.0)


class ModelSettings(_Section):
    """Where models are found."""

    dir: Path = Field(default_factory=default_models_dir)


class Settings(_Section):
    """All settings; one section per capability."""

    turns: TurnSettings = TurnSettings()
    stt: STTSettings = STTSettings()
    llm: LLMSettings = LLMSettings()
    tts: TTSSettings = TTSSettings()
    audio: AudioSettings = AudioSettings()
    service: ServiceSettings = ServiceSettings()
    models: ModelSettings = Field(default_factory=ModelSettings)


class ConfigError(Exception):
    """The configuration file is missing, unreadable or has invalid values."""


def _describe(error: dict) -> str:
    field = ".".join(str(part) for part in error["loc"])
    given = error.get("input")
    if error["type"] == "extra_forbidden":
        return f"{field}: unknown setting (check the spelling; see README 'Configuration')"
    return f"{field}: {error['msg']} (got {given!r})"


def load_settings(path: Path | str | None = None, overrides: dict | None = None) -> Settings:
    """Load settings from `path`, $APPLIANCE_CONFIG, or the built-in defaults.

    Args:
        path: A TOML file. None means $APPLIANCE_CONFIG if set, else defaults only.
        overrides: Nested values applied on top of the file (command-line flags).

    Raises:
        ConfigError: with one line per bad field, naming it and what is allowed.
    """
    path = path or os.environ.get(CONFIG_ENV)
    data: dict = {}
    origin = "built-in defaults"
    if path:
        origin = str(path)
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {path} does not exist") from None
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"config file {path} cannot be read: {e}") from None
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"config file {path} is not valid TOML: {e}") from None
    for section, values in (overrides or {}).items():
        data.setdefault(section, {}).update({k: v for k, v in values.items() if v is not None})
    try:
        return Settings.model_validate(data)
    except ValidationError as e:
        lines = "\n  ".join(_describe(err) for err in e.errors())
        raise ConfigError(f"invalid settings in {origin}:\n  {lines}") from None

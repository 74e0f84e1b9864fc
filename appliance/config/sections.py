"""The sections of the settings for each stage and the service: one class per TOML table.

Each field's default is what the appliance does with no file at all; a bound names what
was measured to work (see README "Configuration").
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, StringConstraints, field_validator, model_validator

from appliance.config.base import Section as _Section
from appliance.config.base import default_models_dir, default_state_dir
from appliance.config.models import LlmModel, SttModel, TtsVoice


class TurnSettings(_Section):
    """Voice activity and end-of-turn detection."""

    vad_confidence: float = Field(0.7, ge=0.05, le=0.99)
    # Short enough that barge-in stops playback within ~0.3 s of the first word.
    vad_start_s: float = Field(0.15, ge=0.05, le=2.0)
    vad_stop_s: float = Field(0.2, ge=0.05, le=3.0)
    # Start speech-to-text once a pause is this old, before the VAD declares the
    # speech over (vad_stop_s); the guess is dropped if the user speaks again.
    speculative_stt: bool = True
    speculate_after_s: float = Field(0.032, ge=0.0, le=1.0)
    enable_smart_turn: bool = True
    smart_turn_threads: int = Field(1, ge=1, le=8)
    # A transcript that ends like a finished request ("...of France?") ends the
    # turn at once; otherwise Smart Turn decides. Off: Smart Turn alone (pipecat's way).
    end_on_transcript: bool = True
    # Longest wait, from the end of speech, for end of turn when neither the
    # transcript nor Smart Turn says the turn is over (pipecat's default is 3 s).
    fallback_timeout_s: float = Field(1.5, ge=0.3, le=30.0)
    enable_barge_in: bool = True
    # A voice at least barge_in_onset_db loud (dB below full scale over 32 ms) and
    # surely speech for 64 ms hushes the kiosk's speaker before the VAD confirms speech
    # (120-260 ms sooner); if no speech follows, the reply plays on. In the echo room
    # what cancellation left of the kiosk's own voice stayed below -35 dBFS, talk over
    # it was -20 to -10. Off: the speaker waits for the VAD (vad_start_s).
    barge_in_at_onset: bool = True
    barge_in_onset_db: float = Field(-30.0, ge=-60.0, le=0.0)
    # Speech that starts again within this long of the end of the user's last
    # request, before its reply has played for long, goes on with that request: the
    # turn was taken too early ("Set a timer for ... ten minutes"). Both are heard
    # again as one and answered as one; the reply to the first part is dropped. 0: off.
    resume_within_s: float = Field(1.5, ge=0.0, le=5.0)


class STTSettings(_Section):
    """Speech to text."""

    # A manifest name, or the path of any faster-whisper (CTranslate2) model folder.
    # Whisper base over tiny.en: on the 202 spoken benchmark questions word error rate
    # 0.114 against 0.160 (espeak voices 0.17-0.28 against 0.29-0.30) and 61.9 % of
    # the answers right against 56.9 %, for about 100 ms more a transcript (README).
    model: SttModel = "whisper-base"
    # One thread: the other core is the event loop's, Smart Turn's and the LLM's (base
    # gains ~40 ms a transcript on two, measured here, and would take them from them).
    threads: int = Field(1, ge=1, le=16)
    # Greedy. Beam 5 (stock faster-whisper's) costs 10-15 ms a transcript and was
    # more accurate on some voices, less on the built-in corpus (README).
    beam_size: int = Field(1, ge=1, le=8)
    # Segments Whisper thinks are probably not speech are dropped.
    no_speech_threshold: float = Field(0.6, ge=0.0, le=1.0)
    language: str = "en"
    # Whisper's encoder sees this many seconds (padded with silence), or a multiple of
    # it for longer speech, instead of 30: Whisper base took 170 ms a transcript with
    # 8 s, 294 ms with 15 s, at the same word error rate (README).
    encoder_window_s: float = Field(8.0, ge=5.0, le=30.0)
    # A second speech model for the turns the first is unsure of (its mean token
    # log-probability under `second_opinion_below`), e.g. model = "whisper-tiny.en" with
    # second_opinion_model = "whisper-base". Off by default until measured end to end.
    second_opinion_model: SttModel | None = None
    second_opinion_below: float = Field(-0.5, le=0.0)


class LLMSettings(_Section):
    """The language model and the conversation context it sees."""

    # A manifest name, or the path of any GGUF file (its embedded chat template is used).
    model: LlmModel = "smollm2-135m"
    # The larger local tier: follow-ups ("And what river runs through it?") and questions
    # that look hard go to it with the conversation; None keeps one model for everything.
    # Measured on the built-in conversations: SmolLM2 resolved 22 of 60 follow-ups,
    # Qwen 0.5B 37 (README, "Answer quality").
    large_model: LlmModel | None = "qwen2.5-0.5b"
    system_prompt: str = Field(
        "You are a voice assistant in a home. Reply with the answer itself in one short, "
        "plain spoken sentence: name the fact, number or step the user asked for. "
        "No lists, no markdown. If you cannot do something, such as control devices or "
        "set timers, say so in one sentence.",
        min_length=1,
    )
    max_tokens: int = Field(96, ge=1, le=2048)
    # A spoken reply ends after this many sentences unless the user asks for more
    # ("explain", "step by step", "tell me more"): a voice that lectures is not heard out.
    max_reply_sentences: int = Field(3, ge=1, le=50)
    # Greedy by default: a spoken answer should be the model's most likely one, and
    # the same every time. (Sampled at 0.2, SmolLM2-135M answers "What is the capital
    # of France?" with "Le Grand Paris is the capital of France." 9 times in 30.)
    temperature: float = Field(0.0, ge=0.0, le=2.0)
    # Penalises repeating recent tokens (llama.cpp's default); 1.0 turns it off.
    repeat_penalty: float = Field(1.1, ge=1.0, le=2.0)
    # A fixed seed makes the same conversation give the same answers.
    seed: int = Field(42, ge=0)
    threads: int = Field(2, ge=1, le=16)
    context_window_tokens: int = Field(2048, ge=256, le=32768)
    # The context keeps the system prompt plus at most this many recent
    # user/assistant exchanges; over it, the oldest are dropped down to half at
    # once, so llama.cpp's cache keeps matching for the next few turns.
    max_history_turns: int = Field(6, ge=0, le=100)
    # ... and at most this many tokens of history, so one long answer cannot
    # crowd out the window.
    max_history_tokens: int = Field(1024, ge=64, le=32768)
    # A follow-up is answered with this many of the latest exchanges (a standalone
    # question with none): shorter prompts start sooner (see README "Answer quality").
    follow_up_history_turns: int = Field(2, ge=1, le=100)


class TTSSettings(_Section):
    """Text to speech."""

    # A manifest name, or the path of any Piper voice (.onnx, with its .onnx.json beside it).
    voice: TtsVoice = "piper-joe-medium"
    # Piper's length scale: above 1 speaks slower, below 1 faster.
    length_scale: float = Field(1.0, ge=0.5, le=2.0)


class AudioSettings(_Section):
    """Audio devices and formats for the kiosk."""

    input_device: str | int | None = None
    output_device: str | int | None = None
    input_sample_rate_hz: Literal[16000] = 16000
    output_sample_rate_hz: int = Field(22050, ge=8000, le=48000)
    # The sound server's echo canceller (WebRTC) between the kiosk and the room, so a reply
    # on an open speaker does not interrupt itself (README "Echo cancellation"): "auto"
    # uses it when a PulseAudio or PipeWire server answers, true requires it.
    echo_cancellation: Literal["auto"] | bool = "auto"
    # WebRTC's noise suppression on the cancelled microphone: off, as in a noisy room it
    # did not lower the word error rate (README "Echo cancellation").
    noise_suppression: bool = False


class KioskSettings(_Section):
    """When the kiosk listens: after its wake phrase, or a key with `push_to_talk`."""

    # One of the phrases that ship ("alexa", "okay_nabu", "hey_jarvis", "hey_mycroft"), or
    # "off" to treat everything heard as a turn (as `converse` and the WebSocket do).
    # "okay_nabu" by default: 99 % of takes heard, 1 false wake in 10 hours of other speech
    # and noise, where "alexa" woke 3 times and "hey_mycroft" 2 (README "The kiosk").
    wake_word: Literal["alexa", "okay_nabu", "hey_jarvis", "hey_mycroft", "off"] = "okay_nabu"
    # The model's own cut-off when unset (0.85 for "okay_nabu"); lower wakes more easily.
    wake_threshold: float | None = Field(None, gt=0.0, lt=1.0)
    # A take the model is unsure of (its probability from `wake_check_from` up to the
    # cut-off) wakes the kiosk if the local Whisper finds the phrase in it (~0.15 s of one
    # core, only for such takes); false: the cut-off alone decides.
    wake_check: bool = True
    wake_check_from: float = Field(0.1, gt=0.0, lt=1.0)
    # Once woken: seconds to wait for speech; after a reply: seconds to speak again
    # without the phrase.
    listen_s: float = Field(8.0, ge=1.0, le=120.0)
    follow_up_s: float = Field(5.0, ge=0.0, le=120.0)
    # Enter in the terminal wakes it instead of the phrase.
    push_to_talk: bool = False


class ServiceSettings(_Section):
    """The headless HTTP/WebSocket service."""

    host: str = "127.0.0.1"
    port: int = Field(8765, ge=1, le=65535)
    # Work admitted at once (see README "Limits"): voice conversations, of which one token
    # may hold `max_sessions_per_token`; /v1 requests share what voice leaves.
    max_sessions: int = Field(4, ge=1, le=64)
    max_sessions_per_token: int = Field(2, ge=1, le=64)
    max_api_requests: int = Field(2, ge=1, le=64)
    api_requests_per_minute: int = Field(60, ge=1, le=100000)
    session_idle_timeout_s: float = Field(300.0, ge=5.0)
    max_session_s: float = Field(3600.0, ge=1.0)
    # Bearer token for the OpenAI-compatible endpoints (/v1/...): read from this
    # environment variable, else from `api_token_file` (which must be mode 0600).
    # With neither, those endpoints answer 401.
    api_token_env: str = "APPLIANCE_API_TOKEN"
    api_token_file: Path | None = None
    # Role tokens from `appliance tokens create` (stored hashed).
    tokens_path: Path = Field(default_factory=lambda: default_state_dir() / "tokens.db")
    # Serve HTTPS/WSS when both are set (PEM files).
    tls_certfile: Path | None = None
    tls_keyfile: Path | None = None
    # What one client may hold (see README "Limits"): open sockets, time to send the
    # request headers and body, the size of a request body (speech uploads may be
    # larger) and of one WebSocket message.
    max_connections: int = Field(64, ge=4, le=4096)
    header_timeout_s: float = Field(10.0, gt=0, le=300)
    body_timeout_s: float = Field(60.0, gt=0, le=3600)
    max_body_bytes: int = Field(64 * 1024, ge=1024, le=16 * 1024 * 1024)
    ws_max_message_bytes: int = Field(1024 * 1024, ge=4096, le=16 * 1024 * 1024)


ProviderName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,40}$")]


def _check_base_url(name: str, url: str) -> None:
    """Refuse at load a URL the HTTP client would only trip over at the first call."""
    example = 'e.g. base_url = "http://127.0.0.1:8000/v1"'
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"provider '{name}': base_url {url!r} is not an http(s) URL "
                         f"with a host ({example})")
    try:
        port_ok = parts.port != 0  # urlsplit checks the range only when the port is read
    except ValueError:
        port_ok = False
    if not port_ok:
        raise ValueError(f"provider '{name}': base_url {url!r} has a port outside "
                         f"1-65535 ({example})")


class ProviderSettings(_Section):
    """One provider of one role: the on-device engine, or a remote OpenAI-compatible API."""

    name: ProviderName
    # "local": the on-device engine (model = a models-folder name, e.g. "qwen2.5-0.5b").
    # "openai": any server speaking the OpenAI API (OpenAI, vLLM, llama.cpp server,
    # Ollama, another appliance), at `base_url`.
    kind: Literal["local", "openai"] = "local"
    model: str = Field(min_length=1)
    base_url: str | None = None
    api_key_env: str | None = None
    voice: str | None = None
    # Larger local tiers are escalated to when a question looks hard and no remote may serve.
    tier: Literal["small", "large"] = "small"
    timeout_s: float = Field(20.0, gt=0, le=600)
    first_byte_timeout_s: float = Field(4.0, gt=0, le=120)
    max_retries: int = Field(1, ge=0, le=5)
    price_per_1k_tokens: float = Field(0.0, ge=0)
    price_per_audio_minute: float = Field(0.0, ge=0)
    price_per_1k_chars: float = Field(0.0, ge=0)

    @model_validator(mode="after")
    def _remote_needs_url(self) -> ProviderSettings:
        if self.kind == "openai" and not self.base_url:
            raise ValueError(
                f"provider '{self.name}' is kind 'openai' but has no base_url "
                '(e.g. base_url = "http://127.0.0.1:8000/v1")'
            )
        if self.base_url is not None:
            _check_base_url(self.name, self.base_url)
        return self

    @property
    def is_local(self) -> bool:
        """Whether this provider runs on the device."""
        return self.kind == "local"


def _unique_with_a_local(role: str, providers: list[ProviderSettings]) -> list[ProviderSettings]:
    names = [p.name for p in providers]
    if len(set(names)) != len(names):
        raise ValueError(f"{role} provider names must be unique, got {names}")
    if not any(p.is_local for p in providers):
        raise ValueError(
            f"{role} needs at least one provider with kind = \"local\": the appliance must "
            "keep answering with no network"
        )
    return providers


class ProvidersSettings(_Section):
    """Named providers per role, in order of preference.

    An empty list means the `[stt]`/`[llm]`/`[tts]` model as the only, local, provider.
    """

    stt: list[ProviderSettings] = Field(default_factory=list)
    llm: list[ProviderSettings] = Field(default_factory=list)
    tts: list[ProviderSettings] = Field(default_factory=list)

    @field_validator("stt", "llm", "tts")
    @classmethod
    def _check(cls, providers: list[ProviderSettings], info) -> list[ProviderSettings]:
        return _unique_with_a_local(info.field_name, providers) if providers else providers


class RoutingSettings(_Section):
    """How each turn picks its providers: budgets, confidence, privacy, cost, faults."""

    # Time from the end of the user's speech to the first reply audio.
    latency_budget_ms: float = Field(800.0, ge=50, le=60000)
    # Race a remote provider against the local one when the budget allows.
    enable_hedging: bool = True
    # Re-transcribe remotely when the local transcript is less sure than this.
    stt_min_avg_logprob: float = Field(-0.7, le=0)
    stt_max_no_speech_prob: float = Field(0.5, ge=0, le=1)
    # A question this long, or with one of these words, goes to a stronger model.
    escalate_min_words: int = Field(30, ge=1)
    escalate_keywords: list[str] = Field(
        default_factory=lambda: ["explain", "why", "compare", "analyse", "analyze",
                                 "calculate", "step by step", "plan", "summarize", "summarise"]
    )
    # Escalate when the local answer's first tokens average a log-probability below this
    # (0 probe tokens disables the check, which costs their generation time).
    llm_min_mean_logprob: float = Field(-2.5, le=0)
    llm_probe_tokens: int = Field(0, ge=0, le=64)
    # Turns matching any of these regular expressions never leave the device.
    local_only_patterns: list[str] = Field(default_factory=list)
    # ... nor do turns where personal data (e-mail, phone, card number...) is detected.
    detect_personal_data: bool = True
    daily_budget_usd: float = Field(1.0, ge=0)
    breaker_failure_threshold: int = Field(3, ge=1, le=100)
    breaker_reset_s: float = Field(30.0, gt=0)
    stats_window: int = Field(20, ge=3, le=1000)
    # A provider whose p95 time-to-first-byte exceeds the budget over the window is
    # demoted; after this long it gets one trial and is re-promoted if it is fast again.
    demotion_cooldown_s: float = Field(60.0, gt=0)
    fallback_line: str = Field(
        "Sorry, I can't reach my language model right now. Please try again in a moment.",
        min_length=1,
    )
    # Where the day's spending is kept across restarts (None: in memory only).
    cost_ledger_path: Path | None = None


class ModelSettings(_Section):
    """Where models are found, and what they run on."""

    dir: Path = Field(default_factory=default_models_dir)
    # "auto": CUDA for each engine whose runtime can use it, the CPU for the rest;
    # "cuda": CUDA for all or refuse to start; "cpu": never look.
    device: Literal["cpu", "auto", "cuda"] = "auto"

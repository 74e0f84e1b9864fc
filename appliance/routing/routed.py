"""Routed providers: each implements its role's interface, so the pipeline stays unchanged.

One set per conversation, sharing the process-wide `RoleRouter`s (looked up on
every call, so a reload takes effect at the next turn) and recording its route
decisions in the conversation's `RouteLog`.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import time
from collections.abc import AsyncIterator, Callable

import numpy as np
import soxr
from loguru import logger

from appliance.llm.context_window import follows_up
from appliance.llm.interface import ESCALATION, ChatModel, TokenChunk
from appliance.providers.cpu_priority import SPOKEN_FIRST_CHUNK
from appliance.providers.errors import ProviderError
from appliance.routing.complexity import escalation_reason
from appliance.routing.kinds import RouteKind
from appliance.routing.ledger import llm_cost_usd, stt_cost_usd, tts_cost_usd
from appliance.routing.router import Attempt, ProviderSlot, RoleRouter, RouteLog, RouteRecord
from appliance.routing.streams import as_provider_error, open_routed
from appliance.stt.interface import SpeechToText, Transcript
from appliance.tts.first_clause import FirstClauseRule
from appliance.tts.interface import TextToSpeech

RouterLookup = Callable[[str], RoleRouter]
LOST_CONNECTION_LINE = " Sorry, I lost the connection."
# Where a reply's first clause ends when no voice says (typed turns, the benchmark).
_FIRST_CLAUSE = FirstClauseRule()


@dataclasses.dataclass
class _Relay:
    """How one provider's answer ended, for the caller deciding whether to fail over."""

    broke_before_speech: bool = False


def apology_after(answer: str) -> str:
    """The apology for an answer cut off mid-speech, as a sentence of its own."""
    said = answer.rstrip()
    return ("" if not said or said[-1] in ".!?" else ".") + LOST_CONNECTION_LINE


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else seconds * 1000


def _text_of(messages: list[dict]) -> str:
    parts = []
    for m in messages:
        if m.get("role") in ("user", "assistant") and isinstance(m.get("content"), str):
            parts.append(m["content"])
    return "\n".join(parts)


class RoutedSpeechToText(SpeechToText):
    """Local first; re-transcribed remotely when the local transcript is unsure."""

    name = "routed-stt"

    def __init__(self, routers: RouterLookup, log: RouteLog):
        self._routers = routers
        self._log = log

    async def _run(self, router: RoleRouter, name: str, pcm16: bytes, rate: int,
                   record: RouteRecord) -> Transcript | None:
        if not router.usable(name):
            record.attempts.append(Attempt(name, "skipped", kind="breaker_open"))
            return None
        slot = router.slots[name]
        started = time.monotonic()
        try:
            async with asyncio.timeout(slot.settings.timeout_s):
                transcript = await slot.engine.transcribe(pcm16, rate)
        except Exception as e:
            error = as_provider_error(name, e)
            router.failed(name, error)
            record.attempts.append(Attempt(name, "failed", kind=error.kind))
            return None
        took = time.monotonic() - started
        router.succeeded(name, took)
        record.attempts.append(Attempt(name, "ok", ms=_ms(took)))
        if not slot.is_local:
            record.cost_usd += stt_cost_usd(slot.settings.price_per_audio_minute,
                                            len(pcm16) / 2 / rate)
            router.charge(name, record.cost_usd)
        return transcript

    def _unsure(self, router: RoleRouter, transcript: Transcript) -> str | None:
        s = router.settings
        if not transcript.text:
            return None
        if transcript.avg_logprob is not None and transcript.avg_logprob < s.stt_min_avg_logprob:
            return f"low confidence (avg_logprob {transcript.avg_logprob:.2f} < "\
                   f"{s.stt_min_avg_logprob:.2f})"
        if transcript.no_speech_prob is not None and \
                transcript.no_speech_prob > s.stt_max_no_speech_prob:
            return f"low confidence (no_speech_prob {transcript.no_speech_prob:.2f})"
        return None

    async def transcribe(self, pcm16: bytes, sample_rate_hz: int) -> Transcript:
        """Transcribe locally (or fail over), then maybe again remotely for confidence."""
        self._log.start_turn()
        router = self._routers("stt")
        decision = router.decide(budget_remaining_s=router.budget_s, allow_hedging=False)
        record = RouteRecord(provider="none", reason=decision.reason, kind=decision.kind)
        transcript, served_by = None, None
        for name in decision.order:
            transcript = await self._run(router, name, pcm16, sample_rate_hz, record)
            if transcript is not None:
                served_by = name
                break
        if transcript is None:
            record.note("every provider failed", RouteKind.ALL_FAILED)
            return Transcript(text="", route=record.to_json())
        record.provider, record.ms = served_by, record.attempts[-1].ms
        unsure = self._unsure(router, transcript) if router.slots[served_by].is_local else None
        if unsure:
            transcript = await self._second_opinion(router, unsure, transcript, pcm16,
                                                    sample_rate_hz, record)
        self._log.local_only_reason = router.privacy.local_only_reason(transcript.text)
        return dataclasses.replace(transcript, route=record.to_json())

    async def _second_opinion(self, router, unsure, transcript, pcm16, rate, record):
        local_only = router.privacy.audio_local_only_reason(transcript.text)
        remaining = router.budget_s - self._log.elapsed_s()
        decision = router.decide(budget_remaining_s=remaining, local_only_reason=local_only,
                                 escalation_reason=unsure, allow_hedging=False)
        target = decision.order[0]
        if router.slots[target].is_local:
            record.reason = f"{unsure}, kept local: {decision.reason}"
            record.kind = decision.kind
            return transcript
        better = await self._run(router, target, pcm16, rate, record)
        if better is None or not better.text:
            record.reason = f"{unsure}; remote '{target}' failed, kept local"
            record.kind = RouteKind.LOCAL
            return transcript
        record.provider, record.ms = target, record.attempts[-1].ms
        record.reason = f"{unsure}: re-transcribed by '{target}'"
        record.kind = RouteKind.SECOND_OPINION
        return better


class RoutedChatModel(ChatModel):
    """Local by default; escalates, hedges and fails over; never silent."""

    name = "routed-llm"

    def __init__(self, routers: RouterLookup, log: RouteLog):
        self._routers = routers
        self._log = log

    def prepare(self, messages: list[dict]) -> None:
        """Warm the larger local tier, which answers follow-ups (they start with `messages`)."""
        for slot in self._routers("llm").slots.values():
            if slot.is_local and slot.settings.tier == "large":
                slot.engine.prepare(messages)

    def count_tokens(self, text: str) -> int:
        """Count with the first local model's tokenizer."""
        router = self._routers("llm")
        local = next(s for s in router.slots.values() if s.is_local)
        return local.engine.count_tokens(text)

    def _decide(self, router: RoleRouter, messages: list[dict], escalation: str | None = None):
        s = router.settings
        last_user = next((m.get("content") or "" for m in reversed(messages)
                          if m.get("role") == "user"), "")
        local_only = self._log.local_only_reason or router.privacy.local_only_reason(
            _text_of(messages))
        escalation = escalation or ESCALATION.get() or escalation_reason(
            str(last_user), min_words=s.escalate_min_words, keywords=s.escalate_keywords)
        if escalation is None and _has_history(messages) and follows_up(str(last_user)):
            escalation = "a follow-up that needs the conversation"
        remaining = max(0.0, router.budget_s - self._log.elapsed_s())
        return router.decide(budget_remaining_s=remaining, local_only_reason=local_only,
                             escalation_reason=escalation)

    async def stream(self, messages: list[dict], *, max_tokens: int,
                     temperature: float) -> AsyncIterator[TokenChunk]:
        """Stream the routed answer (the fallback line when no provider can answer)."""
        router = self._routers("llm")
        decision = self._decide(router, messages)
        record = RouteRecord(provider="none", reason=decision.reason, kind=decision.kind,
                             prompt_tokens=self.count_tokens("\n".join(
                                 str(m.get("content") or "") for m in messages)))
        if ESCALATION.get():
            self._log.forget("llm")  # a second answer: its route is the turn's
        self._log.record("llm", record)

        outbound = None  # masked once, and only if a remote provider is tried

        def make(slot):
            nonlocal outbound
            if slot.is_local:
                return slot.engine.stream(messages, max_tokens=max_tokens,
                                          temperature=temperature)
            outbound = outbound or router.privacy.mask_messages(messages)
            return slot.engine.stream(outbound, max_tokens=max_tokens, temperature=temperature)

        opened = await open_routed(router, decision.order, decision.hedge, make, record)
        if opened and router.settings.llm_probe_tokens:
            opened, held = await self._probe(router, opened, messages, make, record)
        else:
            held = []
        tried: list[str] = []
        while True:
            if opened is None:
                record.provider = "fallback"
                record.note("every provider failed, said the fallback line",
                            RouteKind.ALL_FAILED)
                yield TokenChunk(router.settings.fallback_line)
                return
            tried.append(opened.provider)
            relay = _Relay()
            async for chunk in self._relay(router, opened, held, messages, record, relay):
                yield chunk
            if not relay.broke_before_speech:
                return
            # Nothing of the broken answer was let out: the next provider answers afresh.
            order = tuple(n for n in decision.order if n not in tried)
            opened, held = await open_routed(router, order, None, make, record), []

    async def _probe(self, router, opened, messages, make, record):
        """Hold the local answer's first tokens; escalate if the model is unsure of them."""
        slot = router.slots[opened.provider]
        if opened.is_empty or not slot.is_local or slot.settings.tier != "small":
            return opened, []
        later = []  # held after the first chunk, which `opened` keeps
        async for chunk in opened.stream:
            later.append(chunk)
            if len(later) + 1 >= router.settings.llm_probe_tokens:
                break
        logprobs = [c.logprob for c in [opened.first, *later] if c.logprob is not None]
        mean = sum(logprobs) / len(logprobs) if logprobs else 0.0
        if mean >= router.settings.llm_min_mean_logprob:
            return opened, later
        unsure = f"unsure local answer (mean logprob {mean:.2f})"
        decision = self._decide(router, messages, escalation=unsure)
        if decision.order[0] == opened.provider:  # nothing stronger is usable
            return opened, later
        order = tuple(n for n in decision.order if n != opened.provider)
        stronger = await open_routed(router, order, None, make, record)
        if stronger is None:
            return opened, later
        await opened.stream.aclose()
        record.reason = f"{unsure}: escalated to '{stronger.provider}'"
        record.kind = RouteKind.ESCALATED
        return stronger, []

    async def _relay(self, router, opened, held, messages, record,
                     relay: _Relay) -> AsyncIterator[TokenChunk]:
        """Pass the answer on; a remote one is held until its first clause is complete.

        The voice speaks nothing before the first clause is complete, so holding a
        remote answer until then costs no time, and a stream that breaks before it
        (a reset, a malformed chunk, a stall) has said nothing: `relay` then says so
        and the caller fails over. After it, the apology closes the sentence.
        """
        name = opened.provider
        slot = router.slots[name]
        record.provider, record.ms = name, _ms(opened.ttfb_s)
        router.succeeded(name, opened.ttfb_s)
        record.attempts.append(Attempt(name, "ok", ms=_ms(opened.ttfb_s)))
        answer = ""
        pending: list[TokenChunk] | None = None if slot.is_local else []
        first_clause_in = SPOKEN_FIRST_CHUNK.get() or _FIRST_CLAUSE.ends_with
        try:
            async with contextlib.aclosing(opened.stream):
                async for chunk in _chain(([] if opened.is_empty else [opened.first]) + held,
                                          opened.stream):
                    before, answer = len(answer), answer + chunk.text
                    if pending is None:
                        yield chunk
                        continue
                    pending.append(chunk)
                    if any(first_clause_in(answer[:end])
                           for end in range(before + 1, len(answer) + 1)):
                        for held_chunk in pending:
                            yield held_chunk
                        pending = None
            for held_chunk in pending or []:
                yield held_chunk
        except ProviderError as error:
            router.failed(name, error)
            record.attempts.append(Attempt(name, "failed", kind=error.kind))
            if pending is not None:
                relay.broke_before_speech = True
                record.note(f"'{name}' broke before anything was spoken ({error.kind}), "
                            "failed over", RouteKind.FAILOVER)
            else:
                # Speech has gone out: no failover mid-utterance; close it politely.
                record.note(f"'{name}' failed mid-answer ({error.kind})",
                            RouteKind.FAILED_MID_ANSWER)
                yield TokenChunk(apology_after(answer))
        finally:
            if not slot.is_local and slot.settings.price_per_1k_tokens:
                usage = getattr(slot.engine, "last_usage", None)
                prompt = getattr(usage, "prompt_tokens", None) or self.count_tokens(
                    _text_of(messages))
                completion = getattr(usage, "completion_tokens", None) or self.count_tokens(
                    answer)
                record.cost_usd = llm_cost_usd(slot.settings.price_per_1k_tokens, prompt,
                                               completion)
                router.charge(name, record.cost_usd)


class RoutedTextToSpeech(TextToSpeech):
    """Speaks each sentence through the routed provider, resampled to one output rate."""

    name = "routed-tts"

    def __init__(self, routers: RouterLookup, log: RouteLog, *, sample_rate_hz: int,
                 agent_voice: Callable[[str], TextToSpeech | None] = lambda agent: None):
        """`agent_voice` names the on-device voice of the agent serving the turn, if its own."""
        self._routers = routers
        self._log = log
        self.sample_rate_hz = sample_rate_hz
        self._agent_voice = agent_voice

    def _voice(self, slot: ProviderSlot) -> TextToSpeech:
        """Who speaks for `slot`: on the device, the serving agent's own voice if it has one."""
        own = self._agent_voice(self._log.agent) if slot.is_local and self._log.agent else None
        return own or slot.engine

    async def synthesize(self, text: str) -> AsyncIterator[bytes]:
        """Stream the sentence's audio; silence (and a recorded failure) if nobody can speak."""
        router = self._routers("tts")
        local_only = self._log.local_only_reason or router.privacy.local_only_reason(text)
        remaining = max(0.0, router.budget_s - self._log.elapsed_s())
        decision = router.decide(budget_remaining_s=remaining, local_only_reason=local_only)
        record = RouteRecord(provider="none", reason=decision.reason, kind=decision.kind)
        self._log.record("tts", record)

        def make(slot):
            return self._voice(slot).synthesize(
                text if slot.is_local else router.privacy.mask(text))

        opened = await open_routed(router, decision.order, decision.hedge, make, record)
        if opened is None:
            record.note("every provider failed", RouteKind.ALL_FAILED)
            logger.error("no TTS provider could speak")
            return
        name, slot = opened.provider, router.slots[opened.provider]
        voice = self._voice(slot)
        if voice is not slot.engine:
            record.note(f"in the voice of agent {self._log.agent}")
        record.provider, record.ms = name, _ms(opened.ttfb_s)
        router.succeeded(name, opened.ttfb_s)
        record.attempts.append(Attempt(name, "ok", ms=_ms(opened.ttfb_s)))
        if not slot.is_local and slot.settings.price_per_1k_chars:
            record.cost_usd = tts_cost_usd(slot.settings.price_per_1k_chars, len(text))
            router.charge(name, record.cost_usd)
        resampler = None
        if voice.sample_rate_hz != self.sample_rate_hz:
            resampler = soxr.ResampleStream(voice.sample_rate_hz, self.sample_rate_hz, 1,
                                            dtype="int16")
        try:
            async with contextlib.aclosing(opened.stream):
                chunks = [] if opened.is_empty else [opened.first]
                async for pcm in _chain(chunks, opened.stream):
                    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype=np.int16)
                    if resampler is not None:
                        samples = resampler.resample_chunk(samples)
                    if samples.size:
                        yield samples.tobytes()
        except ProviderError as error:
            router.failed(name, error)
            record.attempts.append(Attempt(name, "failed", kind=error.kind))
            record.note(f"'{name}' failed mid-sentence ({error.kind})",
                        RouteKind.FAILED_MID_ANSWER)


async def _chain(first: list, rest: AsyncIterator):
    for item in first:
        yield item
    async for item in rest:
        yield item


def _has_history(messages: list[dict]) -> bool:
    """True when an earlier exchange precedes the question."""
    return any(m.get("role") == "assistant" for m in messages)

"""The pipecat TTS stage over any `TextToSpeech` provider."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator

from pipecat.frames.frames import ErrorFrame, Frame
from pipecat.services.settings import TTSSettings
from pipecat.services.tts_service import TTSService

from appliance.providers.cpu_priority import CpuPriority
from appliance.tts.first_clause import FirstClauseRule, FirstClauseTextAggregator
from appliance.tts.interface import TextToSpeech
from appliance.tts.spoken_form import to_spoken


class ProviderTTSService(TTSService):
    """Clause-then-sentence synthesis over a provider.

    The LLM's text is cut into the reply's first clause and then sentences, each
    handed here while the LLM keeps generating the next.
    """

    def __init__(self, provider: TextToSpeech, *, early_first_clause: bool = True,
                 first_clause: FirstClauseRule | None = None,
                 cpu: CpuPriority | None = None, **kwargs):
        """`cpu`: shared with the local LLM, which waits while a reply's first audio is made."""
        super().__init__(
            push_start_frame=True,
            push_stop_frames=True,
            # A reply with nothing to voice is not a broken TTS: pipecat's default (3
            # silent replies in a row make the service unusable for the session) would
            # leave every later turn of the conversation unanswered.
            max_consecutive_zero_audio_contexts=0,
            settings=TTSSettings(model=provider.name, voice=None, language=None),
            **kwargs,
        )
        self._provider = provider
        self._cpu = cpu or CpuPriority()
        self._spoken_contexts: set[str] = set()
        if early_first_clause:
            # TTSService builds its sentence aggregator itself and takes no other.
            self._text_aggregator = FirstClauseTextAggregator(rule=first_clause)

    def can_generate_metrics(self) -> bool:
        """Report time to first audio like pipecat's own services."""
        return True

    async def run_tts(self, text: str, context_id: str) -> AsyncGenerator[Frame, None]:
        """Stream the provider's audio, resampled to the pipeline's output rate.

        The text is said as a person would say it: no markdown, code fences or
        emoji, and symbols and units in words (see `appliance.tts.spoken_form`).
        """
        text = to_spoken(text)
        if not text:
            return
        # A reply's first chunk is what the user is waiting for: it gets the CPU
        # until its first audio is out (see appliance.providers.cpu_priority).
        first = context_id not in self._spoken_contexts
        if first:
            self._spoken_contexts = {context_id}
        priority = contextlib.ExitStack()
        if first:
            priority.enter_context(self._cpu.foreground())
        try:
            await self.start_tts_usage_metrics(text)
            async for frame in self._stream_audio_frames_from_iterator(
                self._provider.synthesize(text),
                in_sample_rate=self._provider.sample_rate_hz,
                context_id=context_id,
            ):
                priority.close()
                await self.stop_ttfb_metrics()
                yield frame
        except Exception as e:
            yield ErrorFrame(error=f"{self._provider.name} could not speak: {e}")
        finally:
            priority.close()
            await self.stop_ttfb_metrics()

"""The pipecat TTS stage over any `TextToSpeech` provider."""

from __future__ import annotations

from collections.abc import AsyncGenerator

from pipecat.frames.frames import ErrorFrame, Frame
from pipecat.services.settings import TTSSettings
from pipecat.services.tts_service import TTSService

from appliance.tts.interface import TextToSpeech


class ProviderTTSService(TTSService):
    """Sentence-by-sentence synthesis over a provider.

    pipecat aggregates the LLM's text into sentences and hands each one here
    while the LLM keeps generating the next.
    """

    def __init__(self, provider: TextToSpeech, **kwargs):
        super().__init__(
            push_start_frame=True,
            push_stop_frames=True,
            settings=TTSSettings(model=provider.name, voice=None, language=None),
            **kwargs,
        )
        self._provider = provider

    def can_generate_metrics(self) -> bool:
        """Report time to first audio like pipecat's own services."""
        return True

    async def run_tts(self, text: str, context_id: str) -> AsyncGenerator[Frame, None]:
        """Stream the provider's audio, resampled to the pipeline's output rate."""
        try:
            await self.start_tts_usage_metrics(text)
            async for frame in self._stream_audio_frames_from_iterator(
                self._provider.synthesize(text),
                in_sample_rate=self._provider.sample_rate_hz,
                context_id=context_id,
            ):
                await self.stop_ttfb_metrics()
                yield frame
        except Exception as e:
            yield ErrorFrame(error=f"{self._provider.name} could not speak: {e}")
        finally:
            await self.stop_ttfb_metrics()

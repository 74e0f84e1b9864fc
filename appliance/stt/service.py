"""The pipecat STT stage: cuts speech at VAD boundaries and asks a provider for text."""

from __future__ import annotations

from collections.abc import AsyncGenerator

from loguru import logger
from pipecat.frames.frames import Frame, TranscriptionFrame
from pipecat.services.settings import STTSettings
from pipecat.services.stt_service import SegmentedSTTService
from pipecat.utils.time import time_now_iso8601

from appliance.stt.interface import SpeechToText


class ProviderSTTService(SegmentedSTTService):
    """Segmented STT over any `SpeechToText` provider.

    The transcript's confidence signals ride along in `TranscriptionFrame.result`
    so routing and observers can read them without a second call.
    """

    def __init__(self, provider: SpeechToText, **kwargs):
        # Whisper on two cores needs up to ~1.5 s after speech ends to finish a transcript.
        kwargs.setdefault("ttfs_p99_latency", 2.0)
        super().__init__(settings=STTSettings(model=provider.name, language=None), **kwargs)
        self._provider = provider

    @property
    def wants_wav_segments(self) -> bool:
        """Local providers read raw PCM."""
        return False

    def can_generate_metrics(self) -> bool:
        """Report processing time like pipecat's own services."""
        return True

    async def run_stt(self, audio: bytes) -> AsyncGenerator[Frame, None]:
        """Transcribe one segment; say nothing when nothing was said."""
        await self.start_processing_metrics()
        transcript = await self._provider.transcribe(audio, self.sample_rate)
        await self.stop_processing_metrics()
        if not transcript.text:
            logger.debug(f"{self}: segment had no speech")
            return
        yield TranscriptionFrame(
            transcript.text, self._user_id, time_now_iso8601(), result=transcript
        )

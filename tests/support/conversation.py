"""A running conversation over the virtual microphone and speaker, for tests."""

import asyncio
import contextlib

from pipecat.workers.runner import WorkerRunner

from appliance.audio.file_transport import FileTransport
from appliance.pipeline import build_conversation
from tests.support.waiting_for import wait_for  # noqa: F401  (for the e2e tests)


@contextlib.asynccontextmanager
async def live_conversation(engines):
    """Yield (conversation, transport) while its pipeline runs; cancel it on the way out."""
    transport = FileTransport(output_sample_rate_hz=engines.settings.audio.output_sample_rate_hz)
    conversation = build_conversation(engines, transport)
    runner = WorkerRunner(handle_sigint=False, check_dangling_tasks=False)
    await runner.add_workers(conversation.worker)
    run = asyncio.ensure_future(runner.run())
    try:
        yield conversation, transport
    finally:
        await conversation.worker.cancel()
        await run

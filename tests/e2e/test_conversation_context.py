"""A conversation remembers earlier turns: each answer is generated with the history."""

import asyncio

import pytest
from pipecat.workers.runner import WorkerRunner

from appliance.audio.file_transport import FileTransport
from appliance.pipeline import build_conversation
from tests.e2e.test_barge_in import wait_for

pytestmark = pytest.mark.models


async def test_second_question_is_answered_with_the_first_turn_in_context(engines, speak):
    transport = FileTransport(output_sample_rate_hz=engines.settings.audio.output_sample_rate_hz)
    conversation = build_conversation(engines, transport)
    runner = WorkerRunner(handle_sigint=False, check_dangling_tasks=False)
    await runner.add_workers(conversation.worker)
    run = asyncio.ensure_future(runner.run())
    turns = conversation.timeline.turns
    try:
        transport.input().enqueue(speak("What is the capital of France?"))
        await wait_for(lambda: len(turns) == 1, 40, "the first answer")
        transport.input().enqueue(speak("What is the capital of Japan?"))
        await wait_for(lambda: len(turns) == 2, 40, "the second answer")
    finally:
        await conversation.worker.cancel()
        await run

    assert "paris" in turns[0].reply.lower() and "tokyo" in turns[1].reply.lower()
    assert not any(t.interrupted for t in turns)
    roles = [m["role"] for m in conversation.context.get_messages()]
    assert roles == ["user", "assistant", "user", "assistant"]
    assert "France" in conversation.context.get_messages()[0]["content"]

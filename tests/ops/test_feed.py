"""The console's live feed, its per-minute turn counts and its per-turn log capture."""

import asyncio

import pytest
from loguru import logger

from appliance.ops.events import KioskEvent, SessionEvent
from appliance.ops.feed import QUEUE_SIZE, EventFeed
from appliance.ops.history import TurnSeries
from appliance.ops.logs import captured_logs
from tests.ops.turns import finished_turn

pytestmark = pytest.mark.unit


async def test_subscribers_get_events_as_they_happen_with_personal_data_masked():
    feed = EventFeed()
    async with feed.subscribe() as queue:
        record = finished_turn()
        record.transcript = "My card is 4111 1111 1111 1111, what is the capital of France?"
        feed.on_turn("ws-3", "transcript", record)
        record.reply = "I will not repeat 4111 1111 1111 1111. Paris."
        feed.on_turn("ws-3", "reply", record)
        feed.on_turn("ws-3", "turn", record)
        first, written, second = queue.get_nowait(), queue.get_nowait(), queue.get_nowait()
    assert first["type"] == "transcript" and first["session"] == "ws-3"
    assert "4111" not in first["text"] and "capital of France" in first["text"]
    assert written["type"] == "reply" and written["text"].endswith("Paris.")
    assert "4111" not in written["text"]
    assert second["type"] == "turn" and second["turn_id"] == record.turn_id
    assert "4111" not in second["transcript"] and "4111" not in second["reply"]
    assert second["offsets_ms"]["bot_started"] == 600.0
    assert second["id"] > first["id"]
    feed.publish(SessionEvent(event="ended", session="ws-3", turns=1))
    assert queue.empty()  # unsubscribed pages get nothing more
    assert [e["type"] for e in feed.recent()] == ["transcript", "reply", "turn", "session"]


async def test_a_slow_page_loses_its_oldest_events_instead_of_blocking():
    feed = EventFeed()
    async with feed.subscribe() as queue:
        for n in range(QUEUE_SIZE + 10):
            feed.publish(KioskEvent(event="listening", detail=str(n)))
        assert queue.qsize() == QUEUE_SIZE
        assert queue.get_nowait()["detail"] == "10"


def test_turns_per_minute_count_failures_and_empty_minutes(clock):
    clock.now = 1_800_000_000.0
    series = TurnSeries(clock=clock)
    series.observe_turn("s", "turn", finished_turn())
    series.observe_turn("s", "turn", finished_turn(failed_hub=True))
    series.observe_turn("s", "transcript", finished_turn())
    clock.advance(120)
    series.observe_turn("s", "turn", finished_turn(reply=""))
    rows = series.snapshot(3)
    assert [(r["turns"], r["failed"]) for r in rows] == [(2, 1), (0, 0), (1, 1)]
    assert rows[0]["success_rate"] == 0.5 and rows[1]["success_rate"] is None


async def test_log_lines_of_a_job_and_its_threads_are_captured_masked_by_node():
    def in_a_thread():
        logger.debug("ProviderSTTService#0: heard 555 123 4567")

    with captured_logs("job-1") as lines:
        logger.info("ChatModelLLMService#2 TTFB: 0.2s")
        await asyncio.to_thread(in_a_thread)
        await asyncio.create_task(asyncio.sleep(0))
    logger.info("ChatModelLLMService#2 after the job")  # not captured
    with captured_logs("job-2"):
        logger.info("another job's line")
    assert [line["node"] for line in lines] == ["ChatModelLLMService#2", "ProviderSTTService#0"]
    assert "555 123 4567" not in lines[1]["message"]
    assert lines[1]["level"] == "DEBUG"

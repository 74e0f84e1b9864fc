"""Every message the console feed and a WebSocket client get has one typed envelope: what
is sent parses back to the same event, and a message that lost or gained a field does not."""

import pydantic
import pytest

from appliance.ops.events import (
    ApprovalEvent,
    BenchEvent,
    FeedTranscriptEvent,
    HeardEvent,
    HelloEvent,
    KioskEvent,
    PlaygroundEvent,
    ProviderEvent,
    SessionEvent,
    TimerEvent,
    TurnEvent,
    parse_client_event,
    parse_feed_event,
)
from appliance.ops.feed import EventFeed
from tests.ops.turns import finished_turn

pytestmark = pytest.mark.unit

FEED_EVENTS = [
    ApprovalEvent(event="requested", approval={"id": "a1", "tool": "issue_refund"}),
    PlaygroundEvent(session="playground-1f", source="text"),
    ProviderEvent(action="demote", role="llm", provider="hub", by="ops (token t1)"),
    SessionEvent(event="connected", session="ws-3"),
    SessionEvent(event="ended", session="ws-3", turns=4),
    KioskEvent(event="device lost", detail="microphone 'USB' is gone"),
    BenchEvent(job={"status": "running", "done": 2, "total": 8}),
    FeedTranscriptEvent(turn_id="t1", text="What time is it?", session="ws-3", source="voice"),
]
CLIENT_EVENTS = [
    HelloEvent(session=3, input_sample_rate_hz=16000, output_sample_rate_hz=22050),
    HeardEvent(text="Set a timer for ten minutes."),
    TimerEvent(timer="t-1", name=None, seconds=600, text="Your 10 minute timer is done."),
    TurnEvent.of(finished_turn()),
]


@pytest.mark.parametrize("event", FEED_EVENTS, ids=lambda e: e.type)
def test_each_feed_event_reads_back_as_it_was_sent(event):
    feed = EventFeed()
    feed.publish(event)
    sent = feed.recent()[0]
    assert sent["type"] == event.type and sent["id"] == 1 and sent["at"]
    assert parse_feed_event(sent) == event


@pytest.mark.parametrize("event", CLIENT_EVENTS, ids=lambda e: e.type)
def test_each_client_event_reads_back_as_it_was_sent(event):
    assert parse_client_event(event.to_json()) == event


def test_a_turn_on_the_feed_is_masked_and_says_whose_it_is():
    feed = EventFeed()
    record = finished_turn()
    record.transcript = "Text 07700 900123 that I am late."
    feed.on_turn("ws-9", "turn", record)
    turn = parse_feed_event(feed.recent()[0])
    assert (turn.type, turn.session, turn.source) == ("turn", "ws-9", "voice")
    assert "07700" not in turn.transcript and turn.route["llm"]["kind"] == "hedged"


def test_a_message_that_lost_or_gained_a_field_is_refused():
    hello = CLIENT_EVENTS[0].to_json()
    with pytest.raises(pydantic.ValidationError, match="output_sample_rate_hz"):
        parse_client_event({k: v for k, v in hello.items() if k != "output_sample_rate_hz"})
    with pytest.raises(pydantic.ValidationError, match="volume"):
        parse_client_event(hello | {"volume": 3})
    with pytest.raises(pydantic.ValidationError):
        parse_feed_event({"type": "gossip", "text": "?"})

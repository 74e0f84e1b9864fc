"""The messages the appliance pushes: one typed envelope per kind, as wyoming's `Event`.

Two streams carry them: the console's live feed (`FeedEvent`, every conversation,
personal data masked) and a WebSocket conversation's own client (`ClientEvent`).
Each is JSON with a `type`; `parse_feed_event` and `parse_client_event` read one back,
so a producer and a page that disagree on a field fail a test, not a user.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from appliance.turns import TurnRecord


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def to_json(self) -> dict[str, Any]:
        """The event as sent: a JSON object with its `type`."""
        return self.model_dump(mode="json")


class TurnEvent(_Event):
    """A finished (or interrupted) turn of the WebSocket client's own conversation.

    What was heard and said, how long each stage took, and who served it.
    """

    type: Literal["turn"] = "turn"
    turn_id: str
    transcript: str
    reply: str
    interrupted: bool
    resumed: bool = False  # the whole request, heard again after the user went on
    timings_ms: dict[str, float | None]
    offsets_ms: dict[str, float | None]
    route: dict[str, Any]

    @classmethod
    def of(cls, record: TurnRecord) -> TurnEvent:
        """The event of a turn record."""
        return cls(turn_id=record.turn_id, transcript=record.transcript,
                   reply=record.reply.strip(), interrupted=record.interrupted,
                   resumed=record.resumed,
                   timings_ms=record.timings_ms(), offsets_ms=record.offsets_ms(),
                   route=record.route)


class HelloEvent(_Event):
    """A WebSocket conversation opened: its id and the audio rates it speaks."""

    type: Literal["hello"] = "hello"
    session: int  # the connection's number, counted from 1 since the service started
    input_sample_rate_hz: int
    output_sample_rate_hz: int


class HeardEvent(_Event):
    """What the WebSocket client's user was heard to say, before the answer."""

    type: Literal["transcript"] = "transcript"
    text: str


class TimerEvent(_Event):
    """A timer set in this conversation finished; its sentence is spoken too."""

    type: Literal["timer"] = "timer"
    event: Literal["finished"] = "finished"
    timer: str
    name: str | None
    seconds: float
    text: str


ClientEvent = Annotated[TurnEvent | HelloEvent | HeardEvent | TimerEvent,
                        Field(discriminator="type")]


class FeedTurnEvent(TurnEvent):
    """A turn of any conversation, masked, with the conversation it belongs to."""

    session: str
    source: str


class FeedTranscriptEvent(_Event):
    """A turn's transcript as soon as it is known (masked)."""

    type: Literal["transcript"] = "transcript"
    turn_id: str
    text: str
    session: str
    source: str


class FeedReplyEvent(_Event):
    """A turn's written reply as soon as it is complete (masked)."""

    type: Literal["reply"] = "reply"
    turn_id: str
    text: str
    session: str
    source: str


class ApprovalEvent(_Event):
    """A tool call waiting for a person, or the decision on it."""

    type: Literal["approval"] = "approval"
    event: str
    approval: dict[str, Any]


class PlaygroundEvent(_Event):
    """The console's playground started a turn."""

    type: Literal["playground"] = "playground"
    event: Literal["started"] = "started"
    session: str
    source: str


class ProviderEvent(_Event):
    """An operator demoted or promoted a provider."""

    type: Literal["provider"] = "provider"
    action: str
    role: str
    provider: str
    by: str


class SessionEvent(_Event):
    """A WebSocket conversation connected or ended (then with its number of turns)."""

    type: Literal["session"] = "session"
    event: Literal["connected", "ended"]
    session: str
    turns: int | None = None


class KioskEvent(_Event):
    """The kiosk's microphone loop changed state (listening, a device lost or back)."""

    type: Literal["kiosk"] = "kiosk"
    event: str
    detail: str


class BenchEvent(_Event):
    """A console benchmark run moved on."""

    type: Literal["bench"] = "bench"
    job: dict[str, Any]


FeedEvent = Annotated[
    FeedTurnEvent | FeedTranscriptEvent | FeedReplyEvent | ApprovalEvent | PlaygroundEvent
    | ProviderEvent | SessionEvent | KioskEvent | BenchEvent,
    Field(discriminator="type")]

_FEED: TypeAdapter = TypeAdapter(FeedEvent)
_CLIENT: TypeAdapter = TypeAdapter(ClientEvent)


def parse_feed_event(data: dict[str, Any]) -> _Event:
    """A feed event read back (its `id` and `at`, added by the feed, are set aside)."""
    return _FEED.validate_python({k: v for k, v in data.items() if k not in ("id", "at")})


def parse_client_event(data: dict[str, Any]) -> _Event:
    """A WebSocket client event read back."""
    return _CLIENT.validate_python(data)

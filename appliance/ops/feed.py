"""The console's live feed: turns, approvals and operator actions, pushed as they happen.

Every subscriber (an open console page) gets its own bounded queue; a page too
slow to keep up loses its oldest events, never blocks a conversation. The last
events are kept so a page opened later starts with recent history.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections import deque
from collections.abc import AsyncIterator
from datetime import UTC, datetime

from appliance.governance.masking import mask_exchange, mask_text
from appliance.ops.events import (
    ApprovalEvent,
    FeedEvent,
    FeedReplyEvent,
    FeedTranscriptEvent,
    FeedTurnEvent,
    TurnEvent,
)
from appliance.turns import TurnRecord

QUEUE_SIZE = 500


class EventFeed:
    """Publish from the event loop; each subscriber reads its own queue."""

    def __init__(self, keep: int = 200):
        """Keep the last `keep` events for pages that open later."""
        self._recent: deque[dict] = deque(maxlen=keep)
        self._subscribers: set[asyncio.Queue] = set()
        self._ids = itertools.count(1)

    def publish(self, published: FeedEvent) -> None:
        """Send `published` to every open page (call from the event loop's thread)."""
        event = {"id": next(self._ids),
                 "at": datetime.now(UTC).isoformat(timespec="milliseconds"),
                 **published.to_json()}
        self._recent.append(event)
        for queue in self._subscribers:
            if queue.full():
                queue.get_nowait()  # the slow page loses its oldest event
            queue.put_nowait(event)

    def recent(self) -> list[dict]:
        """The kept events, oldest first."""
        return list(self._recent)

    @contextlib.asynccontextmanager
    async def subscribe(self) -> AsyncIterator[asyncio.Queue]:
        """A queue of every event published while the context is open."""
        queue: asyncio.Queue = asyncio.Queue(maxsize=QUEUE_SIZE)
        self._subscribers.add(queue)
        try:
            yield queue
        finally:
            self._subscribers.discard(queue)

    def on_turn(self, session_id: str, kind: str, record: TurnRecord) -> None:
        """A turn listener: transcripts, written replies and finished turns, masked."""
        where = {"session": session_id, "source": record.source}
        if kind == "transcript":
            self.publish(FeedTranscriptEvent(turn_id=record.turn_id,
                                             text=mask_text(record.transcript), **where))
        elif kind == "reply":
            # A reply is masked as the audit masks it, by what the user said: "Paris" in an
            # answer is no one's data, the card number the user read out is.
            _, reply = mask_exchange(record.transcript, record.reply.strip())
            self.publish(FeedReplyEvent(turn_id=record.turn_id, text=reply, **where))
        else:
            turn = TurnEvent.of(record)
            transcript, reply = mask_exchange(turn.transcript, turn.reply)
            self.publish(FeedTurnEvent(**turn.model_dump(exclude={"transcript", "reply"}),
                                       transcript=transcript, reply=reply, **where))

    def on_approval(self, what: str, approval: dict) -> None:
        """An approval listener: requests and decisions."""
        self.publish(ApprovalEvent(event=what, approval=approval))

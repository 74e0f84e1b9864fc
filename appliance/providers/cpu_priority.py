"""Who gets the two cores first: the voice the user is waiting for, over text nobody hears yet.

Once the LLM has written a reply's first clause, the user waits on Piper alone; but
the LLM keeps decoding the rest of the reply on the same two cores. Measured here,
a llama.cpp decode step running beside Piper stretches from ~12 ms to 130–250 ms
(both use two threads that spin at barriers), and Piper's first chunk from ~120 ms
to ~230 ms. So while a first chunk is synthesized, background work (LLM decoding)
waits between tokens.

Waiting between tokens is not enough on its own: the LLM thread would already be
decoding the next token by the time the TTS starts. So the LLM announces the end
of the first clause itself (`announce_voice`, before it hands the text on) and
waits (`wait_for_voice`) before its next decode; the TTS's `foreground()` takes
that announcement over. One process has one CPU, so the engines make one object and
hand it to the local LLM and the voice stage.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar

# Set by whoever hands a model's text to a voice (the pipeline's LLM stage): called with
# the reply so far, True once it holds the first chunk the voice will speak. A local
# model pauses there for the voice (see `announce_voice`); text nobody speaks (the /v1
# API) leaves it unset and never pauses.
SPOKEN_FIRST_CHUNK: ContextVar[Callable[[str], bool] | None] = ContextVar(
    "spoken_first_chunk", default=None)

# Background work never waits longer than this for the foreground, whatever happens.
MAX_PAUSE_S = 1.0
# An announced foreground job that has not started within this long is not coming
# (the reply was interrupted, or another TTS is speaking it).
CLAIM_TIMEOUT_S = 0.25


class CpuPriority:
    """A count of foreground jobs; background threads wait while it is above zero."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._foreground = 0
        # Announcements not yet taken over by a foreground job, oldest first.
        self._announced: list[object] = []

    @contextmanager
    def foreground(self):
        """Hold the CPU for latency-critical work (any thread, or the event loop)."""
        with self._changed:
            if self._announced:
                # This is the job a background thread announced: it already counts.
                self._announced.pop(0)
                self._changed.notify_all()
            else:
                self._foreground += 1
        try:
            yield
        finally:
            with self._changed:
                self._foreground -= 1
                self._changed.notify_all()

    def yield_to_foreground(self) -> None:
        """Called by background threads between steps: wait while foreground work runs."""
        with self._changed:
            self._changed.wait_for(lambda: self._foreground == 0, MAX_PAUSE_S)

    def announce_voice(self) -> object:
        """Background thread: what I am about to hand on starts the voice; hold the CPU for it.

        Counts as foreground work from now, before the TTS has even started, so
        nothing else starts in between; the TTS's `foreground()` takes it over.
        Follow with `wait_for_voice`.
        """
        announcement = object()
        with self._changed:
            self._announced.append(announcement)
            self._foreground += 1
        return announcement

    def wait_for_voice(self, announcement: object, *,
                       claim_timeout_s: float = CLAIM_TIMEOUT_S) -> None:
        """Wait until the announced voice job has run (or never started within the timeout)."""
        deadline = time.monotonic() + MAX_PAUSE_S
        with self._changed:
            claimed = self._changed.wait_for(lambda: announcement not in self._announced,
                                             claim_timeout_s)
            if not claimed:
                self._announced.remove(announcement)
                self._foreground -= 1
                self._changed.notify_all()
                return
            self._changed.wait_for(lambda: self._foreground == 0,
                                   max(0.0, deadline - time.monotonic()))


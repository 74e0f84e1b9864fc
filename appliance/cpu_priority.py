"""Who gets the two cores first: the voice the user is waiting for, over text nobody hears yet.

Once the LLM has written a reply's first clause, the user waits on Piper alone; but
the LLM keeps decoding the rest of the reply on the same two cores, and measured
here that doubles the first chunk's synthesis (100 ms alone, ~200 ms beside the
LLM). While a first chunk is synthesized, background work (LLM decoding) pauses
between tokens. One process has one CPU, so this is one object per process.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

# Background work never waits longer than this for the foreground, whatever happens.
MAX_PAUSE_S = 1.0


class CpuPriority:
    """A count of foreground jobs; background threads wait while it is above zero."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._foreground = 0
        self._idle = threading.Event()
        self._idle.set()

    @contextmanager
    def foreground(self):
        """Hold the CPU for latency-critical work (any thread, or the event loop)."""
        with self._lock:
            self._foreground += 1
            self._idle.clear()
        try:
            yield
        finally:
            with self._lock:
                self._foreground -= 1
                if self._foreground == 0:
                    self._idle.set()

    def yield_to_foreground(self) -> None:
        """Called by background threads between steps: wait while foreground work runs."""
        self._idle.wait(MAX_PAUSE_S)


CPU = CpuPriority()

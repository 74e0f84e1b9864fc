"""The console's benchmark run, as the service keeps it between requests."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class BenchJob:
    """The console's benchmark run: where it is, and its summary once done."""

    job_id: str = ""
    status: str = "idle"  # idle | preparing | running | done | failed
    done: int = 0
    total: int = 0
    started_at: float | None = None
    summary: dict = field(default_factory=dict)
    error: str | None = None

    def to_dict(self) -> dict:
        """JSON for the page and the feed."""
        return asdict(self)

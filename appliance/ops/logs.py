"""Every log line of one console job (a playground turn), grouped by the node that wrote it.

loguru's `contextualize` tags each record with the job id through contextvars,
which asyncio tasks and `to_thread` calls started inside the job inherit, so the
pipeline's processors and the model threads are caught without passing ids around.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from loguru import logger

from appliance.governance.masking import mask_text

# pipecat names processors "ClassName#N" in its messages; the first one named is the node.
_PROCESSOR = re.compile(r"\b(\w+#\d+)")
MAX_LINES = 2000


def _node(record) -> str:
    match = _PROCESSOR.search(record["message"])
    return match.group(1) if match else record["name"] or "?"


@contextlib.contextmanager
def captured_logs(job_id: str) -> Iterator[list[dict]]:
    """Collect, masked, every DEBUG-and-up line logged inside the block and its tasks."""
    lines: list[dict] = []

    def sink(message) -> None:
        record = message.record
        if len(lines) < MAX_LINES:
            lines.append({"time": record["time"].isoformat(timespec="milliseconds"),
                          "level": record["level"].name, "node": _node(record),
                          "message": mask_text(record["message"])})

    handler = logger.add(sink, level="DEBUG", format="{message}",
                         filter=lambda r: r["extra"].get("console_job") == job_id)
    try:
        with logger.contextualize(console_job=job_id):
            yield lines
    finally:
        logger.remove(handler)

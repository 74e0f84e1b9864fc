"""Every log line passes the personal-data masker before any sink sees it.

Our own messages never carry transcripts, but pipecat's debug lines do ("Generating
TTS: …", transcriptions), so masking happens once, centrally, on the record.
"""

from __future__ import annotations

from loguru import logger

from appliance.governance.masking import mask_text


def mask_personal_data_in_logs() -> None:
    """Install the masking patcher on loguru's logger (idempotent)."""

    def patch(record) -> None:
        record["message"] = mask_text(record["message"])

    logger.configure(patcher=patch)

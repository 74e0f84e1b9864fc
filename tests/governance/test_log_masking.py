"""Log lines never carry personal data, whichever library wrote them."""

import pytest
from loguru import logger

from appliance.governance.log_masking import mask_personal_data_in_logs

pytestmark = pytest.mark.unit


def test_log_lines_are_masked_before_any_sink():
    lines: list[str] = []
    mask_personal_data_in_logs()
    sink = logger.add(lines.append, level="DEBUG", format="{message}")
    try:
        logger.debug("Generating TTS: [my card is four one one one one one one one one one one "
                     "one one one one one, mail jane dot doe at example dot com]")
        logger.info("listening on http://127.0.0.1:8765")
    finally:
        logger.remove(sink)
    assert "[CARD NUMBER]" in lines[0] and "[EMAIL]" in lines[0]
    assert "one one one" not in lines[0] and "jane" not in lines[0]
    assert lines[1].strip() == "listening on http://127.0.0.1:8765"

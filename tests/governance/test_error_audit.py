"""Pipeline errors land in the audit trail once, masked, tied to the turn they broke."""

import pytest
from pipecat.frames.frames import ErrorFrame
from pipecat.observers.base_observer import FramePushed
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor

from appliance.governance.audit import AuditTrail
from appliance.governance.masking import PersonalDataMasker
from appliance.governance.turn_audit import ErrorAuditor

pytestmark = pytest.mark.unit


async def test_errors_are_audited_once_and_masked(tmp_path):
    trail = AuditTrail(tmp_path / "audit.db", bytes(32))
    auditor = ErrorAuditor(trail, PersonalDataMasker().mask_text, "s1", lambda: "turn-7")
    source, destination = FrameProcessor(), FrameProcessor()
    frame = ErrorFrame("TTS failed on 'call 555-123-4567'", fatal=False)
    for first_push in (True, False):  # every hop re-pushes the same frame
        await auditor.on_push_frame(FramePushed(source, destination, frame,
                                                FrameDirection.UPSTREAM, 0, first_push))
    records = list(trail.records(kind="error"))
    assert len(records) == 1
    assert records[0].turn_id == "turn-7" and records[0].data["fatal"] is False
    assert "555" not in records[0].data["error"] and "[PHONE]" in records[0].data["error"]
    trail.close()

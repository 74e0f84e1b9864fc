"""Governance: the audit trail, personal-data masking, policy, approvals and access tokens."""

from appliance.governance.audit import AuditRecord, AuditTrail, VerifyReport, open_audit_trail
from appliance.governance.keys import AuditKeyError, load_or_create_key
from appliance.governance.masking import MaskResult, PersonalDataMasker, detect_personal_data
from appliance.governance.personal_data import PERSONAL_DATA_KINDS, Finding, find_personal_data

__all__ = [
    "PERSONAL_DATA_KINDS",
    "AuditKeyError",
    "AuditRecord",
    "AuditTrail",
    "Finding",
    "MaskResult",
    "PersonalDataMasker",
    "VerifyReport",
    "detect_personal_data",
    "find_personal_data",
    "load_or_create_key",
    "open_audit_trail",
]

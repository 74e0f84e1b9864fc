"""Shared set-up for the tool tests."""

from appliance.config import Settings
from appliance.governance.masking import mask_text
from appliance.tools.assemble import build_tool_registry


def shop_registry(ledger, audit, *, approval_timeout_s: float):
    """The registry the appliance builds from default settings: both built-in tools and the
    default policy, with refunds going to `ledger`."""
    settings = Settings.model_validate({
        "tools": {"enabled": True, "refunds_ledger": str(ledger)},
        "governance": {"policy": {"approval_timeout_s": approval_timeout_s,
                                  "usage_path": str(ledger.with_name("tool_usage.db"))}}})
    return build_tool_registry(settings, audit, mask_text)

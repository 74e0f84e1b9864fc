"""Governance settings: the audit trail, personal data, policy rules (see README "Governance")."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import Field, field_validator, model_validator

from appliance.config.base import Section as _Section
from appliance.config.base import default_state_dir


class AuditSettings(_Section):
    """The tamper-evident audit trail (see README "Governance")."""

    enabled: bool = True
    path: Path = Field(default_factory=lambda: default_state_dir() / "audit.db")
    # The secret that encrypts transcripts at rest and keys the chain: this
    # environment variable (a Fernet key), else `key_file`, created 0600 on first run.
    key_env: str = "APPLIANCE_AUDIT_KEY"
    key_file: Path = Field(default_factory=lambda: default_state_dir() / "audit.key")
    retention_days: float | None = Field(365.0, gt=0)
    max_records: int | None = Field(None, ge=10)
    # Signed checkpoints (newest record's number and chain value, Ed25519) so that
    # deleting records, or the whole store, is caught from a copy kept elsewhere.
    enable_checkpoints: bool = True
    # The private signing key (0600, created on first run; default: beside the
    # database, "audit-signing.key"). Keep it outside the state folder if you can;
    # `appliance audit public-key` prints the public half verifiers need.
    signing_key_file: Path
    checkpoint_every_records: int = Field(100, ge=1)
    checkpoint_every_s: float | None = Field(3600.0, gt=0)
    # Where checkpoints are appended (default: beside the database,
    # "audit-checkpoints.log"; "" for none). Beside the database is weak: whoever
    # deletes the database can delete it too. Point it at another mount, and/or syslog.
    checkpoint_file: Path | None
    # Syslog receiver for checkpoints: "host:port" (UDP) or a socket path ("/dev/log").
    checkpoint_syslog_address: str | None = None
    # A text search (GET /audit?q=) reads at most this many records per request.
    search_max_records: int = Field(20000, ge=100)

    @model_validator(mode="before")
    @classmethod
    def _beside_the_database(cls, data):
        # Defaults follow `path`, so two trails never share a checkpoint log by accident.
        if isinstance(data, dict):
            given = data.get("path")
            # A path of another type (1, [1]) is left for the field's own check to name.
            path = Path(given) if isinstance(given, str | Path) and given else \
                default_state_dir() / "audit.db"
            data = {"signing_key_file": path.with_name(f"{path.stem}-signing.key"),
                    "checkpoint_file": path.with_name(f"{path.stem}-checkpoints.log"), **data}
            if data["checkpoint_file"] in ("", None):
                data["checkpoint_file"] = None
        return data

    @field_validator("checkpoint_syslog_address")
    @classmethod
    def _syslog_address(cls, address):
        if address is None or address.startswith("/"):
            return address
        host, _, port = address.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f"checkpoint_syslog_address must be host:port or a socket path, "
                             f"e.g. 192.168.1.20:514 or /dev/log; got {address!r}")
        return address


PersonalDataAction = Literal["mask", "local"]


class PersonalDataKindInfo(NamedTuple):
    """How one kind of personal data is masked, and its action unless configured."""

    label: str
    default_action: PersonalDataAction


# The one table of the kinds of personal data, in the order results name them; the
# detectors' and the masker's lists derive from it. It is here, not in `governance`,
# because settings load without the detectors (and `governance` imports the settings).
PERSONAL_DATA_KIND_TABLE: dict[str, PersonalDataKindInfo] = {
    # Contact details: masked, so a stronger remote model can still help.
    "email": PersonalDataKindInfo("[EMAIL]", "mask"),
    "phone": PersonalDataKindInfo("[PHONE]", "mask"),
    # Identity and money: the turn stays on the device even masked, so a missed
    # digit group can never leak.
    "card": PersonalDataKindInfo("[CARD NUMBER]", "local"),
    "iban": PersonalDataKindInfo("[IBAN]", "local"),
    "us_ssn": PersonalDataKindInfo("[SSN]", "local"),
    "ip_address": PersonalDataKindInfo("[IP ADDRESS]", "mask"),
    "street_address": PersonalDataKindInfo("[ADDRESS]", "mask"),
    "person_name": PersonalDataKindInfo("[NAME]", "mask"),
}

PersonalDataKind = Literal[tuple(PERSONAL_DATA_KIND_TABLE)]


class PersonalDataSettings(_Section):
    """What happens to each kind of personal data (see README "Personal data")."""

    # Per kind: "mask" (replaced by a label before it leaves the device or is logged)
    # or "local" (the whole turn stays on the device). Unset kinds keep their
    # `default_action` in PERSONAL_DATA_KIND_TABLE.
    actions: dict[PersonalDataKind, PersonalDataAction] = Field(default_factory=dict)


class ArgumentLimits(_Section):
    """Bounds on one numeric argument; a rule matches only when all hold."""

    above: float | None = None
    at_most: float | None = None
    equals: float | str | None = None


class PolicyRule(_Section):
    """One rule: allow, ask a person ("approve"), or "deny" matching tool calls.

    It matches calls of `tool` (or "*") by these agents, in these conversation
    states and local hours, with arguments within these limits.
    """

    name: str = ""
    tool: str = "*"
    action: Literal["allow", "approve", "deny"]
    agents: list[str] = Field(default_factory=list)
    states: list[str] = Field(default_factory=list)
    arguments: dict[str, ArgumentLimits] = Field(default_factory=dict)
    # Local hours [start, end) in which the rule applies, e.g. [22, 6] for nights.
    hours: tuple[int, int] | None = None
    # Cumulative limits, per caller (token, or place for the kiosk) and local day: the
    # rule matches when this call would make more than this many calls of the tool
    # today, or the day's total of an argument (e.g. {amount_usd = 200}) exceed it.
    # Counted over calls that ran, so splitting one refund into small ones adds up.
    daily_count_above: int | None = Field(None, ge=0)
    daily_total_above: dict[str, float] = Field(default_factory=dict)
    explanation: str = ""  # the one sentence the user hears when it blocks

    @field_validator("hours")
    @classmethod
    def _valid_hours(cls, hours):
        if hours is not None and not all(0 <= h <= 24 for h in hours):
            raise ValueError(f"hours must be two whole hours from 0 to 24, e.g. [9, 17]; "
                             f"got {list(hours)}")
        return hours


def _default_rules() -> list[PolicyRule]:
    return [
        PolicyRule(name="refunds over 1000 are refused", tool="issue_refund", action="deny",
                   arguments={"amount_usd": ArgumentLimits(above=1000)},
                   explanation="Sorry, I can't refund more than 1,000 dollars; a person "
                               "has to handle that."),
        PolicyRule(name="refunds over 100 need approval", tool="issue_refund",
                   action="approve", arguments={"amount_usd": ArgumentLimits(above=100)}),
        PolicyRule(name="after a refusal, every refund needs approval", tool="issue_refund",
                   action="approve", states=["after_denial"]),
        PolicyRule(name="refunds over 200 a day need approval", tool="issue_refund",
                   action="approve", daily_total_above={"amount_usd": 200}),
        PolicyRule(name="more than 3 refunds a day need approval", tool="issue_refund",
                   action="approve", daily_count_above=3),
    ]


class PolicySettings(_Section):
    """Rules every tool call is checked against, first match first."""

    rules: list[PolicyRule] = Field(default_factory=_default_rules)
    # How long a risky action waits for a person before it counts as denied.
    approval_timeout_s: float = Field(120.0, gt=0, le=86400)
    # Who did what today, for the daily limits and "after a refusal" (kept across
    # reconnects and restarts; mode 0600).
    usage_path: Path = Field(default_factory=lambda: default_state_dir() / "tool_usage.db")


class GovernanceSettings(_Section):
    """Audit trail, personal-data masking, policy, approvals, access control."""

    audit: AuditSettings = Field(default_factory=AuditSettings)
    personal_data: PersonalDataSettings = Field(default_factory=PersonalDataSettings)
    policy: PolicySettings = Field(default_factory=PolicySettings)


class MCPServerSettings(_Section):
    """One MCP server whose tools the assistant may use (only those in `allow`)."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,30}$")
    # Either a command to start it over stdio, or the URL of its streamable HTTP endpoint.
    command: list[str] = Field(default_factory=list)
    url: str | None = None
    allow: list[str] = Field(default_factory=list)  # tool names; nothing else is exposed
    requires_approval: list[str] = Field(default_factory=list)
    timeout_s: float = Field(10.0, gt=0, le=300)

    @field_validator("url")
    @classmethod
    def _one_transport(cls, url, info):
        if url and info.data.get("command"):
            raise ValueError("give either command (stdio) or url (streamable HTTP), not both")
        return url


class ToolsSettings(_Section):
    """Tool calling (off by default: deciding on tools costs a second model per turn)."""

    enabled: bool = False
    # The model that proposes tool calls: a local model name (Qwen 0.5B calls tools
    # reliably) or the name of a provider in providers.llm (OpenAI tool API).
    model: str = "qwen2.5-0.5b"
    builtin: list[Literal["get_time", "issue_refund"]] = Field(
        default_factory=lambda: ["get_time", "issue_refund"])
    refunds_ledger: Path = Field(default_factory=lambda: default_state_dir() / "refunds.jsonl")
    mcp: list[MCPServerSettings] = Field(default_factory=list)
    max_calls_per_turn: int = Field(2, ge=1, le=8)

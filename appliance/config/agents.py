"""Agent settings: the specialists a supervisor hands each turn to.

See README "Agents". With no `[[agents]]`, one assistant serves every turn as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, HttpUrl, StringConstraints

from appliance.config.base import Section as _Section
from appliance.config.models import TtsVoice

# What a handoff may carry: typed values read once from what the user said.
SlotName = Literal["order_id", "amount_usd", "person_name"]


class AgentSettings(_Section):
    """One specialist: what it is told, what it may do, what it sees, who serves it."""

    name: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,31}$")]
    # Its own instructions, said to the model after the appliance's system prompt.
    instructions: str = ""
    # Requests it serves, as a user would say them: the supervisor compares each turn
    # with these first (fast, local) and asks a model only when that is unsure.
    handles: list[str] = Field(default_factory=list)
    # The tools it may propose and call (the registry refuses the others for it).
    tools: list[str] = Field(default_factory=list)
    # "local": never leaves the device; "remote": a stronger (remote) model when the
    # routing has one; "auto": the routing decides, as for any turn.
    tier: Literal["auto", "local", "remote"] = "auto"
    # What of the conversation it sees: its own turns, every turn, or only this one.
    context: Literal["own", "all", "none"] = "own"
    max_history_turns: int = Field(4, ge=0, le=50)
    # Its turns before those are summarised in a line each (what was asked, the first
    # sentence of the answer), the latest this many; 0: forgotten.
    summarised_turns: int = Field(8, ge=0, le=50)
    # Values from earlier turns it is handed (order number, amount, name), and no others.
    slots: list[SlotName] = Field(default_factory=list)
    # Its own voice when the device speaks its turns (a remote voice speaks as configured
    # there): a Piper voice (manifest name or .onnx path), and/or its pace (above 1
    # slower). Unset: the appliance's [tts] voice and pace.
    voice: TtsVoice | None = None
    length_scale: float | None = Field(None, ge=0.5, le=2.0)
    # The agent for turns no other clearly fits (the first agent when none says so).
    default: bool = False
    # Served by another appliance (`appliance serve` at this base URL) instead of here:
    # only this turn's words (masked) and the declared slots cross; that appliance's
    # policy and audit apply there, this one's here. If it fails, the default answers.
    url: HttpUrl | None = None
    remote_name: str | None = None  # its name there (default: the same)
    # A client token of that appliance: this environment variable, else `token_file` (0600).
    token_env: str = "APPLIANCE_FEDERATION_TOKEN"
    token_file: Path | None = None
    timeout_s: float = Field(30.0, gt=0, le=300)

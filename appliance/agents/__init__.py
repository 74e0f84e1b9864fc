"""Agents: a supervisor hands each turn to the specialist best placed to serve it."""

from appliance.agents.chat import AgentMemory, SupervisedChatModel
from appliance.agents.supervisor import Choice, Supervisor

__all__ = ["AgentMemory", "Choice", "SupervisedChatModel", "Supervisor"]

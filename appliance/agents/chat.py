"""The LLM stage under a supervisor: each turn served by one agent, seeing only its share.

The chosen agent's instructions follow the appliance's system prompt; its history is
its own turns, every turn, or none (`context`); the values it declared as slots
(order number, amount, name) come from what the user said earlier, typed, and
nothing else of the other agents' turns does. Its tier keeps the turn on the device
or asks for a stronger model. The choice is recorded as the turn's `agent` route.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

from appliance.agents.federation import FederationError, RemoteAgent
from appliance.agents.slots import as_said, in_a_sentence, read_slots
from appliance.agents.supervisor import Choice, Supervisor
from appliance.config.agents import AgentSettings
from appliance.llm.interface import ESCALATION, ChatModel, ChatModelStage, TokenChunk
from appliance.routing.kinds import RouteKind
from appliance.routing.router import RouteLog, RouteRecord

# How the supervisor chose (`Choice.how`), as the route's kind.
_CHOSEN_BY = {"classifier": RouteKind.AGENT_CLASSIFIER, "model": RouteKind.AGENT_MODEL,
              "follow-up": RouteKind.AGENT_FOLLOW_UP, "default": RouteKind.AGENT_DEFAULT,
              "asked": RouteKind.AGENT_ASKED}


@dataclass
class AgentMemory:
    """What one conversation keeps across turns: who served each request, and the slots."""

    served: dict[str, str] = field(default_factory=dict)  # user message -> agent name
    slots: dict[str, str | float] = field(default_factory=dict)
    last_agent: str | None = None
    # Set when another appliance asked for one agent by name: no choice is made.
    pinned: str | None = None
    # user message -> that exchange in a line, for agents whose history no longer holds it
    digests: dict[str, str] = field(default_factory=dict)
    _read: set[str] = field(default_factory=set)

    def remember(self, turns: list[list[dict]]) -> None:
        """Keep a line of each exchange: the conversation's context drops the oldest."""
        for turn in turns:
            asked = str(turn[0].get("content") or "")
            if turn[0].get("role") == "user" and len(turn) > 1 and asked not in self.digests:
                self.digests[asked] = _digest(turn)
        for kept in (self.digests, self.served):
            while len(kept) > _REMEMBERED:
                del kept[next(iter(kept))]

    def read(self, said: list[str]) -> None:
        """Read the slots of user messages not read before (each message once)."""
        for text in said:
            if text not in self._read:
                self._read.add(text)
                self.slots.update(read_slots(text))


class SupervisedChatModel(ChatModelStage):
    """Hands each turn to the agent the supervisor picks, with that agent's context."""

    name = "agents"

    def __init__(self, inner: ChatModel, supervisor: Supervisor, memory: AgentMemory,
                 route_log: RouteLog, *, session: str = "",
                 on_choice: Callable[[Choice], None] = lambda choice: None):
        """`inner` answers (tools, routing); `route_log` gets the turn's `agent` record.

        `session` names the conversation to an agent served by another appliance.
        """
        super().__init__(inner)
        self.session = session
        self.supervisor = supervisor
        self.memory = memory
        self.route_log = route_log
        self.on_choice = on_choice
        self.current: AgentSettings = supervisor.default
        self._kept_local: str | None = None

    async def stream(self, messages: list[dict], *, max_tokens: int,
                     temperature: float) -> AsyncIterator[TokenChunk]:
        """Choose the agent, then stream its answer to its scoped messages."""
        said = [m["content"] for m in messages
                if m.get("role") == "user" and isinstance(m.get("content"), str)]
        question = said[-1] if said else ""
        self.memory.read(said)
        if self.memory.pinned:
            choice = Choice(self.supervisor.agents[self.memory.pinned], "asked",
                            "asked for by name by another appliance")
        else:
            choice = await self.supervisor.choose(question, self.memory.last_agent)
        agent = self.current = choice.agent
        if agent.url is not None:
            try:
                reply = await RemoteAgent(agent).ask(question, self.handed_slots(),
                                                     self.session)
            except FederationError as e:
                default = self.supervisor.default
                choice = Choice(default, choice.how, f"{choice.why}; {agent.name} failed "
                                f"({e}), so {default.name} answered")
                agent = self.current = default
            else:
                self._chosen(question, choice, f"served by the appliance at {agent.url}")
                yield TokenChunk(reply, exact=True)  # said as that appliance said it
                return
        self._chosen(question, choice)
        self._apply_tier(agent)
        token = ESCALATION.set(f"agent {agent.name} is served by a stronger model") if (
            agent.tier == "remote") else None
        try:
            async for chunk in self.inner.stream(self.scoped(messages, agent),
                                                 max_tokens=max_tokens,
                                                 temperature=temperature):
                yield chunk
        finally:
            if token is not None:
                ESCALATION.reset(token)

    def _chosen(self, question: str, choice: Choice, served: str = "") -> None:
        """Remember and record who serves the turn, and why."""
        self.memory.served[question] = choice.agent.name
        self.memory.last_agent = self.route_log.agent = choice.agent.name
        reason = f"{choice.how}: {choice.why}" + (f"; {served}" if served else "")
        self.route_log.record("agent", RouteRecord(provider=choice.agent.name, reason=reason,
                                                   kind=_CHOSEN_BY[choice.how]))
        self.on_choice(choice)

    def handed_slots(self) -> dict[str, str | float]:
        """The slot values the current agent declared and the user has said."""
        return {name: self.memory.slots[name] for name in self.current.slots
                if name in self.memory.slots}

    def handed_as_said(self) -> dict[str, str]:
        """The handed slot values as the user said them (what a tool argument may be)."""
        return {name: as_said(value) for name, value in self.handed_slots().items()}

    def _apply_tier(self, agent: AgentSettings) -> None:
        # A turn of a "local" agent never leaves the device, its voice included; the mark
        # is taken off again at the next turn unless something else set the reason since.
        if self._kept_local and self.route_log.local_only_reason == self._kept_local:
            self.route_log.local_only_reason = None
        self._kept_local = None
        if agent.tier == "local" and not self.route_log.local_only_reason:
            self._kept_local = f"agent {agent.name} is served on the device"
            self.route_log.local_only_reason = self._kept_local

    def scoped(self, messages: list[dict], agent: AgentSettings) -> list[dict]:
        """The messages `agent` sees: instructions, its share of the history, this turn."""
        lead = 0
        while lead < len(messages) and messages[lead].get("role") == "system":
            lead += 1
        system = "\n\n".join(str(m.get("content") or "") for m in messages[:lead])
        if agent.instructions:
            system = f"{system}\n\n{agent.instructions}".strip()
        known = {name: self.memory.slots[name] for name in agent.slots
                 if name in self.memory.slots}  # `agent` is `current` once chosen
        if known:
            system += "\nFrom earlier in the conversation: " + "; ".join(
                in_a_sentence(name, value) for name, value in known.items()) + "."
        turns: list[list[dict]] = []
        for message in messages[lead:]:
            if message.get("role") == "user" or not turns:
                turns.append([])
            turns[-1].append(message)
        current = turns.pop() if turns else []
        self.memory.remember(turns)
        if agent.context == "none":
            history = []
        else:
            history = [t for t in turns if agent.context == "all" or self.memory.served.get(
                str(t[0].get("content"))) == agent.name]
            history = history[-agent.max_history_turns:] if agent.max_history_turns else []
            older = self._older(agent, shown={str(t[0].get("content")) for t in history},
                                current=str(current[0].get("content")) if current else "")
            if older:
                system += "\nEarlier in the conversation: " + " ".join(older)
        return [{"role": "system", "content": system},
                *[m for turn in history for m in turn], *current]

    def _older(self, agent: AgentSettings, shown: set[str], current: str) -> list[str]:
        """The agent's earlier exchanges not shown in full, each in a line, the latest ones."""
        if not agent.summarised_turns:
            return []
        older = [line for asked, line in self.memory.digests.items()
                 if asked not in shown and asked != current
                 and (agent.context == "all" or self.memory.served.get(asked) == agent.name)]
        return older[-agent.summarised_turns:]


def _digest(turn: list[dict]) -> str:
    """One older exchange in a line: the request, and the first sentence of the answer.

    Extractive rather than written by a model: a summary by the small local model
    costs about a second of this box's CPU every turn and adds what nobody said.
    """
    asked = _shortened(str(turn[0].get("content") or ""), _DIGEST_WORDS)
    answers = [str(m.get("content") or "") for m in turn[1:] if m.get("role") == "assistant"]
    answer = _first_sentence(answers[-1]) if answers else ""
    told = f' and was told "{_shortened(answer, _DIGEST_WORDS)}"' if answer else ""
    return f'The user said "{asked}"{told}.'


_DIGEST_WORDS = 20
_REMEMBERED = 200  # exchanges a conversation keeps a line of (and who served them)


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip(), re.S)
    return match.group(1) if match else text.strip()


def _shortened(text: str, words: int) -> str:
    said = text.split()
    return " ".join(said[:words]) + (" ..." if len(said) > words else "")

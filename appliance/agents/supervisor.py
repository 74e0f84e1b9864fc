"""The supervisor: which agent serves this turn, and why.

First a word-overlap classifier against the requests each agent says it handles
(microseconds, on the device); only when that is unsure, a model picks among the
agents by name. A short turn that fits nobody stays with the agent of the turn
before ("and the shipping fee?"); anything else goes to the default agent.

Why no library classifier: no text classifier installs here without a model from a
hub (scikit-learn is not a dependency), and the agents' example lists are a few lines
each; a TF-IDF cosine over them is a dozen lines and needs no training.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from loguru import logger

from appliance.config.agents import AgentSettings
from appliance.llm.interface import ChatModel
from appliance.providers.errors import ProviderError

# How close a turn must be to an agent's examples, and how far ahead of the runner-up,
# for the classifier to decide alone.
SURE_SCORE = 0.25
SURE_MARGIN = 0.1
# Turns that fit nobody and are this short, or start like a follow-up, continue with the
# agent before: "and the shipping fee?", "yes please", "what about order 12?".
FOLLOW_UP_WORDS = 3
_FOLLOW_UP = re.compile(r"^\W*(?:and|also|then|so|but|ok|okay|yes|yeah|no|nope|it|that|this|"
                        r"what about|how about)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")
_ARTICLES = frozenset({"a", "an", "the"})


@dataclass(frozen=True)
class Choice:
    """The agent chosen for a turn, how (`classifier`, `model`, `follow-up`, `default`), why."""

    agent: AgentSettings
    how: str
    why: str


def _words(text: str) -> Counter:
    counts: Counter = Counter()
    for word in _WORD.findall(text.lower()):
        if word in _ARTICLES:
            continue
        for ending in ("ing", "ed", "es", "s"):  # "refunds", "refunded" and "refund" alike
            if len(word) > len(ending) + 2 and word.endswith(ending):
                word = word[: -len(ending)]
                break
        counts[word] += 1
    return counts


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(weight * b.get(word, 0.0) for word, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


class Supervisor:
    """Picks the agent for each turn from the configured ones."""

    def __init__(self, agents: list[AgentSettings], default: AgentSettings,
                 chooser: ChatModel | None = None):
        """`chooser`: the (local) model asked when the classifier is unsure; None: never."""
        self.agents = {agent.name: agent for agent in agents}
        self.default = default
        self.chooser = chooser
        examples = [_words(e) for agent in agents for e in agent.handles]
        # Words in many examples ("what", "is") tell agents apart less than rare ones.
        seen = Counter(word for words in examples for word in words)
        self._rarest = math.log(len(examples) + 1) + 1
        self._idf = {word: math.log((len(examples) + 1) / (n + 1)) + 1
                     for word, n in seen.items()}
        self._examples = {agent.name: [self._weighted(_words(e)) for e in agent.handles]
                          for agent in agents}

    def _weighted(self, words: Counter) -> dict[str, float]:
        return {word: n * self._idf.get(word, self._rarest) for word, n in words.items()}

    def scores(self, text: str) -> dict[str, float]:
        """Each agent's closeness to `text`: the best TF-IDF cosine over its examples.

        Words no example holds ("$12", a name) say nothing about the agent, so they are
        left out rather than diluting every score alike.
        """
        said = {w: v for w, v in self._weighted(_words(text)).items() if w in self._idf}
        return {name: max((_cosine(said, e) for e in examples), default=0.0)
                for name, examples in self._examples.items()}

    async def choose(self, text: str, previous: str | None = None) -> Choice:
        """The agent for the turn `text`; `previous` served the turn before."""
        ranked = sorted(self.scores(text).items(), key=lambda item: -item[1])
        best, score = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if score >= SURE_SCORE and score - runner_up >= SURE_MARGIN:
            return Choice(self.agents[best], "classifier",
                          f"closest to what {best} handles ({score:.2f} against {runner_up:.2f})")
        if self.chooser is not None:
            picked = await self._ask_model(text)
            if picked:
                return Choice(self.agents[picked], "model",
                              f"the classifier was unsure ({best} {score:.2f}); the model "
                              f"picked {picked}")
        is_follow_up = len(_WORD.findall(text.lower())) <= FOLLOW_UP_WORDS or bool(
            _FOLLOW_UP.match(text))
        if previous in self.agents and is_follow_up:
            return Choice(self.agents[previous], "follow-up",
                          f"a short follow-up to {previous}'s turn")
        return Choice(self.default, "default",
                      f"no agent clearly fits ({best} {score:.2f}); the default serves it")

    async def _ask_model(self, text: str) -> str | None:
        listing = "\n".join(
            f"- {agent.name}: {agent.instructions or ', '.join(agent.handles[:3])}"
            for agent in self.agents.values())
        messages = [
            {"role": "system", "content": "Choose who should answer the user's request. "
             f"Reply with one name only, from this list:\n{listing}"},
            {"role": "user", "content": text}]
        try:
            reply = "".join([chunk.text async for chunk in self.chooser.stream(
                messages, max_tokens=8, temperature=0.0)])
        except ProviderError as e:
            logger.warning(f"agent choice: the model failed ({e}); choosing without it")
            return None
        named = [(reply.lower().find(name), name) for name in self.agents
                 if name in reply.lower()]
        return min(named)[1] if named else None

"""Answer quality with the questions typed: the LLM stage alone, to compare models and prompts.

The same stage the voice pipeline runs (computed answers, tools when enabled, the
routed model, the reply guard), fed the question's text instead of a transcript,
so a wrong answer here is the model's, not the speech recogniser's. Single
questions each get a fresh conversation; scripted conversations keep theirs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipecat.processors.aggregators.llm_context import LLMContext

from appliance.apps import typed
from appliance.benchmark.conversations import Conversation
from appliance.benchmark.quality import ScoredReply, is_intent_answer, score_reply, summarise
from appliance.benchmark.questions import Question
from appliance.runtime.engines import Engines


@dataclass
class QualityRun:
    """Every scored reply of a run, and how long each single question took to answer."""

    singles: list[ScoredReply] = field(default_factory=list)
    conversations: list[ScoredReply] = field(default_factory=list)
    reply_ms: list[float] = field(default_factory=list)

    def summary(self) -> dict:
        """Accuracy on single questions and inside conversations, follow-ups, degenerates."""
        return {"single_questions": summarise(self.singles).as_dict(),
                "conversations": summarise(self.conversations).as_dict()}


async def answer_typed(engines: Engines, context: LLMContext, text: str
                       ) -> tuple[str, float, bool]:
    """Answer `text` in `context`: the reply, how long it took (ms), the intent stage's.

    The last says whether the intent stage gave it (a fixed sentence, which may
    rightly come twice: not a degenerate reply).
    """
    reply, ms, route = await typed.answer_typed(engines, context, text)
    return reply, ms, is_intent_answer(route)


async def run_typed_quality(engines: Engines, questions: Sequence[Question],
                            conversations: Sequence[Conversation], *,
                            progress: Callable[[int, int], None] | None = None) -> QualityRun:
    """Ask every question in a fresh conversation, then hold every scripted conversation."""
    run = QualityRun()
    total = len(questions) + sum(len(c.turns) for c in conversations)
    done = 0
    for question in questions:
        reply, ms, _ = await answer_typed(engines, LLMContext(), question.text)
        run.singles.append(score_reply(question.text, reply, question.answers,
                                       question.category, []))
        run.reply_ms.append(ms)
        done += 1
        if progress:
            progress(done, total)
    for conversation in conversations:
        context, earlier = LLMContext(), []
        for turn in conversation.turns:
            reply, ms, fixed = await answer_typed(engines, context, turn.text)
            run.conversations.append(score_reply(
                turn.text, reply, turn.answers, conversation.name,
                [] if fixed else earlier, turn.is_follow_up))
            if not fixed:
                earlier.append(reply)
            done += 1
            if progress:
                progress(done, total)
    return run

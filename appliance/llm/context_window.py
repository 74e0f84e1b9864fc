"""Keeping the conversation inside the model's window, so long sessions stay fast."""

from __future__ import annotations

import re
from collections.abc import Callable


def _text(message: dict) -> str:
    content = message.get("content") or ""
    if isinstance(content, str):
        return content
    return " ".join(part.get("text", "") for part in content if isinstance(part, dict))


def last_user_text(messages: list[dict]) -> str:
    """What the user said last (text parts joined), or "" when nothing was."""
    return next((_text(m) for m in reversed(messages) if m.get("role") == "user"), "")


def trim_history(
    messages: list[dict],
    *,
    max_turns: int,
    max_tokens: int,
    count_tokens: Callable[[str], int],
) -> list[dict]:
    """Keep at most `max_turns` earlier exchanges and `max_tokens` of history.

    A turn starts at a user message and runs to the next one. System messages at
    the head are always kept, and so is the newest turn (the question being
    answered), even when it alone is over the token budget.

    Over either limit, the oldest exchanges are dropped down to half of it at
    once, not one at a time: llama.cpp reuses its cache only up to the first
    token that differs, so dropping the oldest exchange at every turn made it
    evaluate the whole history again at every turn (measured with SmolLM2: time
    to first token ~70 ms for turns 1-7, then 470-960 ms at every turn after).
    Cut in halves, the history is evaluated again once every few turns.
    """
    head = 0
    while head < len(messages) and messages[head].get("role") in ("system", "developer"):
        head += 1
    starts = [i for i in range(head, len(messages)) if messages[i].get("role") == "user"]
    if not starts:
        return list(messages)
    turns = [
        messages[start:end]
        for start, end in zip(starts, starts[1:] + [len(messages)], strict=True)
    ]
    costs = [sum(count_tokens(_text(m)) for m in turn) for turn in turns]
    if len(turns) - 1 <= max_turns and sum(costs) <= max_tokens:
        return list(messages)
    kept = 1
    budget = max_tokens // 2 - costs[-1]
    while kept < len(turns) and kept <= max_turns // 2 and costs[-kept - 1] <= budget:
        budget -= costs[-kept - 1]
        kept += 1
    turns = turns[-kept:]
    return messages[:head] + [m for turn in turns for m in turn]


# Words that point back into the conversation: pronouns and pro-forms ("it", "there",
# "that one"), and openings that continue the last exchange ("And of Spain?", "What
# about cats?"). "there" after "is/are" is existential ("how many are there"), not a place.
_POINTS_BACK = re.compile(
    r"\b(it|its|it's|itself|they|them|their|theirs|themselves|he|him|his|she|her|hers|"
    r"those|these|that one|the other one|the same|another one|instead|"
    r"(?<!is )(?<!are )(?<!was )(?<!were )(?<!be )there)\b|"
    # "that" and "this" point back, except in "that is a ..." (a definition being asked).
    r"\b(that|this)\b(?! (is|was|'s) (a|an|the)\b)|"
    r"^(and|but|so|then|now|also|what about|how about|why|really|what else|"
    r"anything else|tell me more|more)\b|"
    # Questions about what was said before, or about the user ("what's my name?").
    r"\b(you said|i said|i told you|remember|earlier|previous|last one|again|my)\b",
    re.IGNORECASE)


def follows_up(question: str) -> bool:
    """True when the question only makes sense with the conversation before it.

    "And what river runs through it?", "What about Spain?", "Double that." do;
    "How many days are there in a week?" does not. A follow-up needs the history
    (and, where one is configured, the larger model, which uses it far better: on the
    built-in conversations SmolLM2-135M resolved 11-22 of 60 follow-ups, Qwen 0.5B 32-37).
    """
    return bool(_POINTS_BACK.search(question.strip()))


def without_history(messages: list[dict]) -> list[dict]:
    """System messages and the last user message only: what a standalone question needs.

    A small model copies its own earlier replies (see `appliance.llm.reply_guard`);
    a question that does not refer back is answered as if asked first, which is
    also how it scores best (the benchmark's single questions).
    """
    last_user = max((i for i, m in enumerate(messages) if m.get("role") == "user"), default=None)
    return [m for i, m in enumerate(messages)
            if m.get("role") in ("system", "developer") or i == last_user]


def recent_history(messages: list[dict], turns: int) -> list[dict]:
    """System messages, the last `turns` earlier exchanges and the question.

    A follow-up leans on the last exchange or two; a shorter prompt is evaluated
    sooner (Qwen 0.5B evaluates ~200 tokens a second here), and is cut at the same
    exchange boundaries as `trim_history`.
    """
    head = [m for m in messages if m.get("role") in ("system", "developer")]
    rest = [m for m in messages if m.get("role") not in ("system", "developer")]
    starts = [i for i, m in enumerate(rest) if m.get("role") == "user"]
    if len(starts) <= turns + 1:
        return head + rest
    return head + rest[starts[-turns - 1]:]

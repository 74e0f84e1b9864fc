"""Keeping the conversation inside the model's window, so long sessions stay fast."""

from __future__ import annotations

from collections.abc import Callable


def _text(message: dict) -> str:
    content = message.get("content") or ""
    if isinstance(content, str):
        return content
    return " ".join(part.get("text", "") for part in content if isinstance(part, dict))


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

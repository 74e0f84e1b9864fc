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
    """Drop the oldest exchanges until at most `max_turns` and `max_tokens` remain.

    A turn starts at a user message and runs to the next one. System messages at
    the head are always kept, and so is the newest turn (the question being
    answered), even when it alone is over the token budget.
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
    kept: list[list[dict]] = [turns[-1]]
    budget = max_tokens - sum(count_tokens(_text(m)) for m in turns[-1])
    for turn in reversed(turns[:-1]):
        if len(kept) > max_turns:
            break
        cost = sum(count_tokens(_text(m)) for m in turn)
        if cost > budget:
            break
        budget -= cost
        kept.insert(0, turn)
    return messages[:head] + [m for turn in kept for m in turn]

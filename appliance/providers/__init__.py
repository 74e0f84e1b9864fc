"""What every provider module shares.

`errors` (the one error a provider raises, with its kind), `remote` (calling an
OpenAI-compatible server within deadlines) and `cpu_priority` (the reply's first
audio before background decoding).
"""

__all__: list[str] = []

"""The ways to run the appliance.

`converse` (a WAV file or typed text), `typed` (a typed turn through the voice
pipeline's LLM stage) and `kiosk` (a microphone and a speaker).
"""

__all__: list[str] = []

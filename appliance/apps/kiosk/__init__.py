"""The kiosk: a live conversation on a microphone and speaker, woken by a phrase or a key.

`run.run_kiosk` is the loop; `wake_word` hears the phrase; `wake_gate` keeps the
microphone shut until woken. Nothing is imported here, so the CLI can list the phrases
without loading pipecat.
"""

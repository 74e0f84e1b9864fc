"""Edge voice appliance."""

import os

# llama.cpp and CTranslate2 use OpenMP (libgomp), whose idle worker threads spin
# for a long while after each step by default. On two cores that spinning steals
# the core Piper needs for the reply's first audio (measured: 100 ms alone, 200+
# ms next to a spinning LLM). A short spin keeps LLM decoding as fast (80 tok/s)
# while giving the core back. libgomp reads this once, when it loads, so it is
# set here, before any engine is imported; a value set by the user wins.
os.environ.setdefault("GOMP_SPINCOUNT", "5000")

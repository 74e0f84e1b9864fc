# Two commands for a fresh Debian machine with Python 3.11:
#   make demo   set up, fetch models, ask the built-in question, print transcript, reply, timings
#   make test   set up, fetch models, run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LLAMA_CPP_VERSION := 0.3.36
export APPLIANCE_WHEEL_CACHE ?= $(HOME)/.cache/appliance/wheels

.PHONY: setup models demo test lint clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml scripts/install-system-deps.sh
	scripts/install-system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHON=$(BIN)/python scripts/build-llama-wheel.sh $(LLAMA_CPP_VERSION) "$(APPLIANCE_WHEEL_CACHE)"
	$(BIN)/python -m pip install --quiet --find-links "$(APPLIANCE_WHEEL_CACHE)" -e '.[test]'
	touch $@

models: setup
	$(BIN)/appliance models fetch --all

demo: models
	$(BIN)/appliance converse --out reply.wav

test: models
	$(BIN)/ruff check appliance tests scripts
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check appliance tests bench scripts

clean:
	rm -rf $(VENV) reply.wav

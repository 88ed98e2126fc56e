# Two commands do all the set-up on a fresh machine with only Python 3.11+:
#   make run    set up, then serve the Telegram bot if TELEGRAM_BOT_TOKEN is set, else play in the terminal
#   make test   set up (with dev tools), then lint, type-check and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SCENARIO ?=

.PHONY: run play serve test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ]; then $(BIN)/salesbot serve; else $(BIN)/salesbot play $(SCENARIO); fi

play: $(VENV)/.installed
	$(BIN)/salesbot play $(SCENARIO)

serve: $(VENV)/.installed
	$(BIN)/salesbot serve

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check salesbot tests benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-dev
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# Two commands for a fresh machine with Python 3.11: `make run` and `make test`.
# `run` installs only what the app needs; `test` adds the dev extra (linters, browser, PostgreSQL).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev

.PHONY: run test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(RUNTIME) $(DEV)

# Loopback only unless told otherwise: `make run HOST=0.0.0.0 PORT=8080`.
HOST ?= 127.0.0.1
PORT ?= 8501

run: $(RUNTIME)
	$(BIN)/toolkaart serve --host $(HOST) --port $(PORT)

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The whole suite in two rounds: first the tests that need no browser, proxy or provider, spread
# over the machine's cores (each test has databases and ports of its own); then the browser,
# service, sign-in and bench tests one at a time, alone on the machine, since they time what a
# person waits for.
ALONE := tests/browser tests/service tests/signin tests/benchmarks
test: lint
	$(BIN)/python -m pytest -q -n auto --maxprocesses 4 --dist loadfile $(addprefix --ignore=,$(ALONE))
	$(BIN)/python -m pytest -q $(ALONE)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# Task runner. `make run`: install and code the bundled sample articles. `make test`: install and run the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test install install-dev lint typecheck eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'

run: install
	$(BIN)/eventwire demo

test: install-dev
	$(BIN)/ruff check src tests eval scripts benchmarks
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check src tests eval scripts benchmarks
	$(BIN)/mypy

eval: install-dev
	$(BIN)/python eval/seed.py
	$(BIN)/python eval/petrarch_gsr.py
	$(BIN)/python eval/petrarch_unit.py

bench: install-dev
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .mypy_cache

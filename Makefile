# Task runner. `make run`: install and code the bundled sample articles. `make test`: install and run the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test install install-dev lint typecheck eval bench bench-api web serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'

run: install
	$(BIN)/eventwire demo

WEB := src/eventwire/serve/web

# The dashboard's JavaScript libraries (d3, topojson-client, world-atlas), from package-lock.json.
web: $(WEB)/node_modules/.package-lock.json

$(WEB)/node_modules/.package-lock.json: $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund

serve: install web
	$(BIN)/python -m eventwire.cli.serve serve --db $(or $(DB),eventwire.db)

test: install-dev web
	$(BIN)/ruff check src tests eval scripts benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check src tests eval scripts benchmarks
	$(BIN)/mypy

eval: install-dev
	$(BIN)/python eval/seed.py
	$(BIN)/python eval/petrarch_gsr.py
	$(BIN)/python eval/petrarch_unit.py --patterns imported

bench: install-dev
	$(BIN)/python benchmarks/throughput.py

bench-api: install-dev
	$(BIN)/python benchmarks/make_big_store.py --out /tmp/eventwire-big.db
	$(BIN)/python benchmarks/api_load.py --db /tmp/eventwire-big.db --clients 50 --requests 5000 --rate 150

clean:
	rm -rf $(VENV) build dist $(WEB)/node_modules src/*.egg-info .pytest_cache .ruff_cache .mypy_cache

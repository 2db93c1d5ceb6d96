# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= tripwire.duckdb
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast lint setup demo serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/tripwire ingest demo/ --db $(DB) --actors demo/actors.yaml
	$(BIN)/tripwire stats --db $(DB)
	$(BIN)/tripwire alerts --db $(DB)
	$(BIN)/tripwire serve --db $(DB) --actors demo/actors.yaml --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q tests

# While developing: the same checks without the tests marked slow (evaluation gates, whole
# corpora, browsers, Ray, property tests).
test-fast: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q -m "not slow" tests

clean:
	rm -rf $(VENV) $(DB) build dist *.egg-info

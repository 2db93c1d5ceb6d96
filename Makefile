# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= tripwire.duckdb
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint setup demo serve clean

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
	$(BIN)/python -m pytest -q tests

clean:
	rm -rf $(VENV) $(DB) build dist *.egg-info

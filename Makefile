# One command per chore. CI calls the same commands a person does.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: run test test-postgres test-sqlite lint format bench clean-data

$(RUNTIME): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV): $(RUNTIME) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

## The demo on the embedded SQLite database, at http://127.0.0.1:8000
run: $(RUNTIME)
	$(BIN)/reunify migrate
	$(BIN)/reunify demo --if-empty
	$(BIN)/reunify serve

## Every test: the whole suite on a throwaway PostgreSQL, then the SQLite-relevant ones
test: test-postgres test-sqlite

test-postgres: $(DEV)
	scripts/system-packages.sh
	export $$(scripts/test-postgres.sh start) && \
	  DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -q

test-sqlite: $(DEV)
	env -u DATABASE_URL REUNIFY_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -q -m sqlite

lint: $(DEV)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

format: $(DEV)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

## Speed targets, measured; results in docs/benchmarks.md
bench: $(DEV)
	scripts/system-packages.sh
	export $$(REUNIFY_TEST_PG_PORT=55433 scripts/test-postgres.sh start) && \
	  $(BIN)/python -m bench.run

clean-data:
	rm -rf data

# The two commands a newcomer needs are `make run` and `make test`; both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run serve test lint typecheck imports test-unit openapi bench install clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Migrate the embedded database, load the demo district when it is empty, print credentials, serve.
run: $(STAMP)
	$(BIN)/mastery dev

serve: $(STAMP)
	$(BIN)/mastery serve

lint: $(STAMP)
	$(BIN)/ruff check app tests bench tools
	$(BIN)/ruff format --check app tests bench tools

typecheck: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

test-unit: $(STAMP)
	$(BIN)/pytest tests/unit -q

test: lint typecheck imports
	$(BIN)/pytest -q -n 2 --dist loadgroup

## Regenerate the committed contracts (openapi/openapi.json, openapi/schema.graphql).
openapi: $(STAMP)
	$(BIN)/mastery contracts write

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# The two commands a newcomer needs are `make run` and `make test`; both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The typed client's generator, in its own environment: it requires an older typer than ours.
GEN := $(VENV)/generator

.PHONY: run serve test lint typecheck imports test-unit openapi bench install clean

$(STAMP): pyproject.toml requirements.lock clients/python/pyproject.toml clients/python/generator.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	# The client on a .pth path (compat), so that mypy sees it in scripts type-checked here too.
	$(BIN)/pip install --quiet -c requirements.lock --config-settings editable_mode=compat \
		-e clients/python
	$(PYTHON) -m venv $(GEN)
	$(GEN)/bin/pip install --quiet -r clients/python/generator.lock
	touch $(STAMP)

install: $(STAMP)

## Migrate the embedded database, load the demo district when it is empty, print credentials, serve.
run: $(STAMP)
	$(BIN)/mastery dev

serve: $(STAMP)
	$(BIN)/mastery serve

lint: $(STAMP)
	$(BIN)/ruff check app tests bench tools clients/python/schema_for_client.py
	$(BIN)/ruff format --check app tests bench tools clients/python/schema_for_client.py

typecheck: $(STAMP)
	$(BIN)/mypy
	cd clients/python && ../../$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

test-unit: $(STAMP)
	$(BIN)/pytest tests/unit -q

# Two workers: on 2 cores a third did more work in all and took longer (decision 0075).
test: lint typecheck imports
	$(BIN)/pytest -q -n 2 --dist loadgroup

## Regenerate the committed contracts (openapi/openapi.json, openapi/schema.graphql) and the
## typed Python client generated from the first (clients/python/mastery_client).
openapi: $(STAMP)
	$(BIN)/mastery contracts write
	clients/python/generate.sh

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

#!/bin/sh
# Regenerates the typed client from openapi/openapi.json: into mastery_client/ beside this file,
# or into the directory given (the drift test's). The generator lives in its own virtual
# environment (.venv/generator, pinned by generator.lock; `make install` builds it), because it
# requires an older typer than the service does. schema_for_client.py says what it adjusts.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
gen="${MASTERY_CLIENT_GENERATOR_BIN:-$root/.venv/generator/bin}"
out="${1:-$here/mastery_client}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$gen/python" "$here/schema_for_client.py" <"$root/openapi/openapi.json" >"$work/openapi.json"
PATH="$gen:$PATH" "$gen/openapi-python-client" generate \
    --path "$work/openapi.json" --config "$here/generator.yml" \
    --meta none --output-path "$out" --overwrite --fail-on-warning >"$work/log" 2>&1 \
    || { cat "$work/log" >&2; exit 1; }

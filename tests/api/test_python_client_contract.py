"""The committed typed client (clients/python/mastery_client) is what the generator makes from
the committed openapi/openapi.json, byte for byte (`make openapi` regenerates both): a route or
schema changed without regenerating the client fails here, as a stale openapi.json fails
test_contracts. Generating takes about 3 s (the generator's own environment, .venv/generator,
is built by `make install`)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "python"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_committed_client_is_what_the_generator_makes(tmp_path: Path) -> None:
    out = tmp_path / "mastery_client"
    done = subprocess.run(
        [str(CLIENT / "generate.sh"), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    generated, committed = _files(out), _files(CLIENT / "mastery_client")
    assert len(generated) > 300  # every operation and model, not an empty package
    assert sorted(generated) == sorted(committed), "run `make openapi` and commit the client"
    stale = [name for name in generated if generated[name] != committed[name]]
    assert stale == [], f"stale client files (run `make openapi`): {stale[:10]}"


def test_the_client_has_a_function_for_every_rest_operation() -> None:
    """An independent count: each operation of openapi.json under /v1 and /oauth is one module
    of the client (the generator names it after the operationId)."""
    document = json.loads((ROOT / "openapi" / "openapi.json").read_text())
    operations = {
        operation["operationId"]
        for path, item in document["paths"].items()
        if path.startswith(("/v1/", "/oauth/"))
        for operation in item.values()
    }
    modules = {path.stem for path in (CLIENT / "mastery_client" / "api").rglob("*.py")}
    assert operations <= modules, sorted(operations - modules)

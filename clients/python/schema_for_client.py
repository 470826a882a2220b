"""The OpenAPI document the client is generated from: openapi/openapi.json (read on standard
input) less the second media type of the merge-patch PATCH bodies, written to standard output.

Those bodies are offered as `application/json` and `application/merge-patch+json` with one
schema; openapi-python-client 0.29 turns two media types into a union body whose code names an
`Unset` it never imports (mypy and the import fail). The server reads both media types as an
RFC 7396 merge patch, so the client sends `application/json` alone. Nothing else changes."""

import json
import sys

JSON = "application/json"
MERGE_PATCH = "application/merge-patch+json"


def main() -> None:
    document = json.load(sys.stdin)
    for operations in document["paths"].values():
        for operation in operations.values():
            content = operation.get("requestBody", {}).get("content", {})
            same = JSON in content and MERGE_PATCH in content
            if same and content[JSON].get("schema") == content[MERGE_PATCH].get("schema"):
                del content[MERGE_PATCH]
    json.dump(document, sys.stdout)


if __name__ == "__main__":
    main()

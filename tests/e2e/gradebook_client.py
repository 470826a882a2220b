"""A OneRoster 1.2 gradebook client, written from the specification with plain httpx, as an
LMS or assessment vendor has one: it gets a token with the gradebook scopes (OAuth 2.0 client
credentials), PUTs line items and results in the JSON binding, reads collections page by page
(following the Link header) and reads errors as imsx_StatusInfo. Nothing in it knows this
service, except `mastery` and `mastery_graphql`, which read the decisions the results led to
through REST and through GraphQL.

    python -m tests.e2e.gradebook_client --base-url http://127.0.0.1:8000 \\
        --client-id ID --client-secret=SECRET --class class-1 --student student-1 \\
        --objective s-1 --objective s-2
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

import httpx

GRADEBOOK = "/ims/oneroster/gradebook/v1p2"
SCOPE = "https://purl.imsglobal.org/spec/or/v1p2/scope"
SCOPES = tuple(f"{SCOPE}/gradebook.{s}" for s in ("createput", "readonly", "delete"))
# Reading decisions is the service's own API, with its own scope (a gradebook scope grants only
# the gradebook); through GraphQL it starts from a student, which takes the roster scope too.
READ_SCOPES = (*SCOPES, "mastery:read", "roster:read")
_NEXT = re.compile(r'<([^>]+)>;\s*rel="next"')


class GradebookError(Exception):
    """A failure answered as imsx_StatusInfo."""

    def __init__(self, status: int, info: dict[str, Any]) -> None:
        # Implementations spell the code minor both ways; read either.
        minor = info.get("imsx_CodeMinor") or info.get("imsx_codeMinor") or {}
        fields = minor.get("imsx_codeMinorField") or []
        self.status = status
        self.description = str(info.get("imsx_description", ""))
        self.codes = [
            (f.get("imsx_codeMinorFieldName"), f.get("imsx_codeMinorFieldValue")) for f in fields
        ]
        super().__init__(f"{status}: {self.description} {self.codes}")


class GradebookClient:
    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        token_url: str = "/oauth/token",
        scopes: tuple[str, ...] = SCOPES,
    ) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30)
        token = self.http.post(
            token_url,
            data={"grant_type": "client_credentials", "scope": " ".join(scopes)},
            auth=(client_id, client_secret),
        )
        token.raise_for_status()
        self.http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        self.granted = token.json()["scope"].split()

    def close(self) -> None:
        self.http.close()

    def _answer(self, response: httpx.Response) -> Any:
        if response.status_code >= 400:
            raise GradebookError(response.status_code, response.json())
        return response.json() if response.content else None

    def put_line_item(self, sourced_id: str, line_item: dict[str, Any]) -> dict[str, Any]:
        sent = {"lineItem": {"sourcedId": sourced_id, "status": "active", **line_item}}
        answer = self._answer(self.http.put(f"{GRADEBOOK}/lineItems/{sourced_id}", json=sent))
        return dict(answer["lineItem"])

    def put_result(self, sourced_id: str, result: dict[str, Any]) -> dict[str, Any]:
        sent = {"result": {"sourcedId": sourced_id, "status": "active", **result}}
        answer = self._answer(self.http.put(f"{GRADEBOOK}/results/{sourced_id}", json=sent))
        return dict(answer["result"])

    def get_result(self, sourced_id: str) -> dict[str, Any]:
        return dict(self._answer(self.http.get(f"{GRADEBOOK}/results/{sourced_id}"))["result"])

    def delete_result(self, sourced_id: str) -> None:
        self._answer(self.http.delete(f"{GRADEBOOK}/results/{sourced_id}"))

    def results_for_class(self, class_id: str, limit: int = 100) -> list[dict[str, Any]]:
        """Every result of a class, page after page as the Link header leads."""
        found: list[dict[str, Any]] = []
        url: str | None = f"{GRADEBOOK}/classes/{class_id}/results?limit={limit}"
        while url is not None:
            response = self.http.get(url)
            found += self._answer(response)["results"]
            link = _NEXT.search(response.headers.get("link", ""))
            url = link.group(1) if link else None
        return found

    def mastery(self, student_id: str) -> list[dict[str, Any]]:
        """The student's decisions, through the service's REST API (mastery:read)."""
        response = self.http.get(f"/v1/students/{student_id}/mastery")
        response.raise_for_status()
        return list(response.json()["items"])

    def mastery_graphql(self, student_id: str) -> list[dict[str, Any]]:
        """The same decisions through the service's GraphQL (the token also needs roster:read,
        which finding a student takes), in REST's field names."""
        query = """query($id: ID!) {
          student(id: $id) { mastery { competency { id } status score } }
        }"""
        response = self.http.post(
            "/graphql", json={"query": query, "variables": {"id": student_id}}
        )
        response.raise_for_status()
        body = response.json()
        if body.get("errors"):
            raise RuntimeError(f"GraphQL errors: {body['errors']}")
        return [
            {
                "competency_id": m["competency"]["id"],
                "status": m["status"].lower(),
                "score": m["score"],
            }
            for m in body["data"]["student"]["mastery"]
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--class", dest="class_id", required=True)
    parser.add_argument("--student", required=True)
    parser.add_argument("--objective", action="append", required=True, help="a CASE identifier")
    parser.add_argument("--score", type=float, default=8)
    args = parser.parse_args(argv)
    client = GradebookClient(args.base_url, args.client_id, args.client_secret, scopes=READ_SCOPES)
    try:
        client.put_line_item(
            "demo-quiz",
            {
                "title": "Demo quiz",
                "class": {"sourcedId": args.class_id, "type": "class"},
                "resultValueMin": 0,
                "resultValueMax": 10,
                "learningObjectiveSet": [
                    {"source": "case", "learningObjectiveIds": args.objective}
                ],
            },
        )
        result = client.put_result(
            f"demo-quiz-{args.student}",
            {
                "lineItem": {"sourcedId": "demo-quiz", "type": "lineItem"},
                "student": {"sourcedId": args.student, "type": "user"},
                "scoreStatus": "fully graded",
                "score": args.score,
                "scoreDate": "2026-09-14",
            },
        )
        decisions = {
            "result": result,
            "mastery": client.mastery(args.student),
            "mastery_graphql": client.mastery_graphql(args.student),
        }
        print(json.dumps(decisions, indent=2))
    except GradebookError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

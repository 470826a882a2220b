"""Grading terms over the API (issue #16), on both databases: a term closed, a late result
posted, the snapshot unchanged and the next term changed; reopening audited; the reassessment
window; a large district closed by a job. Levels are the scores posted (the default 1-4
scale); term 1 runs to 2026-10-31, term 2 from 2026-11-01 (results are days after
2026-09-01)."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.api.mastery_data import by_competency, post, result, seed_framework
from tests.conftest import Api, Container

TERM_1 = {"title": "Term 1", "type": "term", "start_date": "2026-08-17", "end_date": "2026-10-31"}
TERM_2 = {"title": "Term 2", "type": "term", "start_date": "2026-11-01", "end_date": "2027-01-31"}
RULES = "A: mean(level) >= 3\notherwise: B\n"
CLOSE = "/v1/academic-sessions/term-1/close"
SNAPSHOT = "/v1/academic-sessions/term-1/snapshot"


async def _district(api: Api) -> None:
    """student-1 at 2 on s-1 and 3 on s-2, within term 1; grade rules A (mean >= 3) else B."""
    await seed_framework(api)
    for sid, body in (("term-1", TERM_1), ("term-2", TERM_2)):
        assert (await api.put(f"/v1/academic-sessions/{sid}", body)).status_code == 201
    assert (
        await api.put("/v1/frameworks/fw-math/grade-rules", {"rules": RULES})
    ).status_code == 200
    await post(api, result(2, 1, competency="s-1"), result(3, 2, competency="s-2"))


async def _json(api: Api, url: str, **params: Any) -> Any:
    answer = await api.get(url, params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def _grade(api: Api, session: str | None = None) -> dict[str, Any]:
    params = {"framework_id": "fw-math", **({"session_id": session} if session else {})}
    found: dict[str, Any] = await _json(api, "/v1/students/student-1/grades", **params)
    return found


async def test_a_closed_term_keeps_its_snapshot_when_a_late_result_arrives(api: Api) -> None:
    await _district(api)
    live_before = (await _json(api, "/v1/students/student-1/mastery", framework_id="fw-math"))[
        "items"
    ]
    closed = await api.post(CLOSE)
    assert closed.status_code == 200, closed.text
    close = closed.json()
    # d-nbt (the rollup), s-1 and s-2: the only decisions stored.
    assert (close["state"], close["decisions"], close["job"]) == ("closed", 3, None)
    assert close["ends_at"] == "2026-11-01T00:00:00Z"
    frozen = (await _json(api, SNAPSHOT, student_id="student-1"))["items"]
    # The same decisions, in the same shape, as the student's own read at the close.
    assert sorted(frozen, key=lambda d: d["competency_id"]) == sorted(
        live_before, key=lambda d: d["competency_id"]
    )
    assert (await _grade(api, "term-1"))["grade"] == "B"  # mean(2, 3) = 2.5

    # A result of term 1 (observed 2026-09-21) posted after the close: the live decision
    # moves, the snapshot does not; it counts for the next term, still open.
    await post(api, result(4, 20, competency="s-1"))
    live = by_competency(
        (await _json(api, "/v1/students/student-1/mastery", framework_id="fw-math"))["items"]
    )
    assert live["s-1"]["evidence_count"] == 2
    assert (await _json(api, SNAPSHOT, student_id="student-1"))["items"] == frozen
    assert by_competency(frozen)["s-1"]["evidence_count"] == 1
    term_1, term_2 = await _grade(api, "term-1"), await _grade(api, "term-2")
    assert (term_1["grade"], term_1["frozen_at"]) == ("B", close["closed_at"])
    # s-1 from results 2 and 4 (level 3 or 4 by any method) and s-2 at 3: mean >= 3.
    assert (term_2["grade"], term_2["frozen_at"]) == ("A", None)
    assert term_2["reason"] == (await _grade(api))["reason"]  # the open term reads the live ones

    cards = await _json(
        api,
        "/v1/academic-sessions/term-1/report-cards",
        framework_id="fw-math",
        class_id="class-1",
    )
    assert cards["frozen_at"] == close["closed_at"]
    (card,) = cards["cards"]
    assert (card["student_id"], card["grade"]["grade"]) == ("student-1", "B")
    assert [(s["code"], s["status"], s["level"]) for s in card["standards"]] == [
        ("4.NBT.1", "not_yet", 2.0),
        ("4.NBT.2", "mastered", 3.0),
    ]
    as_csv = await api.get(
        "/v1/academic-sessions/term-1/report-cards",
        params={"framework_id": "fw-math", "student_id": "student-1"},
        headers={"Accept": "text/csv"},
    )
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(as_csv.text)))
    assert rows[0] == [
        "student_id",
        "given_name",
        "family_name",
        "grade",
        "reason",
        "4.NBT.1 status",
        "4.NBT.1 level",
        "4.NBT.2 status",
        "4.NBT.2 level",
    ]
    assert rows[1] == [
        "student-1",
        "Sam",
        "Study",
        "B",
        card["grade"]["reason"],
        "not_yet",
        "2.0",
        "mastered",
        "3.0",
    ]
    snapshot_csv = await api.get(SNAPSHOT, params={"format": "csv"})
    assert len(list(csv.DictReader(io.StringIO(snapshot_csv.text)))) == 3


async def test_closing_and_reopening_answer_conflicts_and_reopening_is_audited(api: Api) -> None:
    await _district(api)
    year = await api.post("/v1/academic-sessions/session-1/close")
    assert year.status_code == 409, year.text  # a school year is not a grading term
    assert (await api.post("/v1/academic-sessions/nowhere/close")).status_code == 404
    reopen_open = await api.post("/v1/academic-sessions/term-1/reopen", json={"reason": "x"})
    assert reopen_open.status_code == 409
    assert (await api.get(SNAPSHOT)).status_code == 404  # open: no snapshot
    past = await api.post(CLOSE, json={"reassessment_until": "2020-01-01T00:00:00Z"})
    assert past.status_code == 422
    assert past.json()["errors"][0]["loc"] == ["body", "reassessment_until"]
    assert (await api.post(CLOSE)).status_code == 200
    assert (await api.post(CLOSE)).status_code == 409
    await post(api, result(4, 20, competency="s-1"))

    reopened = await api.post(
        "/v1/academic-sessions/term-1/reopen", json={"reason": "Retakes graded late"}
    )
    assert reopened.status_code == 200, reopened.text
    assert reopened.json()["reopened_close"]["decisions"] == 3
    assert (await api.get(SNAPSHOT)).status_code == 404
    assert (await _grade(api, "term-1"))["grade"] == "A"  # open again: the live decisions
    trail = (await _json(api, "/v1/audit", kind=["term.closed", "term.reopened"]))["items"]
    assert [(e["kind"], e["subject"]) for e in trail] == [
        ("term.reopened", "term-1"),
        ("term.closed", "term-1"),
    ]
    assert trail[0]["after"] == {"reason": "Retakes graded late"}
    assert trail[0]["before"]["decisions"] == 3

    # Closed again, the snapshot holds the late result.
    assert (await api.post(CLOSE)).status_code == 200
    again = by_competency((await _json(api, SNAPSHOT))["items"])
    assert again["s-1"]["evidence_count"] == 2


async def test_a_reassessment_window_lets_results_of_the_term_reach_the_snapshot(
    api: Api,
) -> None:
    await _district(api)
    until = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    closed = await api.post(CLOSE, json={"reassessment_until": until})
    assert closed.status_code == 200, closed.text
    # A reassessment observed within the term (2026-09-11): its student's snapshot follows.
    await post(api, result(4, 10, competency="s-2"))
    frozen = by_competency((await _json(api, SNAPSHOT))["items"])
    assert (frozen["s-2"]["evidence_count"], frozen["s-1"]["evidence_count"]) == (2, 1)
    live = by_competency(
        (await _json(api, "/v1/students/student-1/mastery", framework_id="fw-math"))["items"]
    )
    assert frozen["s-2"] == live["s-2"]
    # A result observed after the term (2026-11-15) counts for the next term only.
    await post(api, result(1, 75, competency="s-1"))
    assert by_competency((await _json(api, SNAPSHOT))["items"])["s-1"] == frozen["s-1"]


async def test_a_large_district_is_closed_by_a_job(api: Api, container: Container) -> None:
    await _district(api)
    container.use_cases.grading_terms.inline_decisions = 0
    try:
        closed = await api.post(CLOSE)
    finally:
        container.use_cases.grading_terms.inline_decisions = 200_000
    assert closed.status_code == 202, closed.text
    body = closed.json()
    assert (body["state"], body["decisions"]) == ("closing", None)
    assert closed.headers["location"] == body["job"]["href"]
    for _ in range(400):
        job = await _json(api, body["job"]["href"])
        if job["status"] in ("succeeded", "failed"):
            break
        await asyncio.sleep(0.05)
    assert job["status"] == "succeeded", job
    assert job["result"] == {"frozen": True, "decisions": 3}
    assert len((await _json(api, SNAPSHOT))["items"]) == 3


async def test_snapshot_pages_and_filters(api: Api) -> None:
    await _district(api)
    assert (await api.post(CLOSE)).status_code == 200
    first = await _json(api, SNAPSHOT, limit=2)
    assert [d["competency_id"] for d in first["items"]] == ["d-nbt", "s-1"]
    rest = await _json(api, SNAPSHOT, limit=2, cursor=first["next_cursor"])
    assert ([d["competency_id"] for d in rest["items"]], rest["next_cursor"]) == (["s-2"], None)
    assert (await _json(api, SNAPSHOT, class_id="class-1"))["items"] == [
        *first["items"],
        *rest["items"],
    ]
    assert (await api.get(SNAPSHOT, params={"class_id": "nowhere"})).status_code == 404
    assert (await api.get(SNAPSHOT, params={"framework_id": "nowhere"})).status_code == 404
    bad = await api.get(SNAPSHOT, params={"cursor": "not-a-cursor"})
    assert bad.status_code == 422

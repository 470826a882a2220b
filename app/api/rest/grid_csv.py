"""The class grid as CSV: one row per student, and for each competency (by code, in the
framework's order) its status in words, its score and its performance band's label (in words:
a band's colour never stands alone), as a teacher reads the grid on screen. A framework with a
habits-of-work category adds a section after the academic columns: each competency's
habits-of-work status and score (`no_evidence` and no score where none is stored), never
mixed into the academic columns.
The cells follow the list exports' rules (app/api/exports/csv_document.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi.responses import StreamingResponse

from app.api.exports.csv_document import csv_lines
from app.api.exports.negotiation import CSV

STUDENT_COLUMNS = ("student_id", "given_name", "family_name")


def grid_header(competencies: list[dict[str, Any]], *, habits: bool = False) -> list[str]:
    header = list(STUDENT_COLUMNS)
    for competency in competencies:
        code = competency["code"]
        header += [f"{code} status", f"{code} score", f"{code} band"]
    if habits:
        for competency in competencies:
            code = competency["code"]
            header += [f"{code} habits of work status", f"{code} habits of work score"]
    return header


_Habits = dict[tuple[str, str], dict[str, Any]]


def grid_rows(
    students: list[dict[str, Any]],
    habits: _Habits | None = None,
    competencies: Sequence[dict[str, Any]] = (),
) -> list[list[Any]]:
    rows = []
    for student in students:
        row = [student[c] for c in STUDENT_COLUMNS]
        for decision in student["decisions"]:
            band = decision["band"]
            row += [decision["status"], decision["score"], band["label"] if band else None]
        if habits is not None:
            for competency in competencies:
                found = habits.get((student["student_id"], competency["id"]))
                row += [found["status"], found["score"]] if found else ["no_evidence", None]
        rows.append(row)
    return rows


def grid_csv(grid: dict[str, Any], *, habits: bool = False) -> StreamingResponse:
    """`grid` in the shape of ClassGridRead; `habits`: with the habits-of-work section."""
    competencies = grid["competencies"]
    header = grid_header(competencies, habits=habits)
    by_key: _Habits | None = (
        {(h["student_id"], h["competency_id"]): h for h in grid["habits_of_work"]}
        if habits
        else None
    )

    async def lines() -> Any:
        yield csv_lines([header])
        students = grid["students"]
        for start in range(0, len(students), 100):
            yield csv_lines(grid_rows(students[start : start + 100], by_key, competencies))

    name = f"class-{grid['class_id']}-{grid['framework_id']}-mastery.csv".replace('"', "")
    return StreamingResponse(
        lines(),
        media_type=f"{CSV}; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )

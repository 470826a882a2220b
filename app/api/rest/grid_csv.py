"""The class grid as CSV: one row per student, and for each competency (by code, in the
framework's order) its status in words, its score and its performance band's label (in words:
a band's colour never stands alone), as a teacher reads the grid on screen.
The cells follow the list exports' rules (app/api/exports/csv_document.py)."""

from __future__ import annotations

from typing import Any

from fastapi.responses import StreamingResponse

from app.api.exports.csv_document import csv_lines
from app.api.exports.negotiation import CSV

STUDENT_COLUMNS = ("student_id", "given_name", "family_name")


def grid_header(competencies: list[dict[str, Any]]) -> list[str]:
    header = list(STUDENT_COLUMNS)
    for competency in competencies:
        code = competency["code"]
        header += [f"{code} status", f"{code} score", f"{code} band"]
    return header


def grid_rows(students: list[dict[str, Any]]) -> list[list[Any]]:
    rows = []
    for student in students:
        row = [student[c] for c in STUDENT_COLUMNS]
        for decision in student["decisions"]:
            band = decision["band"]
            row += [decision["status"], decision["score"], band["label"] if band else None]
        rows.append(row)
    return rows


def grid_csv(grid: dict[str, Any]) -> StreamingResponse:
    """`grid` in the shape of ClassGridRead."""
    header = grid_header(grid["competencies"])

    async def lines() -> Any:
        yield csv_lines([header])
        students = grid["students"]
        for start in range(0, len(students), 100):
            yield csv_lines(grid_rows(students[start : start + 100]))

    name = f"class-{grid['class_id']}-{grid['framework_id']}-mastery.csv".replace('"', "")
    return StreamingResponse(
        lines(),
        media_type=f"{CSV}; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )

"""A term's report cards as CSV: one row per student (student_id, given_name, family_name, the
course grade and its reason), then for each standard by code, in the framework's order, its
status and its level as the term shows them. The cells follow the list exports' rules
(app/api/exports/csv_document.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi.responses import StreamingResponse

from app.api.exports.csv_document import csv_lines
from app.api.exports.negotiation import CSV

STUDENT_COLUMNS = ("student_id", "given_name", "family_name")


def report_card_rows(codes: Sequence[str], cards: Sequence[dict[str, Any]]) -> list[list[Any]]:
    """The header and a row per card (`cards` in the shape of ReportCardRead)."""
    header = [*STUDENT_COLUMNS, "grade", "reason"]
    for code in codes:
        header += [f"{code} status", f"{code} level"]
    rows: list[list[Any]] = [header]
    for card in cards:
        grade = card["grade"]
        row = [card[c] for c in STUDENT_COLUMNS]
        row += [grade["grade"], grade["reason"]] if grade is not None else [None, None]
        for standing in card["standards"]:
            row += [standing["status"], standing["level"]]
        rows.append(row)
    return rows


def report_cards_csv(codes: Sequence[str], cards: dict[str, Any]) -> StreamingResponse:
    """`cards` in the shape of ReportCardsRead."""
    rows = report_card_rows(codes, cards["cards"])

    async def lines() -> Any:
        for start in range(0, len(rows), 100):
            yield csv_lines(rows[start : start + 100])

    name = f"report-cards-{cards['session_id']}-{cards['framework_id']}.csv".replace('"', "")
    return StreamingResponse(
        lines(),
        media_type=f"{CSV}; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )

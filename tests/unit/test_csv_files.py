"""The CSV reader: line endings, quoting, 1.0 names, short rows, D/M/YYYY dates, lookalikes."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from app.adapters.oneroster.csv_files import CsvRosterFiles, canonical_columns
from app.domain.errors import Invalid
from app.domain.oneroster.files import USERS


async def _rows(folder: Path) -> list[tuple[int, dict[str, object]]]:
    source = CsvRosterFiles(folder / "uploads").open(folder)
    found = []
    async for chunk in source.rows(USERS):
        found += [(line, dict(values)) for line, values in chunk]
    await source.close()
    return found


def test_one_point_zero_names_and_misspellings_become_the_standards() -> None:
    assert canonical_columns("courses", ["sourcedId", "schoolYearId", "grade"]) == [
        "sourcedId",
        "schoolYearSourcedId",
        "grades",
    ]
    assert canonical_columns("demographics", ["userSourcedId", "birthdate"]) == [
        "sourcedId",
        "birthDate",
    ]
    assert canonical_columns("roles", ["dataLastModified", "", ""]) == ["dateLastModified", "", ""]


async def test_crlf_a_byte_order_mark_quotes_and_no_final_newline(tmp_path: Path) -> None:
    (tmp_path / "users.csv").write_bytes(
        b'\xef\xbb\xbfsourcedId,status,grades\r\n"u1",active,"09, 10"\r\n\r\nu2,,11'
    )
    assert await _rows(tmp_path) == [
        (2, {"sourcedId": "u1", "status": "active", "grades": "09, 10"}),
        (4, {"sourcedId": "u2", "status": "", "grades": "11"}),
    ]


async def test_slash_dates_are_read_in_the_order_the_file_shows(tmp_path: Path) -> None:
    (tmp_path / "users.csv").write_text(
        "sourcedId,dateLastModified,,\nu1,1/05/2023\nu2,15/06/2023\n"
    )
    rows = await _rows(tmp_path)
    assert [r["dateLastModified"] for _, r in rows] == ["2023-05-01", "2023-06-15"]
    assert "" not in rows[0][1]  # empty header names are no columns


async def test_slash_dates_that_never_say_their_order_are_left_for_the_rules(
    tmp_path: Path,
) -> None:
    (tmp_path / "users.csv").write_text("sourcedId,dateLastModified\nu1,1/05/2023\n")
    assert [r["dateLastModified"] for _, r in await _rows(tmp_path)] == ["1/05/2023"]


def test_something_that_is_neither_a_folder_nor_a_zip_is_refused(tmp_path: Path) -> None:
    (tmp_path / "set.zip").write_text("not a zip")
    with pytest.raises(Invalid):
        CsvRosterFiles(tmp_path / "uploads").open(tmp_path / "set.zip")
    with pytest.raises(Invalid):
        CsvRosterFiles(tmp_path / "uploads").open(tmp_path / "missing")


def test_an_upload_is_kept_in_the_state_folder_for_the_service_alone(tmp_path: Path) -> None:
    files = CsvRosterFiles(tmp_path / "state" / "uploads")
    kept = files.keep_upload(io.BytesIO(b"PK zip bytes"))
    assert kept.parent == tmp_path / "state" / "uploads"
    assert kept.read_bytes() == b"PK zip bytes"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    files.discard_upload(kept)
    assert list(kept.parent.iterdir()) == []
    files.discard_upload(kept)  # gone already is fine

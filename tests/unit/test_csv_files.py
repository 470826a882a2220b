"""The CSV reader: line endings, quoting, 1.0 names, short rows, D/M/YYYY dates, lookalikes."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest

from app.adapters.oneroster.charsets import detect
from app.adapters.oneroster.csv_files import CsvRosterFiles, canonical_columns
from app.adapters.oneroster.zip_limits import ZipLimits
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


@pytest.mark.parametrize(
    ("data", "codec", "note"),
    [
        (b"sourcedId,givenName\nu1,Zoe\n", "utf-8-sig", None),
        ("sourcedId,givenName\nu1,Zoë\n".encode(), "utf-8-sig", None),
        (
            b"\xef\xbb\xbf" + "sourcedId\nu1,Muñoz\n".encode(),
            "utf-8-sig",
            "read as UTF-8 (with a byte-order mark)",
        ),
        ("u1,Zoë,Muñoz,“quoted”\n".encode("cp1252"), "cp1252", "not UTF-8: read as Windows-1252"),
        # 0x81 is undefined in Windows-1252: only Latin-1 reads every byte.
        (b"u1,Zo\xeb\x81\n", "latin-1", "neither UTF-8 nor Windows-1252: read as Latin-1"),
        # A UTF-8 sequence cut off by the end of the file is not UTF-8.
        (b"u1,Zo\xc3", "cp1252", "not UTF-8: read as Windows-1252"),
    ],
)
def test_a_files_character_set_is_decided_on_all_its_bytes(
    data: bytes, codec: str, note: str | None
) -> None:
    found = detect(io.BytesIO(data))
    assert (found.codec, found.note) == (codec, note)


def test_a_late_windows_1252_byte_is_found_past_the_first_chunk() -> None:
    data = b"u1,Zoe\n" * 200_000 + "u2,Muñoz\n".encode("cp1252")
    assert len(data) > 1 << 20
    assert detect(io.BytesIO(data)).codec == "cp1252"


async def test_a_windows_1252_file_reads_its_names(tmp_path: Path) -> None:
    (tmp_path / "users.csv").write_bytes(
        "sourcedId,givenName,familyName\r\nu1,Zoë,Muñoz\r\n".encode("cp1252")
    )
    assert await _rows(tmp_path) == [
        (2, {"sourcedId": "u1", "givenName": "Zoë", "familyName": "Muñoz"})
    ]


def test_a_zip_over_its_unzipped_size_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "set.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("users.csv", b"u,1\n" * 1000)  # 4,000 bytes, ratio well under 200
        archive.writestr("orgs.csv", b"o,1\n" * 1000)
    with pytest.raises(Invalid) as refused:
        CsvRosterFiles(tmp_path / "uploads", ZipLimits(max_unzipped_bytes=7_999)).open(path)
    assert [(p.loc, p.msg) for p in refused.value.problems] == [
        ((), "unzips to 8000 bytes; at most 7999")
    ]
    CsvRosterFiles(tmp_path / "uploads", ZipLimits(max_unzipped_bytes=8_000)).open(path)

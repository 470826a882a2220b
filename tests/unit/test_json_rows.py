"""A real OneRoster 1.2 REST payload (the Japan profile's mock responses, MIT, read in place from
../shared/data) mapped to rows and read by the same rules as CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.adapters.oneroster.json_rows import row
from app.domain.oneroster.files import FileMode
from app.domain.oneroster.rows import read_row
from app.domain.roster import Enrollment, EnrollmentRole, RosterKind, SchoolClass
from tests.integration.test_oneroster_real_sets import DATA

JP = DATA / "json" / "v1p2-rostering-jp-da2022"
pytestmark = pytest.mark.skipif(not JP.is_dir(), reason=f"the shared sample data is not at {JP}")


def _first(collection: str) -> dict[str, object]:
    return dict(json.loads(Path(JP / f"{collection}.json").read_text())[collection][0])


def test_a_class_with_no_terms_and_japanese_grades_reads_as_csv_would() -> None:
    read = read_row(RosterKind.CLASS, row("classes", _first("classes")), 1, FileMode.BULK)
    assert read.problems == []
    assert isinstance(read.record, SchoolClass)
    assert (read.record.title, read.record.grades, read.record.session_ids) == (
        "1年1組",
        ("P1",),
        (),
    )
    assert read.record.school_id == "500bc782-3ff9-4fd8-9dc7-ba6abfb38d80"


def test_an_enrollment_takes_its_references_from_guid_refs() -> None:
    read = read_row(
        RosterKind.ENROLLMENT, row("enrollments", _first("enrollments")), 1, FileMode.BULK
    )
    assert isinstance(read.record, Enrollment)
    assert (read.record.user_id, read.record.role, read.record.primary) == (
        "fde2a968-1ac9-4c72-96bc-28bb20e3afb8",
        EnrollmentRole.STUDENT,
        False,
    )


def test_a_1_2_user_with_an_empty_roles_list_has_a_real_problem() -> None:
    values = row("users", _first("users"))
    assert (values["enabledUser"], values["primaryOrgSourcedId"], values["roles"]) == (
        "true",
        "500bc782-3ff9-4fd8-9dc7-ba6abfb38d80",
        (),
    )
    read = read_row(RosterKind.USER, values, 1, FileMode.BULK)
    assert [(p.loc, p.msg) for p in read.problems] == [
        (("role",), "the user has no role that can be imported (from roles.csv or its roles)")
    ]

"""Small OneRoster sets as rows, for `FakeRosterSource`: a district with one school, a class of
two students and their teacher; and the rows to write variations on it."""

from __future__ import annotations

from collections.abc import Mapping

Row = dict[str, object]

MODIFIED = "2025-08-01T00:00:00Z"


def row(sourced_id: str, **values: object) -> Row:
    """A row with the columns every file has: sourcedId, status (`status`, active unless
    given) and dateLastModified (`modified`, MODIFIED unless given)."""
    status = values.pop("status", "active")
    modified = values.pop("modified", MODIFIED)
    return {"sourcedId": sourced_id, "status": status, "dateLastModified": modified, **values}


def org(id_: str, name: str, type_: str, parent: str = "", **more: object) -> Row:
    return row(id_, name=name, type=type_, parentSourcedId=parent, **more)


def user(
    id_: str, given: str, family: str, role: str = "student", orgs: str = "s1", **more: object
) -> Row:
    values: dict[str, object] = {
        "enabledUser": "true",
        "orgSourcedIds": orgs,
        "role": role,
        "givenName": given,
        "familyName": family,
        "grades": "05" if role == "student" else "",
    }
    return row(id_, **{**values, **more})


def enrollment(id_: str, class_id: str, user_id: str, role: str = "student", **more: object) -> Row:
    return row(id_, classSourcedId=class_id, userSourcedId=user_id, role=role, **more)


def class_(id_: str, title: str, course: str = "c1", school: str = "s1", **more: object) -> Row:
    values: dict[str, object] = {
        "title": title,
        "courseSourcedId": course,
        "schoolSourcedId": school,
        "termSourcedIds": "y1",
        **more,
    }
    return row(id_, **values)


def district() -> dict[str, list[Row]]:
    """A 1.1 set: the district d1 and its school s1, the year y1, course c1 and class k1 with
    teacher u1 and students u2 and u3 (u2 with demographics)."""
    return {
        "orgs": [org("d1", "Lakeside District", "district"), org("s1", "Lakeside", "school", "d1")],
        "academicSessions": [
            row(
                "y1",
                title="2025-2026",
                type="schoolYear",
                startDate="2025-08-18",
                endDate="2026-06-12",
                schoolYear="2026",
            )
        ],
        "courses": [row("c1", title="Math 5", orgSourcedId="s1", grades="05")],
        "classes": [class_("k1", "Math 5 - A")],
        "users": [
            user("u1", "Tina", "Teach", role="teacher"),
            user("u2", "Sam", "Study"),
            user("u3", "Sue", "Smart"),
        ],
        "enrollments": [
            enrollment("e1", "k1", "u1", role="teacher"),
            enrollment("e2", "k1", "u2"),
            enrollment("e3", "k1", "u3"),
        ],
        "demographics": [row("u2", sex="female", hispanicOrLatinoEthnicity="true")],
    }


def changed(base: Mapping[str, list[Row]], **files: list[Row]) -> dict[str, list[Row]]:
    """`base` with some files replaced."""
    return {**{k: list(v) for k, v in base.items()}, **files}

"""A OneRoster REST provider's JSON records as the rows a CSV file would hold: the same column
names, references flattened to their sourcedIds, lists kept as lists, so that one set of rules
reads both."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.oneroster.values import RowValues

# Per collection: column -> the JSON field holding it, or (field, "sourcedId") for a reference,
# or (field, "[]") for a list of references.
_REF, _REFS = "sourcedId", "[]"
FIELDS: dict[str, dict[str, Any]] = {
    "orgs": {"name": "name", "type": "type", "identifier": "identifier",
             "parentSourcedId": ("parent", _REF)},
    "academicSessions": {"title": "title", "type": "type", "startDate": "startDate",
                         "endDate": "endDate", "schoolYear": "schoolYear",
                         "parentSourcedId": ("parent", _REF)},
    "courses": {"title": "title", "courseCode": "courseCode", "grades": "grades",
                "subjects": "subjects", "orgSourcedId": ("org", _REF),
                "schoolYearSourcedId": ("schoolYear", _REF)},
    "classes": {"title": "title", "classCode": "classCode", "classType": "classType",
                "location": "location", "grades": "grades", "subjects": "subjects",
                "courseSourcedId": ("course", _REF), "schoolSourcedId": ("school", _REF),
                "termSourcedIds": ("terms", _REFS)},
    "users": {"enabledUser": "enabledUser", "username": "username", "givenName": "givenName",
              "familyName": "familyName", "middleName": "middleName",
              "identifier": "identifier", "email": "email", "grades": "grades",
              "primaryOrgSourcedId": ("primaryOrg", _REF)},
    "enrollments": {"role": "role", "primary": "primary", "beginDate": "beginDate",
                    "endDate": "endDate", "classSourcedId": ("class", _REF),
                    "userSourcedId": ("user", _REF)},
    "demographics": {"birthDate": "birthDate", "sex": "sex",
                     "americanIndianOrAlaskaNative": "americanIndianOrAlaskaNative",
                     "asian": "asian", "blackOrAfricanAmerican": "blackOrAfricanAmerican",
                     "nativeHawaiianOrOtherPacificIslander":
                         "nativeHawaiianOrOtherPacificIslander",
                     "white": "white",
                     "demographicRaceTwoOrMoreRaces": "demographicRaceTwoOrMoreRaces",
                     "hispanicOrLatinoEthnicity": "hispanicOrLatinoEthnicity"},
}  # fmt: skip


def _text(value: Any) -> str:
    """A JSON scalar as CSV text: booleans as true/false (some providers send "true")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _ref(value: Any) -> str:
    return _text(value.get("sourcedId")) if isinstance(value, Mapping) else ""


def _list(value: Any) -> tuple[str, ...]:
    return tuple(_text(v) for v in value) if isinstance(value, list) else ()


def row(collection: str, record: Mapping[str, Any]) -> RowValues:
    """One JSON record of `collection` as a row."""
    values: dict[str, object] = {
        "sourcedId": _text(record.get("sourcedId")),
        "status": _text(record.get("status")),
        "dateLastModified": _text(record.get("dateLastModified")),
    }
    for column, source in FIELDS[collection].items():
        if isinstance(source, tuple):
            field, shape = source
            found = record.get(field)
            if shape == _REFS:
                values[column] = tuple(_ref(r) for r in found) if isinstance(found, list) else ()
            else:
                values[column] = _ref(found)
        elif isinstance(record.get(source), list):
            values[column] = _list(record[source])
        else:
            values[column] = _text(record.get(source))
    if collection == "users":
        values.update(_user_roles(record))
    return values


def _user_roles(record: Mapping[str, Any]) -> dict[str, object]:
    """1.1 users name a role and orgs; 1.2 users list roles, each at an org."""
    if "roles" in record and isinstance(record["roles"], list):
        return {
            "roles": tuple(
                {
                    "roleType": _text(r.get("roleType")),
                    "role": _text(r.get("role")),
                    "orgSourcedId": _ref(r.get("org")),
                    "beginDate": _text(r.get("beginDate")),
                    "endDate": _text(r.get("endDate")),
                }
                for r in record["roles"]
                if isinstance(r, Mapping)
            )
        }
    orgs = record.get("orgs")
    return {
        "role": _text(record.get("role")),
        "orgSourcedIds": tuple(_ref(o) for o in orgs) if isinstance(orgs, list) else (),
    }

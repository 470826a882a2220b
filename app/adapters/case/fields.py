"""Reading single CASE fields liberally: each value a real export gets wrong in a known way is
normalised and reported as a leniency; a value that cannot be read is a problem."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from app.domain.case.identifiers import is_case_uuid
from app.domain.case.package import Leniency
from app.domain.errors import Location, Problem

_TAIL_UUID = re.compile(
    r"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/?$"
)


class Reader:
    """Collects the problems and leniencies of one package while its fields are read."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.leniencies: list[Leniency] = []
        # Exports repeat the same few timestamps thousands of times: normalise each once.
        self._stamps: dict[str, tuple[str, bool]] = {}

    def problem(self, loc: Location, msg: str) -> None:
        self.problems.append(Problem(loc, msg))

    def lenient(self, kind: str, loc: Location, msg: str) -> None:
        self.leniencies.append(Leniency(kind, loc, msg))

    def text(
        self, data: Mapping[str, Any], key: str, loc: Location, *, required: bool = False
    ) -> str | None:
        """A string field; a number is read as its text (reported), null as absent."""
        value = data.get(key)
        if type(value) is str:  # the usual case first: a package has hundreds of thousands
            return value
        if value is None:
            if required:
                self.problem((*loc, key), "is required")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem((*loc, key), "must be a string")
            return None
        if not isinstance(value, str):
            self.lenient("number_as_string", (*loc, key), f"{value!r} read as {str(value)!r}")
            return str(value)
        return value

    def identifier(
        self, data: Mapping[str, Any], key: str, loc: Location, *, required: bool = True
    ) -> str | None:
        """An identifier, which CASE 1.0 wants as a lower-case UUID (others are kept)."""
        value = self.text(data, key, loc, required=required)
        if value is not None and not is_case_uuid(value):
            self.lenient("identifier_format", (*loc, key), f"{value!r}")
        return value

    def text_list(self, data: Mapping[str, Any], key: str, loc: Location) -> list[str] | None:
        """A list of strings; one string is read as a list of its comma-separated parts."""
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            level = key in ("educationLevel", "educationalLevel")
            kind = "education_level_string" if level else "list_as_string"
            self.lenient(kind, (*loc, key), f"{value!r} read as {parts!r}")
            return parts
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem((*loc, key), "must be a list of strings")
            return None
        return list(value)

    def timestamp(
        self, data: Mapping[str, Any], key: str, loc: Location, *, required: bool = True
    ) -> str | None:
        """A date-time, normalised to UTC ("2017-05-25T18:05:33+00:00"); one without a zone is
        read as UTC. A missing one is reported: this service then supplies its own."""
        value = data.get(key)
        if value is None:
            if required:
                self.lenient("missing_field", (*loc, key), "is missing")
            return None
        if not isinstance(value, str):
            self.problem((*loc, key), "must be a date-time string")
            return None
        known = self._stamps.get(value)
        if known is None:
            try:
                moment = datetime.fromisoformat(value.strip())
            except ValueError:
                self.problem((*loc, key), f"{value!r} is not an ISO 8601 date-time")
                return None
            naive = moment.tzinfo is None
            known = format_timestamp(moment.replace(tzinfo=UTC) if naive else moment), naive
            self._stamps[value] = known
        if known[1]:
            self.lenient("naive_timestamp", (*loc, key), f"{value!r} read as UTC")
        return known[0]

    def link(
        self,
        data: Mapping[str, Any],
        key: str,
        loc: Location,
        *,
        title: str | None = None,
        identifier: str | None = None,
    ) -> dict[str, str] | None:
        """A LinkURI {title, identifier, uri}. A plain string is read as its uri; its identifier
        is `identifier`, or the UUID the URI ends with, and its title `title`."""
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            tail = _TAIL_UUID.search(value)
            found = identifier or (tail.group(1) if tail else None)
            if found is None:
                self.problem((*loc, key), "must be an object with title, identifier and uri")
                return None
            self.lenient("uri_as_string", (*loc, key), f"{value!r}")
            return {"title": title or "", "identifier": found, "uri": value}
        if not isinstance(value, Mapping):
            self.problem((*loc, key), "must be an object with title, identifier and uri")
            return None
        out: dict[str, str] = {}
        for part in ("title", "identifier", "uri"):
            text = self.text(value, part, (*loc, key), required=part == "identifier")
            if text is not None:
                out[part] = text
        return out if "identifier" in out else None

    def sequence_number(self, data: Mapping[str, Any], loc: Location) -> int | None:
        """A whole number; digits in a string are read as the number."""
        value = data.get("sequenceNumber")
        if value is None:
            return None
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            self.lenient("sequence_number_string", (*loc, "sequenceNumber"), f"{value!r}")
            return int(value.strip())
        if isinstance(value, float) and value.is_integer():
            self.lenient("sequence_number_string", (*loc, "sequenceNumber"), f"{value!r}")
            return int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem((*loc, "sequenceNumber"), "must be a whole number")
            return None
        return value

    def unknown(self, data: Mapping[str, Any], known: frozenset[str], loc: Location) -> None:
        for key in data:
            if key not in known:
                self.lenient("unknown_field", (*loc, key), "ignored")


def format_timestamp(moment: datetime) -> str:
    """CASE's date-time as OpenSALT writes it: UTC, to the second unless finer is given."""
    utc = moment.astimezone(UTC)
    return utc.isoformat(timespec="seconds" if not utc.microsecond else "microseconds")

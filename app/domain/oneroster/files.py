"""The files of a OneRoster set and its manifest: which files this service reads, in which
order, which columns each must have, and how the manifest says each file is to be applied."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.errors import Problem
from app.domain.roster import RosterKind


class FileMode(StrEnum):
    """How a file applies (manifest `file.<name>`): bulk is the whole truth for its records,
    delta carries changes only, absent means the set says nothing about those records."""

    BULK = "bulk"
    DELTA = "delta"
    ABSENT = "absent"


VERSIONS = ("1.0", "1.1", "1.2")
COMMON = ("sourcedId", "status", "dateLastModified")


@dataclass(frozen=True)
class RosterFile:
    """One file this service reads; `stem` is its name in the manifest and the REST API."""

    stem: str
    kind: RosterKind | None  # None for roles.csv, whose rows belong to users
    required: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.stem}.csv"


ORGS = RosterFile("orgs", RosterKind.ORG, ("name", "type"))
ACADEMIC_SESSIONS = RosterFile(
    "academicSessions", RosterKind.ACADEMIC_SESSION, ("title", "type", "startDate", "endDate")
)
COURSES = RosterFile("courses", RosterKind.COURSE, ("title", "orgSourcedId"))
CLASSES = RosterFile("classes", RosterKind.CLASS, ("title", "courseSourcedId", "schoolSourcedId"))
ROLES = RosterFile("roles", None, ("userSourcedId", "roleType", "role", "orgSourcedId"))
USERS = RosterFile("users", RosterKind.USER, ("givenName", "familyName"))
ENROLLMENTS = RosterFile(
    "enrollments", RosterKind.ENROLLMENT, ("classSourcedId", "userSourcedId", "role")
)
DEMOGRAPHICS = RosterFile("demographics", RosterKind.DEMOGRAPHICS, ())

# In this order every reference points to a file read before (roles come before users because
# a 1.2 user's role is read from them; their own user references are checked after users).
FILES = (ORGS, ACADEMIC_SESSIONS, COURSES, CLASSES, ROLES, USERS, ENROLLMENTS, DEMOGRAPHICS)
BY_STEM = {f.stem.lower(): f for f in FILES}
FILE_OF_KIND = {f.kind: f for f in FILES if f.kind is not None}

# Files of the standard that a set may carry and this service does not use.
NOT_USED = (
    "userProfiles",
    "resources",
    "classResources",
    "courseResources",
    "userResources",
    "categories",
    "lineItems",
    "results",
    "scoreScales",
    "lineItemLearningObjectiveIds",
    "resultLearningObjectiveIds",
    "lineItemScoreScales",
    "resultScoreScales",
    "assessmentLineItems",
    "assessmentResults",
)


def missing_columns(file: RosterFile, columns: Iterable[str]) -> list[str]:
    """The columns `file` must have and lacks. Every OneRoster file has sourcedId, status and
    dateLastModified: a lookalike such as Microsoft SDS CSV, which borrows the file names,
    lacks them."""
    present = set(columns)
    return [c for c in (*COMMON, *file.required) if c not in present]


@dataclass
class Manifest:
    """What manifest.csv says: the OneRoster version and each file's mode."""

    version: str
    modes: dict[str, FileMode] = field(default_factory=dict)
    source: str | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def mode(self, file: RosterFile) -> FileMode:
        return self.modes.get(file.stem.lower(), FileMode.ABSENT)


MANIFEST = "manifest.csv"


def read_manifest(entries: Iterable[tuple[int, str, str]], present: set[str]) -> Manifest:
    """The manifest from its (line, propertyName, value) rows; `present` holds the lower-case
    stems of the files in the set. Problems name manifest.csv and the line."""
    manifest = Manifest(version="")
    seen_files: set[str] = set()
    for line, name, raw in entries:
        value = raw.strip()
        key = name.strip()
        if key == "oneroster.version":
            manifest.version = value
            if value not in VERSIONS:
                manifest.problems.append(
                    Problem(
                        (MANIFEST, line, "value"),
                        f"oneroster.version {value!r} is not one of {', '.join(VERSIONS)}",
                    )
                )
        elif key == "source.systemName":
            manifest.source = value or None
        elif key.startswith("file."):
            stem = key.removeprefix("file.").lower()
            seen_files.add(stem)
            _file_entry(manifest, line, stem, value, present)
    if not manifest.version:
        manifest.problems.append(Problem((MANIFEST,), "oneroster.version is missing"))
    for stem in sorted(present - seen_files):
        if stem in BY_STEM:
            manifest.notes.append(f"{BY_STEM[stem].name} is not in the manifest: not read")
    return manifest


def _file_entry(manifest: Manifest, line: int, stem: str, value: str, present: set[str]) -> None:
    file = BY_STEM.get(stem)
    mode = {m.value: m for m in FileMode}.get(value.lower())
    if file is None:
        return  # a file this service does not use: its mode does not matter
    if mode is None:
        manifest.problems.append(
            Problem(
                (MANIFEST, line, "value"),
                f"file.{file.stem} {value!r} is not one of bulk, delta, absent",
            )
        )
        return
    if mode != FileMode.ABSENT and stem not in present:
        manifest.problems.append(
            Problem(
                (MANIFEST, line, "value"),
                f"file.{file.stem} is {mode} but {file.name} is not in the set",
            )
        )
        return
    if mode == FileMode.ABSENT and stem in present:
        manifest.notes.append(f"{file.name} is marked absent in the manifest: not read")
    manifest.modes[stem] = mode


def manifest_without_file(present: set[str]) -> Manifest:
    """A set with no manifest.csv is read as OneRoster 1.0 wrote sets: every file is bulk."""
    manifest = Manifest(version="1.0")
    manifest.modes = {stem: FileMode.BULK for stem in present if stem in BY_STEM}
    manifest.notes.append("no manifest.csv: read as a OneRoster 1.0 set, every file bulk")
    return manifest


def nothing_to_read(manifest: Manifest) -> Problem | None:
    """A set that holds no file this service reads (an empty folder, another system's export,
    a manifest marking every file absent) is a mistake, not an import of nothing: it would
    report success and change nothing."""
    if any(manifest.mode(f) != FileMode.ABSENT for f in FILES):
        return None
    names = ", ".join(f.name for f in FILES)
    return Problem((), f"the set holds no OneRoster file this service reads ({names})")

"""What a roster import reports: counts per file, every problem with its file and line, and
whether anything was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.errors import Invalid, Location, Problem
from app.domain.oneroster.files import FileMode
from app.domain.oneroster.retirement import mass_retirement
from app.ports.roster_import import MergeCounts

# A job's row holds its problems; past this many the rest are counted, not listed.
MAX_LISTED_PROBLEMS = 10_000


@dataclass
class FileReport:
    """One file's rows: read, skipped for a problem, and what the rest did."""

    name: str
    mode: FileMode
    rows: int = 0
    skipped: int = 0
    stale: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    retired: int = 0

    @property
    def imported(self) -> int:
        """Rows taken in: every row read that had no problem (stale and unchanged ones too)."""
        return self.rows - self.skipped

    def add(self, counts: MergeCounts) -> None:
        self.created += counts.created
        self.updated += counts.updated
        self.unchanged += counts.unchanged
        self.deleted += counts.deleted
        self.retired += counts.retired

    def as_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode.value,
            "rows": self.rows,
            "imported": self.imported,
            "skipped": self.skipped,
            "stale": self.stale,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
            "retired": self.retired,
        }


@dataclass
class ImportReport:
    version: str
    skip_invalid: bool
    source: str | None = None
    files: dict[str, FileReport] = field(default_factory=dict)
    not_used: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    written: bool = False
    # A dry run: merged as an import would be, counted, and rolled back.
    dry_run: bool = False
    newest_change: datetime | None = None

    def problem(self, loc: Location, msg: str) -> None:
        """Record a problem (listed while fewer than MAX_LISTED_PROBLEMS are)."""
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(Problem(loc, msg))

    def saw(self, modified: datetime | None) -> None:
        if modified is not None and (self.newest_change is None or modified > self.newest_change):
            self.newest_change = modified

    def listed_problems(self) -> list[Problem]:
        """Every problem listed, by file (in reading order) and line, and a last one saying how
        many more there were."""
        order = {name: i for i, name in enumerate(self.files)}

        def place(p: Problem) -> tuple[int, int]:
            line = p.loc[1] if len(p.loc) > 1 and isinstance(p.loc[1], int) else 0
            return order.get(str(p.loc[0]) if p.loc else "", len(order)), line

        listed = sorted(self.problems, key=place)
        unlisted = self.problem_count - len(self.problems)
        if unlisted <= 0:
            return listed
        return [*listed, Problem((), f"and {unlisted} more problems, not listed")]

    def result(self) -> dict[str, Any]:
        """The report as a job shows it."""
        return {
            "oneroster_version": self.version,
            "source": self.source,
            "skip_invalid": self.skip_invalid,
            "written": self.written,
            "dry_run": self.dry_run,
            "files": {name: f.as_dict() for name, f in self.files.items()},
            "not_used": self.not_used,
            "notes": self.notes,
            "problems": self.problem_count,
        }

    def mass_retirements(self, max_share: float) -> list[Problem]:
        """The bulk files that would retire more than `max_share` of the records of their kind
        that the district holds (those each file kept, changed or retired)."""
        return [
            refused
            for f in self.files.values()
            if f.mode == FileMode.BULK
            and (
                refused := mass_retirement(
                    f.name, f.retired, f.updated + f.unchanged + f.retired, max_share
                )
            )
        ]

    def errors(self) -> list[dict[str, Any]]:
        return [{"loc": list(p.loc), "msg": p.msg} for p in self.listed_problems()]


class ImportRejected(Invalid):
    """The set has problems and nothing was written; `report` says what was read."""

    def __init__(self, detail: str, problems: list[Problem], *, report: ImportReport) -> None:
        super().__init__(detail, problems)
        self.report = report

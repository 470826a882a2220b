"""Uploads swept at start-up (app.adapters.jobs.uploads): a file older than a day that no
unfinished job names is deleted (its job's row was never written); a file a job still names,
or a recent one (its job about to be written), is kept."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from app.adapters.jobs.uploads import DAY_SECONDS, sweep_uploads
from app.domain.access import Scope, TenantId
from app.domain.jobs import Job, JobStatus

NOW = 1_800_000_000.0


def _file(folder: Path, name: str, age_seconds: float) -> Path:
    path = folder / name
    path.write_bytes(b"students' names")
    os.utime(path, (NOW - age_seconds, NOW - age_seconds))
    return path


def _import_of(path: Path) -> Job:
    return Job(
        id="j-1",
        tenant_id=TenantId(1),
        kind="roster_import",
        scope=Scope.ROSTER_WRITE,
        status=JobStatus.QUEUED,
        created_at=datetime(2026, 12, 1, tzinfo=UTC),
        arguments={"path": str(path), "skip_invalid": False, "upload": True},
    )


def test_only_old_files_no_unfinished_job_names_are_deleted(tmp_path: Path) -> None:
    orphan = _file(tmp_path, "orphan.zip", DAY_SECONDS + 60)
    named = _file(tmp_path, "named.zip", 3 * DAY_SECONDS)
    recent = _file(tmp_path, "recent.zip", DAY_SECONDS - 60)
    swept = sweep_uploads(tmp_path, [_import_of(named)], now=NOW)
    assert swept == [orphan]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["named.zip", "recent.zip"]
    assert recent.exists()


def test_a_missing_folder_is_nothing_to_sweep(tmp_path: Path) -> None:
    assert sweep_uploads(tmp_path / "uploads", [], now=NOW) == []

"""The uploads folder swept at start-up (server and worker) of what no job will delete.

An import's `ended` hook deletes its upload whatever the end; but a process killed after
saving an upload and before writing its job's row leaves a file no job names. Such a file (it
holds students' names) is deleted once it is older than a day and no unfinished job names it:
a day is far longer than an upload takes to become a job, so no upload about to be named is
swept."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from pathlib import Path

from app.domain.jobs import Job

log = logging.getLogger("mastery.jobs")
DAY_SECONDS = 24 * 3600


def sweep_uploads(
    folder: Path,
    unfinished: Iterable[Job],
    *,
    older_than_seconds: float = DAY_SECONDS,
    now: float | None = None,
) -> list[Path]:
    """Delete the files of `folder` older than `older_than_seconds` that no unfinished job
    names among its arguments; the files deleted."""
    if not folder.is_dir():
        return []
    named = {
        Path(value).resolve()
        for job in unfinished
        for value in job.arguments.values()
        if isinstance(value, str)
    }
    cutoff = (time.time() if now is None else now) - older_than_seconds
    swept = []
    for path in folder.iterdir():
        if not path.is_file() or path.resolve() in named or path.stat().st_mtime >= cutoff:
            continue
        path.unlink(missing_ok=True)
        swept.append(path)
    if swept:
        log.info("stale uploads deleted", extra={"files": len(swept)})
    return swept

"""Writing records as a OneRoster 1.2 CSV set: one file per kind, a manifest, LF endings and
fields quoted only where they must be, so that a regenerated set equals the committed one."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from app.domain.oneroster.files import MANIFEST, RosterFile
from app.domain.oneroster.writing import header, manifest, rows
from app.domain.roster import RosterRecord


def write_set(records: Iterable[RosterRecord], folder: Path) -> list[Path]:
    """Write the set into `folder` (created if missing); the files written."""
    by_file: dict[RosterFile, list[list[str]]] = {}
    for record in records:
        for file, row in rows(record):
            by_file.setdefault(file, []).append(row)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file, file_rows in sorted(by_file.items(), key=lambda item: item[0].stem):
        written.append(_write(folder / file.name, [header(file), *file_rows]))
    written.append(_write(folder / MANIFEST, manifest(set(by_file))))
    return written


def _write(path: Path, table: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\n").writerows(table)
    return path

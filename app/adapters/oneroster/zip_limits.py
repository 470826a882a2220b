"""What an uploaded zip may hold, checked on its directory before any file is read: how many
files, how many bytes once unzipped, and how many times its compressed size a file may grow.
zipfile stops reading a file at the size its directory declares, so the declared sizes bound
what reading can produce."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from app.domain.errors import Invalid, Problem


@dataclass(frozen=True)
class ZipLimits:
    max_unzipped_bytes: int = 4 * 1024 * 1024 * 1024
    max_entries: int = 100
    max_ratio: int = 200

    def check(self, archive: zipfile.ZipFile) -> None:
        """Raise `Invalid` listing every limit the archive's directory passes (located in the
        upload, or in its file)."""
        files = [info for info in archive.infolist() if not info.is_dir()]
        problems = []
        if len(files) > self.max_entries:
            problems.append(Problem((), f"holds {len(files)} files; at most {self.max_entries}"))
        total = sum(info.file_size for info in files)
        if total > self.max_unzipped_bytes:
            problems.append(
                Problem(
                    (),
                    f"unzips to {total} bytes; at most {self.max_unzipped_bytes}",
                )
            )
        for info in files:
            # A stored file has its own size compressed; a tiny file is never a bomb.
            if info.file_size > 1024 and info.file_size > self.max_ratio * max(
                info.compress_size, 1
            ):
                problems.append(
                    Problem(
                        (info.filename,),
                        f"is compressed {info.file_size // max(info.compress_size, 1)} to 1; "
                        f"at most {self.max_ratio} to 1",
                    )
                )
        if problems:
            raise Invalid("The zip file is over the upload limits", problems)

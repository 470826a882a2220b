"""The error of a body sent in a media type its operation does not read (415): a domain error
in form, so that every door answers it in its own format (app/api/error_status.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.errors import DomainError


@dataclass
class UnsupportedMediaType(DomainError):
    """A body in a media type the operation does not read; `accepted` lists those it reads."""

    kind: str = "unsupported_media_type"
    accepted: tuple[str, ...] = field(default=())
    patch: bool = False

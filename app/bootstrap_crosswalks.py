"""The crosswalks' part of the composition root (app/bootstrap.py has no room left)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.use_cases.crosswalks import Crosswalks

if TYPE_CHECKING:
    from app.bootstrap import Adapters


def crosswalks(a: Adapters) -> Crosswalks:
    return Crosswalks(uow=a.uow, clock=a.clock, ids=a.ids)

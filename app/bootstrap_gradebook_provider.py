"""The gradebook provider's part of the composition root (app/bootstrap.py has no room left):
the service's grades served as a OneRoster gradebook, read from the live decisions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.use_cases.gradebook_provider import GradebookProvider
from app.use_cases.mastery import MasteryReads

if TYPE_CHECKING:
    from app.bootstrap import Adapters


def gradebook_provider(a: Adapters, mastery: MasteryReads) -> GradebookProvider:
    return GradebookProvider(uow=a.uow, mastery=mastery)

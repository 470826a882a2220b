"""Grading terms' part of the composition root (app/bootstrap.py has no room left): the use
case that closes and reopens terms and reads their snapshots, wired from the adapters and the
mastery reads (docs/decisions/0050-grading-terms-and-snapshots.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.use_cases.grading_terms import GradingTerms
from app.use_cases.mastery import MasteryReads
from app.use_cases.overrides import Overrides

if TYPE_CHECKING:
    from app.bootstrap import Adapters


def grading_terms(a: Adapters, mastery: MasteryReads, overrides: Overrides) -> GradingTerms:
    return GradingTerms(uow=a.uow, clock=a.clock, jobs=a.jobs, mastery=mastery, overrides=overrides)

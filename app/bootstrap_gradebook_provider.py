"""The gradebook's newer parts of the composition root (app/bootstrap.py has no room left):
the service's grades served as a OneRoster gradebook (a closed term's from its snapshot), and the
consumer's assessment line items and results (the gradebook use case over their records)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.use_cases.gradebook import Gradebook
from app.use_cases.gradebook_deriving import ASSESSMENTS
from app.use_cases.gradebook_provider import GradebookProvider
from app.use_cases.grading_terms import GradingTerms
from app.use_cases.mastery import MasteryReads

if TYPE_CHECKING:
    from app.bootstrap import Adapters


def gradebook_provider(
    a: Adapters, mastery: MasteryReads, terms: GradingTerms
) -> GradebookProvider:
    return GradebookProvider(uow=a.uow, mastery=mastery, terms=terms)


def assessment_gradebook(a: Adapters) -> Gradebook:
    return Gradebook(uow=a.uow, clock=a.clock, ids=a.ids, book=ASSESSMENTS)

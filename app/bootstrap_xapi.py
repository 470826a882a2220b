"""The learning records store's part of the composition root (app/bootstrap.py has no room):
xAPI statements and Caliper events, kept in the tenant's unit of work beside the evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from app.domain.access import TenantId
from app.ports.xapi import RecordsUnitOfWork, RecordsUnitOfWorkFactory
from app.use_cases.caliper import CaliperEvents
from app.use_cases.xapi import LearningRecordStore

if TYPE_CHECKING:
    from app.bootstrap import Adapters


def records_units(a: Adapters) -> RecordsUnitOfWorkFactory:
    """The tenant's units of work, which hold the learning records (SqlUnitOfWork does)."""

    def open_unit(
        tenant: TenantId, /, *, writes: bool = True, few_rows: bool = False
    ) -> RecordsUnitOfWork:
        # SqlUnitOfWork sets `learning_records` when entered, beside the evidence.
        return cast(RecordsUnitOfWork, a.uow(tenant, writes=writes, few_rows=few_rows))

    return open_unit


def learning_records(a: Adapters, max_batch: int) -> LearningRecordStore:
    return LearningRecordStore(uow=records_units(a), clock=a.clock, ids=a.ids, max_batch=max_batch)


def caliper_events(a: Adapters, max_batch: int) -> CaliperEvents:
    return CaliperEvents(uow=records_units(a), clock=a.clock, ids=a.ids, max_batch=max_batch)

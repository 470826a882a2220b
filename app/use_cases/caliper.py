"""Caliper 1.2 (and 1.1) envelopes: every event stored once by its id, a GradeEvent's score
recorded as evidence through the same path as xAPI statements; all or nothing per envelope."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.access import Principal
from app.domain.caliper import event_clues, events_of
from app.domain.errors import Conflict, Problem, ProblemList
from app.domain.xapi import parse_instant
from app.ports.xapi import CALIPER, LearningRecord
from app.use_cases.xapi import LearningRecordStore, record_batch


@dataclass(frozen=True)
class Received:
    """How many events of an envelope were new, and how many had been received before."""

    stored: int
    skipped: int


def _same(a: dict[str, object], b: dict[str, object]) -> bool:
    """Two events are the same when they say the same, eventTime compared as an instant."""
    times = (parse_instant(a.get("eventTime")), parse_instant(b.get("eventTime")))
    rest = ({k: v for k, v in e.items() if k != "eventTime"} for e in (a, b))
    return times[0] == times[1] and next(rest) == next(rest)


@dataclass(frozen=True, kw_only=True)
class CaliperEvents(LearningRecordStore):
    """Caliper events, kept beside the xAPI statements in the learning records store."""

    async def receive(self, principal: Principal, envelope: object) -> Received:
        """Store an envelope's events (same id, same event: skipped; same id, different event:
        Conflict) and record the evidence of its GradeEvents."""
        now = self.clock.now()
        problems = ProblemList()
        events = events_of(envelope, problems)
        if len(events) > self.max_batch:
            problems.add(("data",), f"an envelope holds at most {self.max_batch} events")
        ids = [e["id"] for e in events]
        for index, eid in enumerate(ids):
            if ids.index(eid) != index:
                problems.add(("data", index, "id"), f"repeats the id of event {ids.index(eid)}")
        problems.raise_if_any("The envelope is not valid; nothing was stored")
        async with self.uow(principal.tenant_id) as uow:
            stored = await uow.learning_records.get_many(CALIPER, ids)
            clashes = [
                Problem(("data", i, "id"), f"event {e['id']} is stored with other content")
                for i, e in enumerate(events)
                if e["id"] in stored and not _same(stored[e["id"]].body, e)
            ]
            if clashes:
                raise Conflict("An event id is taken by another event", clashes)
            fresh = [
                (LearningRecord(CALIPER, e["id"], now, e, principal.client_id), event_clues(e))
                for e in events
                if e["id"] not in stored
            ]
            await record_batch(uow, self.ids, principal, fresh, now)
            await uow.commit()
        return Received(len(fresh), len(events) - len(fresh))

"""Keeping stored habits-of-work decisions up to date beside the academic ones: after results
arrive or are voided (`refresh_habits`, from app.use_cases.deciding) and after a change of
policy (`recompute_habits`). The rules are the domain's (app.domain.mastery.habits); a
framework without a counted habits-of-work category costs no statement at all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from app.domain.evidence import Evidence
from app.domain.frameworks import Framework
from app.domain.mastery.habits import decides_habits, habits_of, student_habits
from app.domain.mastery.refresh import Touch
from app.ports.mastery import StudentCompetency
from app.ports.unit_of_work import UnitOfWork


async def refresh_habits(
    uow: UnitOfWork,
    frameworks: Mapping[str, Framework],
    framework_of: Mapping[str, str],
    touches: Sequence[Touch],
    histories: Mapping[StudentCompetency, list[Evidence]],
    now: datetime,
) -> None:
    """Recompute the habits decisions these touches reach, from the histories already read
    and, for the others, one more read of the histories."""
    deciding = {fid for fid, f in frameworks.items() if decides_habits(f)}
    if not deciding:
        return
    keys = [t.key for t in touches if framework_of[t.competency_id] in deciding]
    if not keys:
        return
    missing = [k for k in keys if k not in histories]
    read = {**histories, **(await uow.evidence.history(missing) if missing else {})}
    by_framework: dict[str, dict[StudentCompetency, list[Evidence]]] = {}
    for key in keys:
        by_framework.setdefault(framework_of[key[1]], {})[key] = read.get(key, [])
    for fid, framework_histories in by_framework.items():
        kept, gone = habits_of(frameworks[fid], framework_histories, now)
        await uow.habits.save(kept, gone)


async def recompute_habits(
    uow: UnitOfWork, framework: Framework, students: Sequence[str], now: datetime
) -> None:
    """Replace these students' habits decisions in the framework by those of its policy now
    (none when it no longer has a counted habits-of-work category)."""
    ids = [c.id for c in framework.competencies]
    found = []
    if decides_habits(framework):
        evidence = await uow.evidence.for_students(students, ids)
        for student in students:
            found += student_habits(framework, student, evidence.get(student, []), now)
    await uow.habits.replace_for_students(students, ids, found)

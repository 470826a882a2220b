"""The demo district's assessment results: three a standard for every student on the standards
of their grade, seeded so that every load is the same. Each grade's standards are taught one
after another through the fall (the first in September, the last in late October), each
assessed when it is taught and twice more two and four weeks later; each student has an ability,
grows through the term and does better on a standard's later attempts. So a class's decisions,
rollups and explanations have something real-looking to show, and the equity trend rises month
by month as more standards are taught and learned."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from app.domain.access import Tenant
from app.domain.evidence_acceptance import EvidenceInput
from app.domain.frameworks import Framework
from app.domain.roster import User
from app.use_cases.case_import import operator
from app.use_cases.evidence import EvidenceRecords

SEED = 4_242
SOURCE = "demo-assessments"
FIRST_RESULT = datetime(2026, 9, 8, 14, 0, tzinfo=UTC)
TEACHING_WEEKS = 8  # the grade's standards are introduced over these weeks
ATTEMPTS = 3
WEEKS_BETWEEN_ATTEMPTS = 2


def demo_results(framework: Framework, students: list[User]) -> list[EvidenceInput]:
    """Every demo result, oldest first: each grade's standards introduced in framework order over
    TEACHING_WEEKS, each assessed ATTEMPTS times, WEEKS_BETWEEN_ATTEMPTS apart."""
    rng = random.Random(SEED)
    ability = {s.id: rng.uniform(1.4, 3.7) for s in students}
    items: list[tuple[datetime, EvidenceInput]] = []
    for student in students:
        grade = str(int(student.grades[0])) if student.grades else ""
        taught = [
            c
            for c in framework.ordered
            if not framework.children_of(c.id) and c.code.startswith(f"{grade}.")
        ]
        for k, competency in enumerate(taught):
            introduced = k * TEACHING_WEEKS // len(taught)
            for attempt in range(ATTEMPTS):
                week = introduced + attempt * WEEKS_BETWEEN_ATTEMPTS
                # Growth through the term and practice on the standard; points out of 10.
                level = ability[student.id] + 0.05 * week + 0.3 * attempt + rng.gauss(0, 0.5)
                points = round(min(max(level / 4 * 10, 0), 10))
                when = FIRST_RESULT + timedelta(weeks=week, minutes=rng.randint(0, 300))
                items.append(
                    (
                        when,
                        EvidenceInput(
                            student_id=student.id,
                            competency_id=competency.id,
                            score=float(points),
                            max_score=10.0,
                            observed_at=when,
                            source=SOURCE,
                            source_id=f"r{attempt}-{student.id}-{competency.code}",
                        ),
                    )
                )
    # Posted in the order observed, as a gradebook would have sent them.
    items.sort(key=lambda pair: (pair[0], pair[1].source_id))
    return [item for _, item in items]


async def load_demo_evidence(
    evidence: EvidenceRecords, tenant: Tenant, framework: Framework, students: list[User]
) -> int:
    """Post the demo results in batches; posting them again changes nothing (upserts)."""
    items = demo_results(framework, students)
    principal = operator(tenant)
    batch = evidence.max_batch
    for start in range(0, len(items), batch):
        await evidence.record_evidence(principal, items[start : start + batch])
    return len(items)

"""The demo district's assessment results: three a standard for every student on the standards
of their grade, from September to November, seeded so that every load is the same. Each student
has an ability and each result wanders around it, so decisions, rollups, explanations and the
equity reports all have something real-looking to show."""

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


def demo_results(framework: Framework, students: list[User]) -> list[EvidenceInput]:
    """Every demo result, oldest first: three rounds, four weeks apart."""
    rng = random.Random(SEED)
    ability = {s.id: rng.uniform(1.6, 3.9) for s in students}
    items: list[EvidenceInput] = []
    for round_ in range(3):
        when = FIRST_RESULT + timedelta(weeks=4 * round_)
        for student in students:
            grade = str(int(student.grades[0])) if student.grades else ""
            for competency in framework.ordered:
                if framework.children_of(competency.id) or not competency.code.startswith(
                    f"{grade}."
                ):
                    continue
                # Students grow a little each round; scores are points out of 10.
                level = ability[student.id] + 0.25 * round_ + rng.gauss(0, 0.6)
                points = round(min(max(level / 4 * 10, 0), 10))
                items.append(
                    EvidenceInput(
                        student_id=student.id,
                        competency_id=competency.id,
                        score=float(points),
                        max_score=10.0,
                        observed_at=when + timedelta(minutes=rng.randint(0, 300)),
                        source=SOURCE,
                        source_id=f"r{round_}-{student.id}-{competency.code}",
                    )
                )
    return items


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

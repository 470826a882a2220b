"""DataLoaders, built fresh for every request: each batch is one use-case or read-model call,
which opens its own short-lived session, so concurrent resolvers never share one."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from app.domain.access import Principal
from app.domain.evidence import Evidence
from app.domain.frameworks import Competency, Framework
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.explanation import Explanation
from app.domain.roster import EnrollmentRole, RosterKind, RosterRecord
from app.ports import Services
from app.use_cases import evidence as evidence_use
from app.use_cases import frameworks as framework_use
from app.use_cases import mastery as mastery_use
from app.use_cases import roster as roster_use

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

MasteryKey = tuple[str, str | None, MasteryStatus | None, datetime | None]
"""(student id, framework id, status, as_of)."""
ExplanationKey = tuple[str, str, datetime | None]
"""(student id, competency id, as_of)."""


def _by_key(
    fetch: Callable[[list[K]], Awaitable[dict[K, V]]], missing: Callable[[K], V]
) -> DataLoader[K, V]:
    async def load(keys: list[K]) -> list[V]:
        found = await fetch(keys)
        return [found[k] if k in found else missing(k) for k in keys]

    return DataLoader(load_fn=load)


def _grouped(
    group_of: Callable[[K], Hashable],
    fetch: Callable[[Hashable, list[K]], Awaitable[dict[K, V]]],
    missing: Callable[[K], V],
) -> DataLoader[K, V]:
    """Keys that differ only in their options (framework, as_of, ...) batch one call per set
    of options; a request typically has one."""

    async def load(keys: list[K]) -> list[V]:
        groups: dict[Hashable, list[K]] = defaultdict(list)
        for key in keys:
            groups[group_of(key)].append(key)
        found: dict[K, V] = {}
        for group, members in groups.items():
            found.update(await fetch(group, members))
        return [found[k] if k in found else missing(k) for k in keys]

    return DataLoader(load_fn=load)


def _none(_key: Any) -> None:
    return None


def _empty(_key: Any) -> list[Any]:
    return []


class Loaders:
    """Every association the schema resolves in batches, for one request of one principal."""

    def __init__(self, services: Services, principal: Principal) -> None:
        self.services = services
        self.principal = principal
        tenant = principal.tenant_id
        reads = services.reads(tenant)

        def records(kind: RosterKind) -> DataLoader[str, RosterRecord | None]:
            return _by_key(
                lambda ids: roster_use.active_records(services, tenant, kind, ids), _none
            )

        self.users = records(RosterKind.USER)
        self.orgs = records(RosterKind.ORG)
        self.classes = records(RosterKind.CLASS)
        self.courses = records(RosterKind.COURSE)
        self.sessions = records(RosterKind.ACADEMIC_SESSION)
        self.demographics = records(RosterKind.DEMOGRAPHICS)
        self.students_of_class = _by_key(
            lambda ids: reads.members(ids, EnrollmentRole.STUDENT.value), _empty
        )
        self.teachers_of_class = _by_key(
            lambda ids: reads.members(ids, EnrollmentRole.TEACHER.value), _empty
        )
        self.classes_of_student = _by_key(
            lambda ids: reads.classes_of(ids, EnrollmentRole.STUDENT.value), _empty
        )
        self.frameworks: DataLoader[str, Framework | None] = _by_key(
            lambda ids: framework_use.frameworks_by_id(services, principal, ids), _none
        )
        self.competencies: DataLoader[str, tuple[Competency, Framework] | None] = _by_key(
            lambda ids: framework_use.competencies_by_id(services, principal, ids), _none
        )
        self.mastery: DataLoader[MasteryKey, list[mastery_use.DecisionView]] = _grouped(
            lambda key: key[1:], self._mastery, _empty
        )
        self.explanations: DataLoader[ExplanationKey, Explanation | None] = _grouped(
            lambda key: key[2], self._explanations, _none
        )
        self.evidence: DataLoader[tuple[str, str], list[Evidence]] = _by_key(
            lambda pairs: evidence_use.evidence_of_decisions(services, principal, pairs), _empty
        )

    async def _mastery(
        self, options: Any, keys: Sequence[MasteryKey]
    ) -> dict[MasteryKey, list[mastery_use.DecisionView]]:
        framework_id, status, as_of = options
        found = await mastery_use.students_mastery(
            self.services,
            self.principal,
            [k[0] for k in keys],
            framework_id=framework_id,
            status=status,
            as_of=as_of,
        )
        return {k: found[k[0]] for k in keys if k[0] in found}

    async def _explanations(
        self, as_of: Any, keys: Sequence[ExplanationKey]
    ) -> dict[ExplanationKey, Explanation]:
        found = await mastery_use.decision_details(
            self.services, self.principal, [(s, c) for s, c, _ in keys], as_of=as_of
        )
        return {k: found[(k[0], k[1])].explanation for k in keys if (k[0], k[1]) in found}

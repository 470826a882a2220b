"""DataLoaders, built fresh for every request: each batch is one use-case call, which opens its
own short-lived session, so concurrent resolvers never share one."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from datetime import datetime
from functools import cached_property
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from app.domain.access import Principal
from app.domain.evidence import Evidence
from app.domain.frameworks import Framework
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.explanation import Explanation
from app.domain.mastery.view import DecisionView
from app.domain.roster import EnrollmentRole, RosterKind, RosterRecord
from app.use_cases.catalog import UseCases
from app.use_cases.forecasts import CompetencyForecast

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

MasteryKey = tuple[str, str | None, MasteryStatus | None, datetime | None]
"""(student id, framework id, status, as_of)."""
ExplanationKey = tuple[str, str, datetime | None]
"""(student id, competency id, as_of)."""
ForecastKey = tuple[str, str]
"""(student id, framework id)."""


def _by_key(
    fetch: Callable[[list[K]], Awaitable[Mapping[K, V]]], missing: Callable[[K], V]
) -> DataLoader[K, V]:
    async def load(keys: list[K]) -> list[V]:
        found = await fetch(keys)
        return [found[k] if k in found else missing(k) for k in keys]

    return DataLoader(load_fn=load)


def _grouped(
    group_of: Callable[[K], Hashable],
    fetch: Callable[[Hashable, list[K]], Awaitable[Mapping[K, V]]],
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
    """Every association the schema resolves in batches, for one request of one principal.
    Each loader is made when a query first needs it: a simple query pays for none."""

    def __init__(self, use_cases: UseCases, principal: Principal) -> None:
        self.use_cases = use_cases
        self.principal = principal

    def release(self) -> None:
        """Drop every loader made, with the batches and results it keeps, once the request is
        answered. A loader's batch function refers back to these loaders, so the loaders and
        all they hold form a cycle that only the garbage collector would free: a page of
        100 x 200 left its 20,000 decisions to it, and a collection of the generation they
        reached then walked many pages' worth (686 ms in one request, issue #14). Dropped
        here, they are freed at once."""
        made = [name for name, value in vars(self).items() if isinstance(value, DataLoader)]
        for name in made:
            del self.__dict__[name]

    def _records(self, kind: RosterKind) -> DataLoader[str, RosterRecord | None]:
        roster, tenant = self.use_cases.roster, self.principal.tenant_id
        return _by_key(lambda ids: roster.active_records(tenant, kind, ids), _none)

    def _members(self, role: EnrollmentRole, *, by_class: bool) -> DataLoader[str, list[str]]:
        roster, tenant = self.use_cases.roster, self.principal.tenant_id
        fetch = roster.members if by_class else roster.classes_of
        return _by_key(lambda ids: fetch(tenant, ids, role), _empty)

    @cached_property
    def users(self) -> DataLoader[str, RosterRecord | None]:
        return self._records(RosterKind.USER)

    @cached_property
    def orgs(self) -> DataLoader[str, RosterRecord | None]:
        return self._records(RosterKind.ORG)

    @cached_property
    def classes(self) -> DataLoader[str, RosterRecord | None]:
        return self._records(RosterKind.CLASS)

    @cached_property
    def courses(self) -> DataLoader[str, RosterRecord | None]:
        return self._records(RosterKind.COURSE)

    @cached_property
    def demographics(self) -> DataLoader[str, RosterRecord | None]:
        return self._records(RosterKind.DEMOGRAPHICS)

    @cached_property
    def students_of_class(self) -> DataLoader[str, list[str]]:
        return self._members(EnrollmentRole.STUDENT, by_class=True)

    @cached_property
    def teachers_of_class(self) -> DataLoader[str, list[str]]:
        return self._members(EnrollmentRole.TEACHER, by_class=True)

    @cached_property
    def classes_of_student(self) -> DataLoader[str, list[str]]:
        return self._members(EnrollmentRole.STUDENT, by_class=False)

    @cached_property
    def frameworks(self) -> DataLoader[str, Framework | None]:
        frameworks, principal = self.use_cases.frameworks, self.principal
        return _by_key(lambda ids: frameworks.frameworks_by_id(principal, ids), _none)

    @cached_property
    def mastery(self) -> DataLoader[MasteryKey, list[DecisionView]]:
        return _grouped(lambda key: key[1:], self._mastery, _empty)

    @cached_property
    def explanations(self) -> DataLoader[ExplanationKey, Explanation | None]:
        return _grouped(lambda key: key[2], self._explanations, _none)

    @cached_property
    def evidence(self) -> DataLoader[tuple[str, str], list[Evidence]]:
        evidence, principal = self.use_cases.evidence, self.principal
        return _by_key(lambda pairs: evidence.evidence_of_decisions(principal, pairs), _empty)

    @cached_property
    def forecasts(self) -> DataLoader[ForecastKey, list[CompetencyForecast]]:
        return _grouped(lambda key: key[1], self._forecasts, _empty)

    async def _forecasts(
        self, framework_id: Any, keys: Sequence[ForecastKey]
    ) -> dict[ForecastKey, list[CompetencyForecast]]:
        found = await self.use_cases.forecasts.students_forecasts(
            self.principal, [k[0] for k in keys], str(framework_id)
        )
        return {k: found[k[0]] for k in keys if k[0] in found}

    async def _mastery(
        self, options: Any, keys: Sequence[MasteryKey]
    ) -> dict[MasteryKey, list[DecisionView]]:
        framework_id, status, as_of = options
        found = await self.use_cases.mastery.students_mastery(
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
        found = await self.use_cases.mastery.decision_details(
            self.principal, [(s, c) for s, c, _ in keys], as_of=as_of
        )
        return {k: found[(k[0], k[1])].explanation for k in keys if (k[0], k[1]) in found}

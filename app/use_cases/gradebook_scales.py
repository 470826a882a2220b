"""OneRoster 1.2 gradebook score scales PUT by an LMS or assessment vendor: kept and served as
sent, as the binding's consumer must (a line item or result names its scale). They change no
decision: a framework's own scale measures; a vendor's scale is its labels."""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain.access import Principal
from app.domain.errors import Invalid, NotFound
from app.domain.gradebook import ScoreScale
from app.domain.gradebook_reading import PutScoreScale, read_score_scale
from app.domain.oneroster.query import CollectionQuery
from app.domain.roster import RecordStatus, Reference, RosterKind
from app.ports.paging import Counted
from app.use_cases.gradebook_categories import GradebookCategories
from app.use_cases.roster import missing_references


@dataclass(frozen=True, kw_only=True)
class GradebookScales(GradebookCategories):
    """The score scales of a district's gradebook."""

    async def put_score_scale(
        self, principal: Principal, command: PutScoreScale
    ) -> tuple[ScoreScale, bool]:
        """Create or replace a score scale; (the stored scale, whether this call created it).
        Its class (and course, when named) must exist: every problem in one answer."""
        problems = []
        try:
            scale = read_score_scale(command)
        except Invalid as error:
            problems, scale = list(error.problems), None
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            references = []
            if command.class_id and command.class_id.strip():
                references.append(
                    Reference(("scoreScale", "class"), RosterKind.CLASS, command.class_id.strip())
                )
            if command.course_id and command.course_id.strip():
                references.append(
                    Reference(
                        ("scoreScale", "course"), RosterKind.COURSE, command.course_id.strip()
                    )
                )
            problems += await missing_references(uow, references)
            if problems or scale is None:
                raise Invalid("The score scale is not valid", problems)
            stored = await uow.gradebook_score_scales.get(scale.id)
            if stored is not None and stored.same_content(scale):
                return stored, False
            fresh = replace(scale, updated_at=now)
            await uow.gradebook_score_scales.save(fresh)
            await uow.commit()
        return fresh, stored is None

    async def get_score_scale(self, principal: Principal, id: str) -> ScoreScale:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            scale = await uow.gradebook_score_scales.get(id)
        if scale is None or scale.status is RecordStatus.TOBEDELETED:
            raise NotFound(f"No score scale {id!r}")
        return scale

    async def list_score_scales(
        self, principal: Principal, query: CollectionQuery, *, class_id: str | None = None
    ) -> Counted[ScoreScale]:
        """A page of score scales (of one class: which must exist); deleted ones only when the
        filter asks about status."""
        deleted = query.filter is not None and query.filter.mentions("status")
        async with self.uow(principal.tenant_id, writes=False) as uow:
            if class_id is not None and not await uow.roster(RosterKind.CLASS).active_ids(
                [class_id]
            ):
                raise NotFound(f"No class {class_id!r}")
            return await uow.gradebook_score_scales.list(
                query, include_deleted=deleted, class_id=class_id
            )

    async def delete_score_scale(self, principal: Principal, id: str) -> None:
        """Mark a score scale tobedeleted (kept for history, hidden from reads)."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            stored = await uow.gradebook_score_scales.get(id)
            if stored is None or stored.status is RecordStatus.TOBEDELETED:
                raise NotFound(f"No score scale {id!r}")
            deleted = replace(stored, status=RecordStatus.TOBEDELETED, updated_at=now)
            await uow.gradebook_score_scales.save(deleted)
            await uow.commit()

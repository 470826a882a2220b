"""Tables of the LTI services: where a course's next roster pull starts (NRPS differences), and
the last score timestamp sent per LMS line item and student (AGS: each must be newer)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.adapters.db.tables import _instant, _tenant_fk


class LtiRosterPullRow(SQLModel, table=True):
    """A course's last roster pull: the differences URL the platform gave for the next one."""

    __tablename__ = "lti_roster_pulls"

    tenant_id: int = _tenant_fk()
    issuer: str = Field(primary_key=True, max_length=500)
    context_id: str = Field(primary_key=True, max_length=255)
    differences_url: str | None = Field(default=None, max_length=2000)
    pulled_at: datetime = _instant()


class LtiScoreSentRow(SQLModel, table=True):
    """The timestamp of the last score sent to a platform line item for one student (the
    roster's id: the row goes with the student's other data when it is erased)."""

    __tablename__ = "lti_scores_sent"

    tenant_id: int = _tenant_fk()
    line_item_url: str = Field(primary_key=True, max_length=2000)
    student_id: str = Field(primary_key=True, max_length=255)
    sent_at: datetime = _instant()

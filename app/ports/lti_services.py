"""Port of a platform's LTI Advantage services, as the tool's use cases call them: NRPS 2.0
memberships and AGS 2.0 line items, results and scores. The adapter gets the service token
(client assertion), follows `Link` paging, and retries what may succeed later."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from app.domain.lti.platform import Platform

JsonObject = Mapping[str, Any]


@dataclass(frozen=True)
class MembershipPull:
    """Every member of a context, across its pages, and the URL to ask later for what changed."""

    members: tuple[object, ...]
    differences_url: str | None


class PlatformServices(Protocol):
    async def memberships(self, platform: Platform, url: str) -> MembershipPull:
        """Every page of a context's memberships container (NRPS 2.0)."""
        ...

    async def line_items(
        self, platform: Platform, url: str, scopes: Sequence[str]
    ) -> list[JsonObject]:
        """Every line item of the container, across its pages (AGS 2.0)."""
        ...

    async def results(self, platform: Platform, line_item_url: str) -> list[JsonObject]:
        """The results of one line item (AGS 2.0)."""
        ...

    async def create_line_item(
        self, platform: Platform, url: str, line_item: JsonObject
    ) -> JsonObject:
        """The line item created in the container (AGS 2.0, creating a line item), with its id."""
        ...

    async def post_score(self, platform: Platform, line_item_url: str, score: JsonObject) -> None:
        """Publish one score (AGS 2.0), retrying 429 and 5xx after their Retry-After."""
        ...


class LtiMarks(Protocol):
    """What the services remember between runs, in the unit of work's transaction."""

    async def differences_url(self, issuer: str, context_id: str) -> str | None:
        """Where the course's next roster pull starts (NRPS 2.0 differences), if a pull left one."""
        ...

    async def save_pull(
        self, issuer: str, context_id: str, differences_url: str | None, at: datetime
    ) -> None: ...

    async def last_sent(
        self, line_item_url: str, student_ids: Collection[str]
    ) -> dict[str, datetime]:
        """The timestamp of the last score sent to the line item, per student that has one."""
        ...

    async def save_sent(self, line_item_url: str, sent: Mapping[str, datetime]) -> None: ...

"""A platform's LTI Advantage services over the guarded client: NRPS 2.0 memberships and AGS 2.0
line items, results and scores, each request with a service token for the scopes it needs.

Pages are followed by the `Link: <…>; rel="next"` header (NRPS 2.0 and AGS 2.0, paging),
up to a bound (a platform that pages forever is a broken one). A 401 drops the cached token and
asks once more with a fresh one (a platform may revoke tokens early). Score posts retry 429 and
5xx after the platform's Retry-After, a few times, then fail so that the job runs again later."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence

from app.adapters.http import Answer, OutboundError, OutboundHttp
from app.adapters.http.retry import retry_after, worth_retrying
from app.adapters.lti.platform_answers import (
    json_object,
    json_objects,
    not_standard,
    refused,
    unanswered,
)
from app.adapters.lti.service_tokens import ServiceTokens
from app.domain.errors import Problem, SourceUnavailable
from app.domain.lti.platform import Platform
from app.ports.lti_services import JsonObject, MembershipPull

NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
LINE_ITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
LINE_ITEM_READ_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly"
RESULT_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"

MEMBERSHIPS = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json"
LINE_ITEMS = "application/vnd.ims.lis.v2.lineitemcontainer+json"
LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json"
RESULTS = "application/vnd.ims.lis.v2.resultcontainer+json"
SCORE = "application/vnd.ims.lis.v1.score+json"

MAX_PAGES = 500
RETRIES = 4
Sleep = Callable[[float], Awaitable[None]]


def _service_url(url: str, suffix: str) -> str:
    """A line item's sub-resource: the path gets the suffix, the query stays (AGS 2.0: a line
    item URL may carry a query string)."""
    path, sep, query = url.partition("?")
    return f"{path.rstrip('/')}/{suffix}{sep}{query}"


class AdvantageServices:
    def __init__(
        self,
        http: OutboundHttp,
        tokens: ServiceTokens,
        *,
        sleep: Sleep = asyncio.sleep,
        timeout_seconds: float = 30.0,
        max_bytes: int = 8 * 1024 * 1024,
    ) -> None:
        self._http = http
        self._tokens = tokens
        self._sleep = sleep
        self._timeout = timeout_seconds
        self._max_bytes = max_bytes

    async def memberships(self, platform: Platform, url: str) -> MembershipPull:
        members: list[object] = []
        differences: str | None = None
        async for answer in self._pages(
            platform, url, MEMBERSHIPS, [NRPS_SCOPE], "memberships_url"
        ):
            body = json_object(answer, "memberships_url", "a membership container")
            page = body.get("members")
            if not isinstance(page, list):
                raise not_standard(answer, "memberships_url", "a membership container")
            members.extend(page)
            differences = answer.link("differences") or differences
        return MembershipPull(tuple(members), differences)

    async def line_items(
        self, platform: Platform, url: str, scopes: Sequence[str]
    ) -> list[JsonObject]:
        items: list[JsonObject] = []
        async for answer in self._pages(platform, url, LINE_ITEMS, scopes, "lineitems_url"):
            items.extend(json_objects(answer, "lineitems_url", "a line item container"))
        return items

    async def results(self, platform: Platform, line_item_url: str) -> list[JsonObject]:
        found: list[JsonObject] = []
        url = _service_url(line_item_url, "results")
        async for answer in self._pages(platform, url, RESULTS, [RESULT_SCOPE], "lineitem"):
            found.extend(json_objects(answer, "lineitem", "a result container"))
        return found

    async def create_line_item(
        self, platform: Platform, url: str, line_item: JsonObject
    ) -> JsonObject:
        answer = await self._send(
            platform, "POST", url, [LINE_ITEM_SCOPE], "lineitems_url", LINE_ITEM, line_item
        )
        if answer.status not in (200, 201):
            raise refused(answer, "lineitems_url", "the platform's line items")
        return json_object(answer, "lineitems_url", "a line item")

    async def post_score(self, platform: Platform, line_item_url: str, score: JsonObject) -> None:
        url = _service_url(line_item_url, "scores")
        for attempt in range(RETRIES + 1):
            answer = await self._send(
                platform, "POST", url, [SCORE_SCOPE], "lineitem", SCORE, score
            )
            if answer.status in (200, 201, 202, 204):
                return
            if not worth_retrying(answer) or attempt == RETRIES:
                break
            await self._sleep(retry_after(answer, attempt))
        raise refused(answer, "lineitem", "the platform's scores")

    async def _pages(
        self, platform: Platform, url: str, accept: str, scopes: Sequence[str], field: str
    ) -> AsyncIterator[Answer]:
        next_url: str | None = url
        for _ in range(MAX_PAGES):
            if next_url is None:
                return
            answer = await self._send(platform, "GET", next_url, scopes, field, accept)
            if answer.status != 200:
                raise refused(answer, field, "the platform's service")
            yield answer
            next_url = answer.link("next")
        raise SourceUnavailable(
            "The platform's pages do not end",
            [Problem((field,), f"more than {MAX_PAGES} pages at {url}")],
        )

    async def _send(
        self,
        platform: Platform,
        method: str,
        url: str,
        scopes: Sequence[str],
        field: str,
        media_type: str,
        body: JsonObject | None = None,
    ) -> Answer:
        content = None if body is None else json.dumps(body).encode()
        kind = "accept" if body is None else "content-type"
        for fresh in (False, True):
            if fresh:
                self._tokens.forget(platform, scopes)
            token = await self._tokens.token(platform, scopes)
            headers = {"authorization": f"Bearer {token}", kind: media_type}
            try:
                async with self._http.session(
                    timeout_seconds=self._timeout, max_bytes=self._max_bytes
                ) as session:
                    answer = await session.request(
                        method, url, headers=headers, content=content, follow_redirects=False
                    )
            except OutboundError as error:
                raise unanswered(error, field) from None
            if answer.status != 401:
                break
        return answer

"""A SIS's OneRoster REST provider as a roster source: its collections paged with limit and
offset (following the Link header, else X-Total-Count), only what changed since the last sync
once there was one, with OAuth 2.0 client credentials or OAuth 1.0a HMAC-SHA256 signatures,
and retries of 429 and 5xx answers with backoff that honours Retry-After."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlencode

from oauthlib.oauth1 import SIGNATURE_HMAC_SHA256
from oauthlib.oauth1 import Client as OAuth1Client

from app.adapters.http import (
    Answer,
    OutboundError,
    OutboundHttp,
    OutboundSession,
    RefusedAddress,
    RefusedUrl,
    TimedOut,
    TooLarge,
)
from app.adapters.http.retry import retry_after
from app.adapters.oneroster.json_rows import FIELDS, row
from app.domain.errors import DomainError, Invalid, Problem, SourceUnavailable
from app.domain.oneroster.connection import ProviderAuth, RosterConnection
from app.domain.oneroster.files import BY_STEM, FILES, FileMode, Manifest, RosterFile
from app.domain.oneroster.values import RowValues

BASE_PATHS = {"1.1": "/ims/oneroster/v1p1", "1.2": "/ims/oneroster/rostering/v1p2"}
PAGE_SIZE = 1000
RETRIES = 5
MiB = 1024 * 1024
Sleep = Callable[[float], Awaitable[None]]


def _unanswered(error: OutboundError, field: str) -> DomainError:
    """A request that got no answer, located at the connection's URL that led to it."""
    if isinstance(error, RefusedUrl | RefusedAddress):
        return Invalid(
            "The SIS connection points where the service does not send requests",
            [Problem((field,), str(error))],
        )
    if isinstance(error, TooLarge):
        return Invalid("The SIS's answer is too large", [Problem((field,), str(error))])
    if isinstance(error, TimedOut):
        return SourceUnavailable(
            "The SIS did not answer in time",
            [Problem((field,), f"timed out: {error.host} gave {error.reason}")],
        )
    return SourceUnavailable(
        "The SIS cannot be reached",
        [Problem((field,), f"cannot reach {error.host}: {error.reason}")],
    )


def _refused(answer: Answer, field: str, who: str = "the SIS") -> DomainError:
    """An answer with a status the sync cannot use: named by status and path, never by body."""
    problem = Problem((field,), f"{who} answered {answer.status} at {answer.url.path}")
    if answer.status == 429 or answer.status >= 500:
        return SourceUnavailable("The SIS failed to answer", [problem])
    return Invalid("The SIS's OneRoster provider refused the request", [problem])


def _bad_page(answer: Answer, what: str) -> Invalid:
    return Invalid(
        "The SIS's answer is not a OneRoster page",
        [Problem(("base_url",), f"the SIS's answer at {answer.url.path} is {what}")],
    )


def _json_object(answer: Answer) -> Mapping[str, Any] | None:
    try:
        body = answer.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


class _Signer:
    """Authenticates requests: a bearer token (fetched and renewed) or an OAuth 1.0a signature."""

    def __init__(self, connection: RosterConnection, secret: str, http: OutboundSession) -> None:
        self._connection = connection
        self._secret = secret
        self._http = http
        self._token: str | None = None
        self._expires = 0.0

    async def headers(self, method: Literal["GET"], url: str) -> dict[str, str]:
        # Only GET: a roster is read, never written (and oauthlib's stubs want the literal).
        if self._connection.auth == ProviderAuth.OAUTH1:
            client = OAuth1Client(
                self._connection.client_id,
                client_secret=self._secret,
                signature_method=SIGNATURE_HMAC_SHA256,
            )
            _, headers, _ = client.sign(url, method)
            return dict(headers)
        if self._token is None or time.monotonic() > self._expires:
            await self._fetch_token()
        return {"Authorization": f"Bearer {self._token}"}

    async def _fetch_token(self) -> None:
        assert self._connection.token_url is not None
        data = {"grant_type": "client_credentials"}
        if self._connection.scopes:
            data["scope"] = " ".join(self._connection.scopes)
        basic = (self._connection.client_id, self._secret)
        try:
            answer = await self._http.post_form(self._connection.token_url, data, basic=basic)
        except OutboundError as error:
            raise _unanswered(error, "token_url") from None
        if answer.status != 200:
            raise _refused(answer, "token_url", "the SIS's token endpoint")
        body = _json_object(answer) or {}
        token, lifetime = body.get("access_token"), body.get("expires_in", 3600)
        if not isinstance(token, str) or not isinstance(lifetime, int | float):
            raise Invalid(
                "The SIS's token endpoint gave no access token",
                [Problem(("token_url",), f"the answer at {answer.url.path} has no access token")],
            )
        self._token = token
        # Renew a minute early, so that a long sync never sends an expired token.
        self._expires = time.monotonic() + float(lifetime) - 60


class RestRosterSource:
    def __init__(
        self,
        connection: RosterConnection,
        secret: str,
        since: datetime | None,
        http: OutboundSession,
        sleep: Sleep,
        page_size: int,
    ) -> None:
        self._connection = connection
        self._since = since
        self._http = http
        self._sleep = sleep
        self._page_size = page_size
        self._signer = _Signer(connection, secret, http)
        self._base = connection.base_url.rstrip("/") + BASE_PATHS[connection.version.value]
        self._first_pages: dict[str, Answer] = {}

    async def manifest(self) -> Manifest:
        """Everything the first time (bulk: what the provider no longer lists is retired),
        then only the changes (delta). As the port asks, the first page the import will read
        (FILES' order) is asked for here, before the import's transaction (on SQLite it holds
        the database's one write lock): a SIS that is down, slow to answer or refuses the
        secret fails the sync while every other writer goes on (decision 0085)."""
        mode = FileMode.DELTA if self._since is not None else FileMode.BULK
        manifest = Manifest(version=self._connection.version.value, source=self._base)
        manifest.modes = {stem.lower(): mode for stem in FIELDS}
        first = next(f for f in FILES if f.stem.lower() in manifest.modes)
        self._first_pages[first.stem] = await self._get(*self._first_request(first))
        return manifest

    async def columns(self, file: RosterFile) -> list[str] | None:
        return None

    def not_used(self) -> list[str]:
        return []

    def _first_request(self, file: RosterFile) -> tuple[str, dict[str, Any]]:
        params: dict[str, Any] = {"limit": self._page_size, "offset": 0}
        if self._since is not None:
            stamp = self._since.astimezone(UTC).isoformat().replace("+00:00", "Z")
            params["filter"] = f"dateLastModified>'{stamp}'"
        return f"{self._base}/{file.stem}", params

    async def rows(self, file: RosterFile) -> AsyncIterator[list[tuple[int, RowValues]]]:
        url: str | None
        params: dict[str, Any] | None
        url, params = self._first_request(file)
        position = 0
        while url is not None:
            answer = self._first_pages.pop(file.stem, None)
            if answer is None:
                answer = await self._get(url, params)
            records = self._records(answer, file.stem)
            if not records:
                return
            yield [(position + i + 1, row(file.stem, r)) for i, r in enumerate(records)]
            position += len(records)
            url, params = self._next(answer, params, position)

    @staticmethod
    def _records(answer: Answer, stem: str) -> list[Mapping[str, Any]]:
        body = _json_object(answer)
        if body is None:
            raise _bad_page(answer, "not a JSON object")
        records = body.get(stem, [])
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise _bad_page(answer, f"not a page of {stem}")
        return records

    def _next(
        self, answer: Answer, params: dict[str, Any] | None, position: int
    ) -> tuple[str | None, dict[str, Any] | None]:
        """The next page: the Link header's `next`, else the next offset below X-Total-Count.
        A link must stay at the provider's origin: the token or signature goes with it."""
        following = answer.link("next")
        if following:
            url = answer.url.join(following)
            if (url.scheme, url.netloc) != (answer.url.scheme, answer.url.netloc):
                raise _bad_page(answer, "linked to a next page at another origin")
            return str(url), None
        total = answer.headers.get("x-total-count", "")
        if params is None or not total.isdigit() or position >= int(total):
            return None, None
        return str(answer.url.copy_with(query=None)), {**params, "offset": position}

    async def _get(self, url: str, params: dict[str, Any] | None) -> Answer:
        request_url = f"{url}?{urlencode(params)}" if params else url
        for attempt in range(RETRIES + 1):
            headers = await self._signer.headers("GET", request_url)
            try:
                answer = await self._http.get(request_url, headers=headers)
            except OutboundError as error:
                if not error.transient or attempt == RETRIES:
                    raise _unanswered(error, "base_url") from None
                await self._sleep(0.5 * 2.0**attempt)
                continue
            if answer.status == 200:
                return answer
            if (answer.status != 429 and answer.status < 500) or attempt == RETRIES:
                raise _refused(answer, "base_url")
            await self._sleep(retry_after(answer, attempt))
        raise AssertionError("unreachable")

    async def close(self) -> None:
        await self._http.aclose()


class HttpRosterProviders:
    """Opens provider sources through the guarded outbound client; tests pass a sleep that
    does not wait and a small page size."""

    def __init__(
        self,
        http: OutboundHttp,
        sleep: Sleep = asyncio.sleep,
        page_size: int = PAGE_SIZE,
        *,
        timeout_seconds: float = 60.0,
        max_page_bytes: int = 64 * MiB,
    ) -> None:
        self._http = http
        self._sleep = sleep
        self._page_size = page_size
        self._timeout = timeout_seconds
        self._max_bytes = max_page_bytes

    def source(
        self, connection: RosterConnection, secret: str, since: datetime | None
    ) -> RestRosterSource:
        session = self._http.session(timeout_seconds=self._timeout, max_bytes=self._max_bytes)
        return RestRosterSource(connection, secret, since, session, self._sleep, self._page_size)


assert {s.lower() for s in FIELDS} <= set(BY_STEM), "each collection is read as its file"

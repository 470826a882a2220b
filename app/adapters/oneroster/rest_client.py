"""A SIS's OneRoster REST provider as a roster source: its collections paged with limit and
offset (following the Link header, else X-Total-Count), only what changed since the last sync
once there was one, with OAuth 2.0 client credentials or OAuth 1.0a HMAC-SHA256 signatures,
and retries of 429 and 5xx answers with backoff that honours Retry-After."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from oauthlib.oauth1 import SIGNATURE_HMAC_SHA256
from oauthlib.oauth1 import Client as OAuth1Client

from app.adapters.oneroster.json_rows import FIELDS, row
from app.domain.errors import Invalid, Problem
from app.domain.oneroster.connection import ProviderAuth, RosterConnection
from app.domain.oneroster.files import BY_STEM, FileMode, Manifest, RosterFile
from app.domain.oneroster.values import RowValues

BASE_PATHS = {"1.1": "/ims/oneroster/v1p1", "1.2": "/ims/oneroster/rostering/v1p2"}
PAGE_SIZE = 1000
RETRIES = 5
Sleep = Callable[[float], Awaitable[None]]


def _retry_after(response: httpx.Response, attempt: int) -> float:
    """Seconds to wait: the provider's Retry-After (seconds or a date), else 0.5 s doubling."""
    header = response.headers.get("retry-after")
    if header:
        if header.strip().isdigit():
            return float(header)
        try:
            when = parsedate_to_datetime(header)
            return max(0.0, (when - datetime.now(UTC)).total_seconds())
        except (TypeError, ValueError):
            pass
    return 0.5 * 2**attempt


def _refused(url: str, response: httpx.Response) -> Invalid:
    return Invalid(
        "The SIS's OneRoster provider refused the request",
        [Problem(("provider", url), f"HTTP {response.status_code}: {response.text[:300]}")],
    )


class _Signer:
    """Authenticates requests: a bearer token (fetched and renewed) or an OAuth 1.0a signature."""

    def __init__(self, connection: RosterConnection, secret: str, http: httpx.AsyncClient) -> None:
        self._connection = connection
        self._secret = secret
        self._http = http
        self._token: str | None = None
        self._expires = 0.0

    async def headers(self, method: str, url: str) -> dict[str, str]:
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
        response = await self._http.post(
            self._connection.token_url, data=data, auth=(self._connection.client_id, self._secret)
        )
        if response.status_code != 200:
            raise _refused(self._connection.token_url, response)
        body = response.json()
        self._token = str(body["access_token"])
        # Renew a minute early, so that a long sync never sends an expired token.
        self._expires = time.monotonic() + float(body.get("expires_in", 3600)) - 60


class RestRosterSource:
    def __init__(
        self,
        connection: RosterConnection,
        secret: str,
        since: datetime | None,
        http: httpx.AsyncClient,
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

    async def manifest(self) -> Manifest:
        """Everything the first time (bulk: what the provider no longer lists is retired),
        then only the changes (delta)."""
        mode = FileMode.DELTA if self._since is not None else FileMode.BULK
        manifest = Manifest(version=self._connection.version.value, source=self._base)
        manifest.modes = {stem.lower(): mode for stem in FIELDS}
        return manifest

    async def columns(self, file: RosterFile) -> list[str] | None:
        return None

    def not_used(self) -> list[str]:
        return []

    async def rows(self, file: RosterFile) -> AsyncIterator[list[tuple[int, RowValues]]]:
        url: str | None = f"{self._base}/{file.stem}"
        params: dict[str, Any] | None = {"limit": self._page_size, "offset": 0}
        if self._since is not None and params is not None:
            stamp = self._since.astimezone(UTC).isoformat().replace("+00:00", "Z")
            params["filter"] = f"dateLastModified>'{stamp}'"
        position = 0
        while url is not None:
            response = await self._get(url, params)
            records = response.json().get(file.stem, [])
            if not records:
                return
            yield [(position + i + 1, row(file.stem, r)) for i, r in enumerate(records)]
            position += len(records)
            url, params = self._next(response, params, position)

    def _next(
        self, response: httpx.Response, params: dict[str, Any] | None, position: int
    ) -> tuple[str | None, dict[str, Any] | None]:
        """The next page: the Link header's `next`, else the next offset below X-Total-Count."""
        following = response.links.get("next", {}).get("url")
        if following:
            return str(httpx.URL(str(response.url)).join(following)), None
        total = response.headers.get("x-total-count")
        if params is None or total is None or position >= int(total):
            return None, None
        return str(response.url.copy_with(query=None)), {**params, "offset": position}

    async def _get(self, url: str, params: dict[str, Any] | None) -> httpx.Response:
        request_url = str(httpx.URL(url, params=params)) if params else url
        for attempt in range(RETRIES + 1):
            headers = await self._signer.headers("GET", request_url)
            try:
                response = await self._http.get(request_url, headers=headers)
            except httpx.TransportError as exc:
                if attempt == RETRIES:
                    raise Invalid(
                        "The SIS's OneRoster provider cannot be reached",
                        [Problem(("provider", request_url), str(exc) or type(exc).__name__)],
                    ) from exc
                await self._sleep(0.5 * 2**attempt)
                continue
            if response.status_code == 200:
                return response
            if (response.status_code != 429 and response.status_code < 500) or attempt == RETRIES:
                raise _refused(request_url, response)
            await self._sleep(_retry_after(response, attempt))
        raise AssertionError("unreachable")

    async def close(self) -> None:
        await self._http.aclose()


class HttpRosterProviders:
    """Opens provider sources; tests pass an in-process transport and a sleep that does not."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Sleep = asyncio.sleep,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self._transport = transport
        self._sleep = sleep
        self._page_size = page_size

    def source(
        self, connection: RosterConnection, secret: str, since: datetime | None
    ) -> RestRosterSource:
        http = httpx.AsyncClient(transport=self._transport, timeout=60.0)
        return RestRosterSource(connection, secret, since, http, self._sleep, self._page_size)


assert {s.lower() for s in FIELDS} <= set(BY_STEM), "each collection is read as its file"

"""Fetching a CFPackage from another CASE provider over HTTP (httpx), with an optional OAuth 2.0
client-credentials token, a timeout and a size limit. Failures become domain errors: the
provider could not be reached or failed (SourceUnavailable, 502), or it refused (Invalid)."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from app.domain.errors import Invalid, Problem, SourceUnavailable
from app.ports.case import ProviderAuth

MiB = 1024 * 1024


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _check_url(url: str, loc: tuple[str, ...]) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise Invalid("The URL is invalid", [Problem(loc, "must be an http or https URL")])


class HttpCaseSource:
    """The CaseSource port over httpx; `transport` lets tests put a fake provider in-process."""

    def __init__(
        self,
        *,
        timeout_seconds: float = 30.0,
        max_bytes: int = 50 * MiB,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._timeout = timeout_seconds
        self._max_bytes = max_bytes
        self._transport = transport

    def _client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            timeout=self._timeout,
            transport=self._transport,
            follow_redirects=True,
            headers={"Accept": "application/json", "User-Agent": "mastery-service"},
        )

    async def fetch(self, url: str, auth: ProviderAuth | None) -> bytes:
        _check_url(url, ("url",))
        async with self._client() as client:
            headers = {}
            if auth is not None:
                headers["Authorization"] = f"Bearer {await self._token(client, auth)}"
            try:
                async with client.stream("GET", url, headers=headers) as response:
                    self._check_status(response, url)
                    return await self._body(response, url)
            except httpx.TimeoutException:
                raise SourceUnavailable(
                    f"The CASE provider at {_host(url)} did not answer within "
                    f"{self._timeout:g} seconds"
                ) from None
            except httpx.HTTPError as exc:
                raise SourceUnavailable(
                    f"The CASE provider at {_host(url)} could not be reached: {exc}"
                ) from None

    async def _token(self, client: httpx.AsyncClient, auth: ProviderAuth) -> str:
        """An access token by the client-credentials grant (RFC 6749 §4.4)."""
        _check_url(auth.token_url, ("auth", "token_url"))
        data = {"grant_type": "client_credentials"}
        if auth.scope:
            data["scope"] = auth.scope
        try:
            response = await client.post(
                auth.token_url, data=data, auth=(auth.client_id, auth.client_secret)
            )
        except httpx.HTTPError as exc:
            raise SourceUnavailable(
                f"The token endpoint at {_host(auth.token_url)} could not be reached: {exc}"
            ) from None
        if response.status_code >= 500:
            raise SourceUnavailable(
                f"The token endpoint at {_host(auth.token_url)} failed ({response.status_code})"
            )
        try:
            body = response.json()
        except ValueError:
            body = {}
        token = body.get("access_token") if isinstance(body, dict) else None
        if response.status_code != 200 or not isinstance(token, str):
            reason = body.get("error", response.status_code) if isinstance(body, dict) else ""
            raise Invalid(
                "The CASE provider refused the client credentials",
                [Problem(("auth",), f"the token endpoint answered {reason}")],
            )
        return token

    def _check_status(self, response: httpx.Response, url: str) -> None:
        status = response.status_code
        if status >= 500:
            raise SourceUnavailable(f"The CASE provider at {_host(url)} failed ({status})")
        if status in (401, 403):
            raise Invalid(
                "The CASE provider refused the request",
                [Problem(("auth",), f"the provider answered {status}; check the credentials")],
            )
        if status == 404:
            raise Invalid(
                "The CASE provider has no such package",
                [Problem(("url",), "the provider answered 404: no package at this URL")],
            )
        if status != 200:
            raise Invalid(
                "The CASE provider did not answer with a package",
                [Problem(("url",), f"the provider answered {status}")],
            )

    async def _body(self, response: httpx.Response, url: str) -> bytes:
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self._max_bytes:
            raise self._too_large()
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self._max_bytes:
                raise self._too_large()
            chunks.append(chunk)
        body = b"".join(chunks)
        kind = response.headers.get("content-type", "")
        if "json" not in kind and not body.lstrip().startswith((b"{", b"[")):
            raise Invalid(
                "The CASE provider did not answer with JSON",
                [Problem(("url",), f"the answer is {kind or 'untyped'}, not a CASE package")],
            )
        return body

    def _too_large(self) -> Invalid:
        return Invalid(
            "The CASE package is too large",
            [Problem(("url",), f"the answer exceeds {self._max_bytes} bytes")],
        )

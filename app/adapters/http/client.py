"""The one door for the service's own requests to other systems (CASE providers, the SIS, later
LMS platforms and webhooks): every URL is checked at every redirect hop, every connection goes
to an address that passed the policy, answers are capped in size and requests in total time,
and failures are `OutboundError`s that name their kind, never what the remote sent."""

from __future__ import annotations

import asyncio
import errno
import json
import socket
import ssl
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

import httpx

from app.adapters.http.errors import (
    BadAnswer,
    ConnectFailed,
    DnsFailure,
    HttpStatus,
    OutboundError,
    RefusedUrl,
    TimedOut,
    TlsFailure,
    TooLarge,
    TooManyRedirects,
    host_of,
)
from app.adapters.http.pinning import (
    PinnedNetworkBackend,
    PinnedTransport,
    Resolver,
    SystemResolver,
)
from app.adapters.http.policy import OutboundPolicy

MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Answer:
    """A remote's whole answer (within the size cap) and the URL that gave it."""

    status: int
    headers: httpx.Headers
    url: httpx.URL
    body: bytes

    def json(self) -> object:
        """The body as JSON; ValueError when it is not."""
        return json.loads(self.body)

    def link(self, rel: str) -> str | None:
        """The URL of the Link header's entry for `rel` (RFC 8288), as written."""
        found = httpx.Response(self.status, headers=self.headers).links.get(rel, {})
        return found.get("url")

    def expect(self, *statuses: int) -> Answer:
        """This answer, or HttpStatus when its status is not one of `statuses`."""
        if self.status not in statuses:
            raise HttpStatus(self.url, self.status)
        return self


class _CheckedTransport(httpx.AsyncBaseTransport):
    """Checks the URL of each request it sends, so a redirect hop is checked like the first."""

    def __init__(self, policy: OutboundPolicy, inner: httpx.AsyncBaseTransport) -> None:
        self._policy = policy
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._policy.check_url(request.url)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


class OutboundHttp:
    """Opens sessions to other systems under one policy. `resolver` and `ssl_context` replace
    the system's in tests; `transport` replaces the network with an in-process fake (the URL
    checks still apply, the address checks need a real connection). `extra_ca_file` (PEM) is
    trusted besides the public authorities: a district's own CA."""

    def __init__(
        self,
        policy: OutboundPolicy,
        *,
        resolver: Resolver | None = None,
        ssl_context: ssl.SSLContext | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        max_redirects: int = MAX_REDIRECTS,
        extra_ca_file: Path | None = None,
    ) -> None:
        self.policy = policy
        self._extra_ca_file = extra_ca_file
        self._resolver = resolver or SystemResolver()
        self._ssl_context = ssl_context
        self._transport = transport
        self._max_redirects = max_redirects

    def session(self, *, timeout_seconds: float, max_bytes: int) -> OutboundSession:
        """A session (its connections kept between requests); close it, or use `async with`."""
        inner = self._transport or self._pinned()
        client = httpx.AsyncClient(
            transport=_CheckedTransport(self.policy, inner),
            timeout=timeout_seconds,
            max_redirects=self._max_redirects,
            trust_env=False,  # no proxy, no .netrc credentials from the environment
            headers={"User-Agent": "mastery-service"},
        )
        return OutboundSession(client, timeout_seconds, max_bytes, self._max_redirects)

    def _pinned(self) -> PinnedTransport:
        if self._ssl_context is None:  # built on first use: loading the CA bundle takes a while
            self._ssl_context = httpx.create_ssl_context(trust_env=False)
            if self._extra_ca_file is not None:
                self._ssl_context.load_verify_locations(cafile=self._extra_ca_file)
        return PinnedTransport(PinnedNetworkBackend(self.policy, self._resolver), self._ssl_context)


class OutboundSession:
    def __init__(
        self, client: httpx.AsyncClient, timeout: float, max_bytes: int, max_redirects: int
    ) -> None:
        self._client = client
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._max_redirects = max_redirects

    async def get(
        self, url: str, *, headers: Mapping[str, str] | None = None, follow_redirects: bool = True
    ) -> Answer:
        return await self.request("GET", url, headers=headers, follow_redirects=follow_redirects)

    async def post_form(
        self, url: str, data: Mapping[str, str], *, basic: tuple[str, str] | None = None
    ) -> Answer:
        """A form POST, never redirected (credentials and form go to this URL and no other)."""
        return await self.request("POST", url, data=data, basic=basic, follow_redirects=False)

    async def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        content: bytes | None = None,
        basic: tuple[str, str] | None = None,
        follow_redirects: bool = True,
    ) -> Answer:
        """The whole answer, whatever its status; an OutboundError when there is none.
        Redirects drop the Authorization header when they leave the origin (httpx's rule)."""
        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, UnicodeError):  # UnicodeError: a host that is not IDNA
            raise RefusedUrl("the URL", "it is not a valid URL") from None
        try:
            async with asyncio.timeout(self._timeout):
                async with self._client.stream(
                    method,
                    target,
                    headers=headers,
                    data=data,
                    content=content,
                    auth=basic,
                    follow_redirects=follow_redirects,
                ) as response:
                    body = await self._read(response)
        except TimeoutError:
            raise TimedOut(host_of(target), self._late()) from None
        except httpx.HTTPError as exc:
            raise self._classified(exc, target) from None
        except UnicodeError:  # a host, or a redirect's, that is not valid IDNA
            raise RefusedUrl(
                host_of(target), "it is not a valid URL, or redirects to one"
            ) from None
        return Answer(response.status_code, response.headers, response.url, body)

    async def _read(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._max_bytes:
            raise self._too_large(response.url)
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self._max_bytes:
                raise self._too_large(response.url)  # closing the stream stops the reading
            chunks.append(chunk)
        return b"".join(chunks)

    def _too_large(self, url: httpx.URL) -> TooLarge:
        return TooLarge(host_of(url), f"the answer exceeds {self._max_bytes} bytes")

    def _late(self) -> str:
        return f"no answer within {self._timeout:g} seconds"

    def _classified(self, exc: httpx.HTTPError, target: httpx.URL) -> OutboundError:
        try:
            host = host_of(exc.request.url)
        except RuntimeError:  # an error raised before any request was built
            host = host_of(target)
        if isinstance(exc, httpx.TooManyRedirects):
            return TooManyRedirects(host, f"more than {self._max_redirects} redirects")
        if isinstance(exc, httpx.TimeoutException):
            return TimedOut(host, self._late())
        if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
            return RefusedUrl(host, "only http and https URLs are fetched")
        if isinstance(exc, httpx.ConnectError):
            return _connect_failure(exc, host)
        if isinstance(exc, httpx.DecodingError):
            return BadAnswer(host, "the answer's content encoding is broken")
        return BadAnswer(host, "the connection broke off or the answer is not valid HTTP")

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


_UNREACHABLE = {errno.EHOSTUNREACH: "host unreachable", errno.ENETUNREACH: "network unreachable"}


def _connect_failure(exc: httpx.ConnectError, host: str) -> OutboundError:
    """What stopped the connection, from the operating system's error beneath httpx's."""
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLError):  # before OSError: SSLError is one
            detail = getattr(cause, "verify_message", None) or cause.reason or "handshake failed"
            return TlsFailure(host, f"the TLS handshake failed ({detail})")
        if isinstance(cause, socket.gaierror):
            return DnsFailure(host, "the name does not resolve")
        if isinstance(cause, ConnectionRefusedError):
            return ConnectFailed(host, "connection refused")
        if isinstance(cause, OSError) and cause.errno in _UNREACHABLE:
            return ConnectFailed(host, _UNREACHABLE[cause.errno])
    return ConnectFailed(host, "the connection failed")


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)

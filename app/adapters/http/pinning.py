"""Connecting only to checked addresses: the host name is resolved once, every address of the
answer is checked, and the connection is opened to a checked address itself. A DNS answer
that changes between the check and the connection (DNS rebinding) therefore cannot reach a
refused address. The request keeps the name: httpcore sends it as the Host header and uses it
for TLS SNI and certificate verification, since only the socket's peer is pinned."""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Iterable
from ipaddress import ip_address
from typing import Protocol

import httpcore
import httpx

from app.adapters.http.addresses import IPAddress
from app.adapters.http.errors import DnsFailure, where
from app.adapters.http.policy import OutboundPolicy


class Resolver(Protocol):
    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        """The addresses a host name has, in the order to try them; DnsFailure when none."""
        ...


class SystemResolver:
    """The operating system's resolver (getaddrinfo), as every other program on the host."""

    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        loop = asyncio.get_running_loop()
        try:
            answers = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            raise DnsFailure(where(host, port), "the name does not resolve") from None
        found: list[IPAddress] = []
        for *_, sockaddr in answers:
            address = ip_address(sockaddr[0])
            if address not in found:
                found.append(address)
        if not found:
            raise DnsFailure(where(host, port), "the name has no address")
        return found


def _literal(host: str) -> IPAddress | None:
    try:
        return ip_address(host)
    except ValueError:
        return None


class PinnedNetworkBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend with the address check between resolution and connect."""

    def __init__(
        self,
        policy: OutboundPolicy,
        resolver: Resolver,
        inner: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self._policy = policy
        self._resolver = resolver
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's signature)
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        literal = _literal(host)
        try:
            async with asyncio.timeout(timeout):
                addresses = [literal] if literal else await self._resolver.resolve(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"resolving {host} took too long") from None
        # Every address of the answer must pass, not just the first: an answer mixing public
        # and internal addresses is a rebinding attempt, whichever the connection would use.
        for address in addresses:
            self._policy.check_address(host, port, address)
        failure: httpcore.ConnectError | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as exc:
                failure = exc
        assert failure is not None, "a resolver answers at least one address"
        raise failure

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's HTTP transport (HTTP/1.1, no proxy, nothing from the environment) over the
    pinned backend. httpx takes no network backend of its own, so the connection pool it
    would build is replaced by the same pool built with one."""

    def __init__(self, backend: httpcore.AsyncNetworkBackend, ssl_context: ssl.SSLContext) -> None:
        limits = httpx.Limits(max_connections=20, max_keepalive_connections=5)
        super().__init__(verify=ssl_context, trust_env=False, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend,
        )

"""Where the service may send a request: http(s) URLs, https unless allowed otherwise, and only
to globally reachable addresses unless the operator's allow-list
(MASTERY_OUTBOUND_ALLOWED_HOSTS) names the host or its address."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network

import httpx

from app.adapters.http.addresses import IPAddress, refusal
from app.adapters.http.errors import RefusedAddress, RefusedUrl, host_of, where

_HOST_NAME = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)(\.(?!-)[a-z0-9_-]{1,63}(?<!-))*$")
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class AllowedHost:
    """One allow-list entry: a host name, or an IP address or network (CIDR), each with an
    optional port (`sis.example`, `sis.example:8443`, `10.20.0.0/16`, `[fd00::5]:8080`)."""

    name: str | None = None
    network: IPv4Network | IPv6Network | None = None
    port: int | None = None

    @classmethod
    def parse(cls, entry: str) -> AllowedHost:
        """The entry as written by an operator; ValueError when it is none of the forms."""
        text = entry.strip().lower()
        host, port = _split_port(text)
        try:
            return cls(network=ip_network(host, strict=False), port=port)
        except ValueError:
            pass
        name = host.rstrip(".")
        if len(name) > 253 or not _HOST_NAME.match(name):
            raise ValueError(f"{entry!r} is not a host name, IP address or network")
        return cls(name=name, port=port)

    def names(self, host: str, port: int) -> bool:
        """Whether this entry names a URL's host (a name, or an address literal)."""
        if self.port is not None and self.port != port:
            return False
        if self.name is not None:
            return host.lower().rstrip(".") == self.name
        address = _literal(host)
        return address is not None and self.covers(address, port)

    def covers(self, address: IPAddress, port: int) -> bool:
        """Whether this entry is a network holding the address (on its port, if it has one)."""
        if self.network is None or (self.port is not None and self.port != port):
            return False
        return address.version == self.network.version and address in self.network


def _split_port(text: str) -> tuple[str, int | None]:
    if text.startswith("["):
        host, bracket, rest = text[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            raise ValueError(f"{text!r} is not [IPv6 address] or [IPv6 address]:port")
        return host, _port(rest[1:], text) if rest else None
    if text.count(":") == 1:  # more than one colon: an IPv6 address without a port
        host, _, port = text.partition(":")
        return host, _port(port, text)
    return text, None


def _port(text: str, entry: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise ValueError(f"{entry!r} has no valid port")
    return int(text)


def _literal(host: str) -> IPAddress | None:
    try:
        return ip_address(host)
    except ValueError:
        return None


class OutboundPolicy:
    """The checks every outbound request passes: the URL before each hop, and each address
    a host name resolves to before a connection is opened to it."""

    def __init__(self, allowed: Iterable[AllowedHost] = (), *, allow_http: bool = False) -> None:
        self.allowed = tuple(allowed)
        self.allow_http = allow_http

    @classmethod
    def from_settings(cls, entries: Iterable[str], *, allow_http: bool) -> OutboundPolicy:
        return cls([AllowedHost.parse(e) for e in entries if e.strip()], allow_http=allow_http)

    def names(self, host: str, port: int) -> bool:
        """Whether the allow-list names this host (by name, or as an address it covers)."""
        return any(entry.names(host, port) for entry in self.allowed)

    def check_url(self, url: httpx.URL) -> None:
        """Refuse a URL the service does not fetch: not http(s), no host, or plain http to a
        host the allow-list does not name (unless MASTERY_OUTBOUND_ALLOW_HTTP)."""
        host = url.raw_host.decode("ascii")  # as DNS sees it: an allow-list names ASCII hosts
        if url.scheme not in _DEFAULT_PORTS or not host:
            raise RefusedUrl(host_of(url) or "the URL", "only http and https URLs are fetched")
        port = url.port or _DEFAULT_PORTS[url.scheme]
        if url.scheme == "http" and not self.allow_http and not self.names(host, port):
            raise RefusedUrl(
                host_of(url),
                "plain http is used only for hosts MASTERY_OUTBOUND_ALLOWED_HOSTS names; use https",
            )

    def refusal(self, url: str) -> str | None:
        """Why a URL would be refused before any connection (None: it would be tried), for
        checking a URL when it is stored (a webhook's)."""
        try:
            parsed = httpx.URL(url)
            self.check_url(parsed)
        except (httpx.InvalidURL, UnicodeError):
            return "is not a valid URL"
        except RefusedUrl as refused:
            return refused.reason
        return None

    def check_address(self, host: str, port: int, address: IPAddress) -> None:
        """Refuse an address that is not globally reachable, unless the allow-list names the
        host or covers the address."""
        kind = refusal(address)
        if kind is None or self.names(host, port):
            return
        if any(entry.covers(address, port) for entry in self.allowed):
            return
        raise RefusedAddress(where(host, port), kind)

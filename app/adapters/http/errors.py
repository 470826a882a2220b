"""Why an outbound request failed, one class per kind of failure. An error names the host (and
for an answer's status, the path) and the kind; it never carries anything the remote sent, so
an error shown to a caller cannot leak what an internal service answered."""

from __future__ import annotations

import httpx


def where(host: str, port: int | None) -> str:
    """A host as an error names it: with its port unless that is http's or https's default."""
    shown = f"[{host}]" if ":" in host else host
    return shown if port in (None, 80, 443) else f"{shown}:{port}"


def host_of(url: httpx.URL) -> str:
    """The URL's host in its ASCII form (punycode), as DNS and the connection see it."""
    return where(url.raw_host.decode("ascii"), url.port)


class OutboundError(Exception):
    """An outbound request that did not get an answer the caller can use; `transient` when
    trying again later may succeed."""

    transient: bool = False

    def __init__(self, host: str, reason: str) -> None:
        self.host = host
        self.reason = reason
        super().__init__(f"{host}: {reason}")


class RefusedUrl(OutboundError):
    """The URL is not one the service fetches (not http or https, or plain http not allowed)."""


class RefusedAddress(OutboundError):
    """The host is, or resolves to, an address the service does not call (loopback, private,
    link-local, ...); `kind` names which."""

    def __init__(self, host: str, kind: str) -> None:
        self.kind = kind
        super().__init__(
            host,
            f"it is a {kind} address, which the service calls only when "
            "MASTERY_OUTBOUND_ALLOWED_HOSTS names it",
        )


class DnsFailure(OutboundError):
    transient = True


class ConnectFailed(OutboundError):
    """No connection: refused, host or network unreachable."""

    transient = True


class TimedOut(OutboundError):
    transient = True


class TlsFailure(OutboundError):
    """The TLS handshake failed, typically a certificate that does not verify for the name."""


class BadAnswer(OutboundError):
    """The remote broke the HTTP protocol or closed the connection mid-answer."""

    transient = True


class TooLarge(OutboundError):
    pass


class TooManyRedirects(OutboundError):
    pass


class HttpStatus(OutboundError):
    """The remote answered with a status the caller cannot use."""

    def __init__(self, url: httpx.URL, status: int) -> None:
        self.status = status
        self.path = url.path
        self.transient = status == 429 or status >= 500
        super().__init__(host_of(url), f"answered {status} at {url.path}")

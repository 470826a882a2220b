"""The guarded outbound HTTP client that every server-side fetch goes through."""

from app.adapters.http.client import Answer, OutboundHttp, OutboundSession
from app.adapters.http.errors import (
    BadAnswer,
    ConnectFailed,
    DnsFailure,
    HttpStatus,
    OutboundError,
    RefusedAddress,
    RefusedUrl,
    TimedOut,
    TlsFailure,
    TooLarge,
    TooManyRedirects,
)
from app.adapters.http.pinning import Resolver, SystemResolver
from app.adapters.http.policy import AllowedHost, OutboundPolicy

__all__ = [
    "AllowedHost",
    "Answer",
    "BadAnswer",
    "ConnectFailed",
    "DnsFailure",
    "HttpStatus",
    "OutboundError",
    "OutboundHttp",
    "OutboundPolicy",
    "OutboundSession",
    "RefusedAddress",
    "RefusedUrl",
    "Resolver",
    "SystemResolver",
    "TimedOut",
    "TlsFailure",
    "TooLarge",
    "TooManyRedirects",
]

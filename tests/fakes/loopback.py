"""A plain HTTP/1.1 server on a free 127.0.0.1 port that records every connection and request
and answers what the test says: the internal service an attacker aims the service at, or a
remote system the allow-list lets through. Written on asyncio streams so that it counts TCP
connections too (a guard must not even connect), and can serve TLS with a test certificate."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self


@dataclass(frozen=True)
class Received:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    # Without a Content-Length the body runs until the connection closes.
    declare_length: bool = True


Responder = Callable[[Received], Reply]
SECRET_BODY = b'{"internal": "TOP-SECRET-METADATA-do-not-echo"}'


def secret(_: Received) -> Reply:
    """What an internal service would answer: a body no error may repeat."""
    return Reply(200, SECRET_BODY, {"Content-Type": "application/json"})


class Listener:
    def __init__(self, respond: Responder = secret, tls: ssl.SSLContext | None = None) -> None:
        self._respond = respond
        self._tls = tls
        self.connections = 0
        self.requests: list[Received] = []
        self._server: asyncio.Server | None = None
        self.port = 0

    def url(self, path: str = "/", scheme: str | None = None) -> str:
        scheme = scheme or ("https" if self._tls else "http")
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    async def __aenter__(self) -> Self:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self._tls)
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            line, *lines = head.decode("latin-1").split("\r\n")
            method, target, _ = line.split(" ", 2)
            headers = {
                k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in lines if h)
            }
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            received = Received(method, target, headers, body)
            self.requests.append(received)
            reply = self._respond(received)
            headers = dict(reply.headers, Connection="close")
            if reply.declare_length:
                headers["Content-Length"] = str(len(reply.body))
            fields = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
            writer.write(f"HTTP/1.1 {reply.status} Answer\r\n{fields}\r\n".encode() + reply.body)
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass  # a client that hung up, or refused our certificate
        finally:
            writer.close()

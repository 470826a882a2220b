"""The guarded outbound client against real loopback servers: refused addresses are never
connected to, each redirect hop is checked again, the connection goes to the address that was
checked (DNS rebinding), TLS keeps the name, and size, time and failures are bounded and named."""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Iterable
from ipaddress import ip_address
from pathlib import Path

import httpcore
import pytest

from app.adapters.http import (
    ConnectFailed,
    HttpStatus,
    OutboundHttp,
    OutboundPolicy,
    RefusedAddress,
    RefusedUrl,
    TimedOut,
    TlsFailure,
    TooLarge,
    TooManyRedirects,
)
from app.adapters.http.addresses import IPAddress
from app.adapters.http.pinning import PinnedNetworkBackend, PinnedTransport, SystemResolver
from tests.fakes.certificates import tls_for
from tests.fakes.loopback import SECRET_BODY, Listener, Received, Reply

LIMITS = {"timeout_seconds": 5.0, "max_bytes": 1000}


def _http(*allowed: str, allow_http: bool = True, **kw: object) -> OutboundHttp:
    policy = OutboundPolicy.from_settings(allowed, allow_http=allow_http)
    return OutboundHttp(policy, **kw)  # type: ignore[arg-type]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Answers:
    """A resolver stub: each lookup of a name takes the next answer (the last one repeats)."""

    def __init__(self, *answers: Iterable[str]) -> None:
        self._answers = [[ip_address(a) for a in answer] for answer in answers]
        self.lookups: list[str] = []

    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        self.lookups.append(host)
        return self._answers[min(len(self.lookups), len(self._answers)) - 1]


class Recording(httpcore.AsyncNetworkBackend):
    """Stands in for the network: records where connections go and answers 200 to each, so a
    test can resolve a name to a public address without sending anything off the machine."""

    def __init__(self) -> None:
        self.connected: list[tuple[str, int]] = []
        self.sent = bytearray()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109
        **_: object,
    ) -> httpcore.AsyncNetworkStream:
        self.connected.append((host, port))
        return _Canned(self)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class _Canned(httpcore.AsyncNetworkStream):
    def __init__(self, backend: Recording) -> None:
        self._backend = backend
        self._answer = [b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"]

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:  # noqa: ASYNC109
        return self._answer.pop(0) if self._answer else b""

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:  # noqa: ASYNC109
        self._backend.sent += buffer

    async def aclose(self) -> None:
        pass


async def test_a_loopback_address_is_refused_without_connecting() -> None:
    async with Listener() as internal, _http().session(**LIMITS) as session:
        with pytest.raises(RefusedAddress) as refused:
            await session.get(internal.url("/latest/meta-data"))
    assert refused.value.kind == "loopback"
    assert refused.value.host == f"127.0.0.1:{internal.port}"
    assert internal.connections == 0


async def test_a_name_that_resolves_to_loopback_is_refused_without_connecting() -> None:
    async with (
        Listener() as internal,
        _http(resolver=SystemResolver()).session(**LIMITS) as session,
    ):
        with pytest.raises(RefusedAddress) as refused:
            await session.get(f"http://localhost:{internal.port}/")
    assert (refused.value.kind, internal.connections) == ("loopback", 0)


async def test_an_allow_listed_loopback_host_is_fetched_with_its_own_host_header() -> None:
    async with (
        Listener() as sis,
        _http("127.0.0.1", allow_http=False).session(**LIMITS) as session,
    ):
        answer = await session.get(sis.url("/ims/oneroster/v1p1/orgs?limit=2"))
    assert (answer.status, answer.body) == (200, SECRET_BODY)
    assert [(r.method, r.target) for r in sis.requests] == [
        ("GET", "/ims/oneroster/v1p1/orgs?limit=2")
    ]
    assert sis.requests[0].headers["host"] == f"127.0.0.1:{sis.port}"


async def test_dns_rebinding_cannot_reach_an_address_that_was_not_checked() -> None:
    # The name answers a public address first and loopback next. Each connection resolves
    # once and connects to the very address it checked, so the second answer is refused.
    answers = Answers(["8.8.8.8"], ["127.0.0.1"])
    network = Recording()
    policy = OutboundPolicy.from_settings((), allow_http=True)
    transport = PinnedTransport(PinnedNetworkBackend(policy, answers, network), _no_tls())
    http = OutboundHttp(policy, transport=transport)
    async with http.session(**LIMITS) as session:
        first = await session.get("http://sis.example/ims")
    assert first.status == 200
    assert network.connected == [("8.8.8.8", 80)]
    async with http.session(**LIMITS) as session:
        with pytest.raises(RefusedAddress) as refused:
            await session.get("http://sis.example/ims")
    assert refused.value.kind == "loopback"
    assert answers.lookups == ["sis.example", "sis.example"]
    assert network.connected == [("8.8.8.8", 80)]  # nothing more: 127.0.0.1 never connected


async def test_an_answer_mixing_public_and_internal_addresses_is_refused_whole() -> None:
    network = Recording()
    policy = OutboundPolicy.from_settings((), allow_http=True)
    backend = PinnedNetworkBackend(policy, Answers(["8.8.8.8", "169.254.169.254"]), network)
    http = OutboundHttp(policy, transport=PinnedTransport(backend, _no_tls()))
    async with http.session(**LIMITS) as session:
        with pytest.raises(RefusedAddress) as refused:
            await session.get("http://sis.example/")
    assert (refused.value.kind, network.connected) == ("link-local", [])


async def test_the_connection_is_pinned_but_the_request_keeps_the_name() -> None:
    network = Recording()
    policy = OutboundPolicy.from_settings((), allow_http=True)
    backend = PinnedNetworkBackend(policy, Answers(["93.184.215.14"]), network)
    http = OutboundHttp(policy, transport=PinnedTransport(backend, _no_tls()))
    async with http.session(**LIMITS) as session:
        await session.get("http://sis.example:8080/ims")
    assert network.connected == [("93.184.215.14", 8080)]
    assert network.sent.startswith(b"GET /ims HTTP/1.1\r\n")
    assert b"\r\nHost: sis.example:8080\r\n" in network.sent


def _no_tls() -> ssl.SSLContext:
    return ssl.create_default_context()


def _redirect(to: str, status: int = 302) -> Reply:
    return Reply(status, b"", {"Location": to})


async def test_a_redirect_into_a_refused_address_is_refused_at_that_hop() -> None:
    async with (
        Listener() as internal,
        Listener(lambda _: _redirect(internal.url("/admin"))) as sis,
        _http(f"127.0.0.1:{sis.port}").session(**LIMITS) as session,
    ):
        with pytest.raises(RefusedAddress) as refused:
            await session.get(sis.url("/start"))
    assert refused.value.host == f"127.0.0.1:{internal.port}"
    assert (len(sis.requests), internal.connections) == (1, 0)


async def test_a_redirect_to_the_metadata_service_or_another_scheme_is_refused() -> None:
    targets = {
        "/metadata": "https://169.254.169.254/latest/meta-data/",
        "/file": "file:///etc/passwd",
        "/plain": "http://example.com/",  # plain http to a host the allow-list does not name
        "/idna": "https://xn--/",  # a host name that is not valid IDNA
    }
    async with (
        Listener(lambda r: _redirect(targets[r.target])) as sis,
        _http("127.0.0.1", allow_http=False).session(**LIMITS) as session,
    ):
        with pytest.raises(RefusedAddress) as metadata:
            await session.get(sis.url("/metadata"))
        with pytest.raises(RefusedUrl) as file:
            await session.get(sis.url("/file"))
        with pytest.raises(RefusedUrl) as plain:
            await session.get(sis.url("/plain"))
        with pytest.raises(RefusedUrl) as idna:
            await session.get(sis.url("/idna"))
        with pytest.raises(RefusedUrl) as invalid:
            await session.get("https://xn--/")
    assert metadata.value.kind == "link-local"
    assert file.value.reason == "only http and https URLs are fetched"
    assert plain.value.host == "example.com"
    assert plain.value.reason.startswith("plain http is used only for hosts")
    assert str(idna.value) == f"127.0.0.1:{sis.port}: it is not a valid URL, or redirects to one"
    assert str(invalid.value) == "xn--: it is not a valid URL, or redirects to one"


async def test_redirects_are_followed_to_a_limit() -> None:
    def hop(received: Received) -> Reply:
        step = int(received.target.strip("/") or 0)
        return _redirect(f"/{step + 1}") if step < 3 else Reply(200, b"{}")

    async with Listener(hop) as sis, _http("127.0.0.1").session(**LIMITS) as session:
        answer = await session.get(sis.url("/"))
        assert (answer.status, str(answer.url)) == (200, sis.url("/3"))
    async with (
        Listener(lambda r: _redirect(r.target)) as loop,
        _http("127.0.0.1").session(**LIMITS) as session,
    ):
        with pytest.raises(TooManyRedirects):
            await session.get(loop.url("/again"))
    assert len(loop.requests) == 6  # the first request and five redirects


async def test_credentials_do_not_follow_a_redirect_to_another_origin() -> None:
    async with (
        Listener() as elsewhere,
        Listener(lambda _: _redirect(elsewhere.url("/x"))) as sis,
        _http("127.0.0.1").session(**LIMITS) as session,
    ):
        await session.get(sis.url("/"), headers={"Authorization": "Bearer t0k"})
        answer = await session.post_form(sis.url("/token"), {"a": "b"}, basic=("id", "s"))
    assert sis.requests[0].headers["authorization"] == "Bearer t0k"
    assert "authorization" not in elsewhere.requests[0].headers
    # A form POST (a token request) is never redirected: its credentials stay where they were sent.
    assert answer.status == 302
    assert [r.target for r in elsewhere.requests] == ["/x"]


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "streamed"])
async def test_an_answer_over_the_size_cap_is_refused(declared: bool) -> None:
    big = Reply(200, b"x" * 5000, declare_length=declared)
    async with (
        Listener(lambda _: big) as sis,
        _http("127.0.0.1").session(timeout_seconds=5, max_bytes=1000) as session,
    ):
        with pytest.raises(TooLarge) as large:
            await session.get(sis.url("/"))
    assert str(large.value) == f"127.0.0.1:{sis.port}: the answer exceeds 1000 bytes"


async def test_a_silent_server_times_out_within_the_total_time() -> None:
    held: list[asyncio.StreamWriter] = []

    async def never_answer(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with _http("127.0.0.1").session(timeout_seconds=0.3, max_bytes=1000) as session:
            loop = asyncio.get_running_loop()
            started = loop.time()
            with pytest.raises(TimedOut) as late:
                await session.get(f"http://127.0.0.1:{port}/")
            assert loop.time() - started < 2
    finally:
        for writer in held:
            writer.close()
        server.close()
        await server.wait_closed()
    assert late.value.reason == "no answer within 0.3 seconds"


async def test_a_closed_port_is_named_connection_refused() -> None:
    port = _free_port()
    async with _http("127.0.0.1").session(**LIMITS) as session:
        with pytest.raises(ConnectFailed) as failed:
            await session.get(f"http://127.0.0.1:{port}/")
    assert str(failed.value) == f"127.0.0.1:{port}: connection refused"


async def test_tls_verifies_the_name_while_the_connection_goes_to_the_checked_address() -> None:
    tls = tls_for("sis.test")
    resolver = Answers(["127.0.0.1"])
    http = _http("sis.test", "other.test", resolver=resolver, ssl_context=tls.client)
    async with Listener(tls=tls.server) as sis, http.session(**LIMITS) as session:
        answer = await session.get(f"https://sis.test:{sis.port}/ims")
        with pytest.raises(TlsFailure) as mismatch:
            await session.get(f"https://other.test:{sis.port}/ims")
    assert (answer.status, sis.requests[0].headers["host"]) == (200, f"sis.test:{sis.port}")
    assert "other.test" in mismatch.value.reason  # the certificate does not name other.test
    assert len(sis.requests) == 1


async def test_an_extra_ca_file_is_trusted_besides_the_public_ones(tmp_path: Path) -> None:
    # MASTERY_OUTBOUND_CA_FILE: a district's own CA. Without it the same server fails to verify.
    tls = tls_for("lms.test")
    (tmp_path / "ca.pem").write_bytes(tls.authority_pem)
    resolver = Answers(["127.0.0.1"])
    trusting = _http("lms.test", resolver=resolver, extra_ca_file=tmp_path / "ca.pem")
    public_only = _http("lms.test", resolver=resolver)
    async with Listener(tls=tls.server) as lms:
        async with trusting.session(**LIMITS) as session:
            answer = await session.get(f"https://lms.test:{lms.port}/jwks")
        async with public_only.session(**LIMITS) as session:
            with pytest.raises(TlsFailure) as untrusted:
                await session.get(f"https://lms.test:{lms.port}/jwks")
    assert answer.status == 200
    assert "certificate" in untrusted.value.reason
    assert len(lms.requests) == 1


async def test_a_status_error_names_the_status_and_path_and_never_the_body() -> None:
    async with (
        Listener(lambda _: Reply(401, SECRET_BODY)) as sis,
        _http("127.0.0.1").session(**LIMITS) as session,
    ):
        answer = await session.get(sis.url("/ims/oneroster/v1p1/users?limit=5"))
    with pytest.raises(HttpStatus) as status:
        answer.expect(200)
    assert str(status.value) == f"127.0.0.1:{sis.port}: answered 401 at /ims/oneroster/v1p1/users"
    assert status.value.transient is False

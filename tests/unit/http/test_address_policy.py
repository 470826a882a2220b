"""Which addresses the service refuses to call, in every IPv4 and IPv6 form, and what the
operator's allow-list lets through. The kinds are the IANA special-purpose registries' ranges,
written out here by hand, independently of the stdlib properties the policy is built on."""

from __future__ import annotations

from ipaddress import ip_address, ip_network

import httpx
import pytest

from app.adapters.http import AllowedHost, OutboundPolicy, RefusedAddress, RefusedUrl
from app.adapters.http.addresses import refusal

REFUSED = [
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("127.0.0.1", "loopback"),
    ("127.255.255.254", "loopback"),
    ("::1", "loopback"),
    ("10.0.0.1", "private"),
    ("172.16.0.1", "private"),
    ("172.31.255.255", "private"),
    ("192.168.1.1", "private"),
    ("fc00::1", "private"),
    ("fd12:3456::1", "private"),
    ("100.64.0.1", "shared (carrier-grade NAT)"),
    ("100.127.255.254", "shared (carrier-grade NAT)"),
    ("169.254.169.254", "link-local"),  # the cloud metadata service
    ("fe80::1", "link-local"),
    ("224.0.0.1", "multicast"),
    ("239.255.255.250", "multicast"),
    ("ff02::1", "multicast"),
    ("ff0e::1", "multicast"),
    ("240.0.0.1", "reserved"),
    ("255.255.255.255", "reserved"),
    ("192.0.2.10", "documentation"),
    ("198.51.100.10", "documentation"),
    ("203.0.113.10", "documentation"),
    ("2001:db8::1", "documentation"),
    ("3fff::1", "documentation"),
    ("198.18.0.1", "benchmarking"),
    ("198.19.255.254", "benchmarking"),
    ("2001:2::1", "benchmarking"),
    ("fec0::1", "site-local"),
    ("0.1.2.3", "private"),  # "this network"
    ("192.0.0.8", "non-global"),  # IETF protocol assignments (Python 3.11: "global")
    ("2001::1", "private"),  # Teredo
    ("64:ff9b:1::a00:1", "reserved"),  # local-use NAT64
    ("5f00::1", "reserved"),  # SRv6 SIDs
    ("100::1", "reserved"),  # discard-only
    # IPv6 forms of refused IPv4 addresses: the IPv4 address decides.
    ("::ffff:127.0.0.1", "loopback"),
    ("::ffff:169.254.169.254", "link-local"),
    ("::ffff:10.1.2.3", "private"),
    ("64:ff9b::7f00:1", "loopback"),  # NAT64 of 127.0.0.1
    ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 of 169.254.169.254
    ("2002:7f00:1::1", "loopback"),  # 6to4 of 127.0.0.1
    ("2002:c0a8:101::1", "private"),  # 6to4 of 192.168.1.1
    ("::7f00:1", "reserved"),  # IPv4-compatible (deprecated) 127.0.0.1
]

PUBLIC = [
    "8.8.8.8",
    "1.1.1.1",
    "93.184.215.14",
    "100.63.255.255",  # just below the shared space
    "100.128.0.1",  # just above it
    "172.32.0.1",  # just above 172.16/12
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",  # IPv4-mapped public
    "64:ff9b::808:808",  # NAT64 of 8.8.8.8, as on an IPv6-only network with DNS64
    "2002:808:808::1",  # 6to4 of 8.8.8.8
]


@pytest.mark.parametrize(("address", "kind"), REFUSED)
def test_addresses_that_are_not_globally_reachable_are_refused_by_kind(
    address: str, kind: str
) -> None:
    assert refusal(ip_address(address)) == kind


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_called(address: str) -> None:
    assert refusal(ip_address(address)) is None


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("sis.example", AllowedHost(name="sis.example")),
        ("SIS.Example.", AllowedHost(name="sis.example")),
        ("sis.example:8443", AllowedHost(name="sis.example", port=8443)),
        ("127.0.0.1", AllowedHost(network=ip_network("127.0.0.1/32"))),
        ("127.0.0.1:9000", AllowedHost(network=ip_network("127.0.0.1/32"), port=9000)),
        ("10.20.0.0/16", AllowedHost(network=ip_network("10.20.0.0/16"))),
        ("fd00::/8", AllowedHost(network=ip_network("fd00::/8"))),
        ("::1", AllowedHost(network=ip_network("::1/128"))),
        ("[::1]:8080", AllowedHost(network=ip_network("::1/128"), port=8080)),
    ],
)
def test_allow_list_entries_are_read_in_each_form(entry: str, expected: AllowedHost) -> None:
    assert AllowedHost.parse(entry) == expected


@pytest.mark.parametrize(
    "entry",
    ["", "sis.example:http", "sis.example:0", "sis.example:70000", "[::1", "bad host", "-a.b"],
)
def test_an_allow_list_entry_of_no_known_form_is_refused(entry: str) -> None:
    with pytest.raises(ValueError):
        AllowedHost.parse(entry)


def _policy(*entries: str, allow_http: bool = False) -> OutboundPolicy:
    return OutboundPolicy.from_settings(entries, allow_http=allow_http)


@pytest.mark.parametrize(
    ("entries", "host", "port", "address", "refused"),
    [
        ((), "sis.example", 443, "127.0.0.1", "loopback"),
        ((), "sis.example", 443, "8.8.8.8", None),
        (("sis.example",), "sis.example", 443, "127.0.0.1", None),
        (("SIS.example",), "sis.example.", 443, "10.1.1.1", None),
        (("other.example",), "sis.example", 443, "127.0.0.1", "loopback"),
        (("sis.example:8443",), "sis.example", 443, "10.0.0.1", "private"),
        (("sis.example:8443",), "sis.example", 8443, "10.0.0.1", None),
        (("10.20.0.0/16",), "any.example", 443, "10.20.3.4", None),
        (("10.20.0.0/16",), "any.example", 443, "10.21.0.1", "private"),
        (("127.0.0.1:9000",), "127.0.0.1", 9000, "127.0.0.1", None),
        (("127.0.0.1:9000",), "127.0.0.1", 9001, "127.0.0.1", "loopback"),
        (("::1",), "localhost", 80, "::1", None),
        (("fd00::/8",), "sis.example", 443, "fd00::5", None),
        (("fd00::/8",), "sis.example", 443, "169.254.169.254", "link-local"),
    ],
)
def test_the_allow_list_lets_named_hosts_and_covered_addresses_through(
    entries: tuple[str, ...], host: str, port: int, address: str, refused: str | None
) -> None:
    policy = _policy(*entries)
    if refused is None:
        policy.check_address(host, port, ip_address(address))
        return
    with pytest.raises(RefusedAddress) as error:
        policy.check_address(host, port, ip_address(address))
    assert error.value.kind == refused
    assert str(error.value) == (
        f"{host if port in (80, 443) else f'{host}:{port}'}: it is a {refused} address, which "
        "the service calls only when MASTERY_OUTBOUND_ALLOWED_HOSTS names it"
    )


PLAIN_HTTP = "plain http is used only for hosts MASTERY_OUTBOUND_ALLOWED_HOSTS names; use https"


@pytest.mark.parametrize(
    ("url", "entries", "allow_http", "refused"),
    [
        ("https://sis.example/ims", (), False, None),
        ("http://sis.example/ims", (), False, PLAIN_HTTP),
        ("http://sis.example/ims", ("sis.example",), False, None),
        ("http://sis.example/ims", (), True, None),
        ("http://sis.example/ims", ("sis.example:8080",), False, PLAIN_HTTP),
        ("http://sis.example:8080/ims", ("sis.example:8080",), False, None),
        ("http://127.0.0.1:9000/", ("127.0.0.0/8",), False, None),
        ("http://127.0.0.1:9000/", (), False, PLAIN_HTTP),
        ("ftp://sis.example/file", ("sis.example",), True, "only http and https URLs are fetched"),
        ("file:///etc/passwd", (), True, "only http and https URLs are fetched"),
        ("gopher://127.0.0.1:6379/_INFO", (), True, "only http and https URLs are fetched"),
    ],
)
def test_urls_are_http_or_https_and_plain_http_only_where_allowed(
    url: str, entries: tuple[str, ...], allow_http: bool, refused: str | None
) -> None:
    policy = _policy(*entries, allow_http=allow_http)
    if refused is None:
        policy.check_url(httpx.URL(url))
        return
    with pytest.raises(RefusedUrl) as error:
        policy.check_url(httpx.URL(url))
    assert error.value.reason == refused

"""Which IP addresses the service calls: only globally reachable ones, judged by the stdlib's
`ipaddress` properties, with the few corrections listed here (docs/decisions/0009)."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_network

IPAddress = IPv4Address | IPv6Address

# IPv6 forms that carry an IPv4 address: the IPv4 address decides (RFC 6052, RFC 3056).
_NAT64 = IPv6Network("64:ff9b::/96")
_SIX_TO_FOUR = IPv6Network("2002::/16")

# Not globally reachable, though Python 3.11's `is_global` says they are (the registries moved
# on): IETF protocol assignments (RFC 6890; its two anycast exceptions are not services the
# service calls), IPv6 documentation (RFC 9637), local-use NAT64 (RFC 8215), SRv6 SIDs.
_NOT_GLOBAL: tuple[IPv4Network | IPv6Network, ...] = tuple(
    ip_network(n) for n in ("192.0.0.0/24", "3fff::/20", "64:ff9b:1::/48", "5f00::/16")
)

# Only to name a refusal in an error: the decision itself comes from the properties.
_NAMED: tuple[tuple[IPv4Network | IPv6Network, str], ...] = tuple(
    (ip_network(network), name)
    for network, name in (
        ("100.64.0.0/10", "shared (carrier-grade NAT)"),
        ("192.0.2.0/24", "documentation"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("2001:db8::/32", "documentation"),
        ("3fff::/20", "documentation"),
        ("198.18.0.0/15", "benchmarking"),
        ("2001:2::/48", "benchmarking"),
    )
)


def embedded_ipv4(address: IPv6Address) -> IPv4Address | None:
    """The IPv4 address an IPv4-mapped, NAT64 or 6to4 IPv6 address reaches, if it is one."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return IPv4Address(address.packed[-4:])
    if address in _SIX_TO_FOUR:
        return address.sixtofour
    return None


def refusal(address: IPAddress) -> str | None:
    """What kind of address this is when the service does not call it; None when it may."""
    if isinstance(address, IPv6Address):
        inner = embedded_ipv4(address)
        if inner is not None:
            # A public IPv4 address behind NAT64 or 6to4 is public; the IPv6 prefix itself
            # lies in space `is_reserved` covers, so it is not judged on its own.
            return refusal(inner)
    # `is_global` alone lets multicast and IPv6 site-local through on Python 3.11, so each
    # kind is refused by its own property, and `is_global` catches the rest.
    kinds = (
        (address.is_unspecified, "unspecified"),
        (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local"),
        (address.is_multicast, "multicast"),
        (isinstance(address, IPv6Address) and address.is_site_local, "site-local"),
    )
    for found, kind in kinds:
        if found:
            return kind
    not_global = not address.is_global or _within(address, _NOT_GLOBAL)
    if not (not_global or address.is_reserved or address.is_private):
        return None
    if named := _named(address):
        return named
    if address.is_reserved:
        return "reserved"
    return "private" if address.is_private else "non-global"


def _named(address: IPAddress) -> str | None:
    for network, name in _NAMED:
        if _within(address, (network,)):
            return name
    return None


def _within(address: IPAddress, networks: tuple[IPv4Network | IPv6Network, ...]) -> bool:
    return any(address.version == n.version and address in n for n in networks)

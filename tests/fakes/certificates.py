"""A throwaway certificate authority and server certificate (cryptography), so TLS tests run
against a loopback server: the client trusts the authority, the server holds a certificate for
the given DNS names only."""

from __future__ import annotations

import datetime
import ssl
import tempfile
from dataclasses import dataclass
from ipaddress import ip_address
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class TestTls:
    server: ssl.SSLContext
    client: ssl.SSLContext
    authority_pem: bytes  # the CA the client trusts, for a client that loads a file


TestTls.__test__ = False  # type: ignore[attr-defined]


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


@dataclass(frozen=True)
class TestAuthority:
    """A certificate authority of the test's own making (an hour long), which issues server
    certificates as PEM."""

    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def issue(self, *names: str, addresses: tuple[str, ...] = ()) -> tuple[bytes, bytes]:
        """A certificate for the DNS `names` (and IP `addresses`), and its private key
        (PKCS #8), as PEM."""
        alternatives: list[x509.GeneralName] = [x509.DNSName(n) for n in names]
        alternatives += [x509.IPAddress(ip_address(a)) for a in addresses]
        key = ec.generate_private_key(ec.SECP256R1())
        leaf = (
            _valid(x509.CertificateBuilder())
            .subject_name(_name(names[0]))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .add_extension(x509.SubjectAlternativeName(alternatives), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        private = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return leaf.public_bytes(serialization.Encoding.PEM), private


TestAuthority.__test__ = False  # type: ignore[attr-defined]


def _valid(builder: x509.CertificateBuilder) -> x509.CertificateBuilder:
    now = datetime.datetime.now(datetime.UTC)
    return (
        builder.serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
    )


def authority() -> TestAuthority:
    key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        _valid(x509.CertificateBuilder())
        .subject_name(_name("mastery test CA"))
        .issuer_name(_name("mastery test CA"))
        .public_key(key.public_key())
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return TestAuthority(key, ca)


def tls_for(*names: str) -> TestTls:
    """A server context with a certificate for `names`, and a client context trusting it."""
    ca = authority()
    cert_pem, key_pem = ca.issue(*names)
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    with tempfile.TemporaryDirectory() as folder:
        cert, private = Path(folder, "cert.pem"), Path(folder, "key.pem")
        cert.write_bytes(cert_pem)
        private.write_bytes(key_pem)
        server.load_cert_chain(cert, private)
    client = ssl.create_default_context(cadata=ca.pem.decode())
    return TestTls(server, client, ca.pem)

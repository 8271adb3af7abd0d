"""Posting a webhook to a receiver chosen by a workspace admin, i.e. to a URL an outsider
controls: it must never become a way into our own network (SSRF).

The host is resolved once, every address it resolves to must be public, and the connection is
made to that vetted address (TLS still checks the certificate against the host name). A name
that resolved to a public address when the endpoint was saved and to 127.0.0.1 now (DNS
rebinding) is refused at send time, and the answer cannot change between the check and the
connect because there is only one lookup; the socket's peer is checked again once connected.
Redirects are not followed.

The policy (`receiver_refusal`, docs/integrations.md "Outbound requests"):
- an IPv6 address that carries an IPv4 one is judged by that IPv4 address: IPv4-mapped
  (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96, 64:ff9b:1::/48),
  6to4 (2002::/16) and Teredo (2001::/32, its server and client);
- public (globally routable, not multicast) addresses are receivers;
- WEBHOOK_DEVELOPMENT_RECEIVERS lists the non-public networks a development setup may send to
  (loopback only in local settings, none in production);
- link-local networks and cloud metadata addresses are never receivers, whatever that list says.
- a non-public receiver's answer body is never kept in the delivery log.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# A receiver's answer is logged for the person debugging it, not kept whole.
ANSWER_BYTES_KEPT = 1000
LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


class ReceiverRefused(Exception):
    """The receiver's address is not one we send to (see receiver_refusal)."""


@dataclass(frozen=True)
class Answer:
    status_code: int
    body: str
    duration_ms: int


# Never a receiver, whatever WEBHOOK_DEVELOPMENT_RECEIVERS says: link-local (where cloud
# metadata services answer) and the metadata addresses outside it.
NEVER_RECEIVERS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "169.254.0.0/16",  # IPv4 link-local; 169.254.169.254 is the metadata service
        "fe80::/10",  # IPv6 link-local
        "fd00:ec2::254/128",  # AWS metadata over IPv6
        "100.100.100.200/32",  # Alibaba Cloud metadata
        "192.0.0.192/32",  # Oracle Cloud metadata
    )
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (and would reach through a translator or a
    tunnel), if any."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    value = int(address)
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64 or address in _IPV4_COMPATIBLE:
        if address in _IPV4_COMPATIBLE and value <= 1:
            return None  # :: and ::1 are IPv6's own
        return ipaddress.IPv4Address(value & 0xFFFFFFFF)
    if address in _NAT64_LOCAL:
        # RFC 6052 with a /48 prefix: the IPv4 address straddles the reserved "u" octet.
        high = (value >> 64) & 0xFFFF
        low = (value >> 40) & 0xFFFF
        return ipaddress.IPv4Address((high << 16) | low)
    if address.sixtofour is not None:
        return address.sixtofour
    return None


def _development_receivers() -> list[IPNetwork]:
    return [ipaddress.ip_network(network) for network in settings.WEBHOOK_DEVELOPMENT_RECEIVERS]


def _ends(address: IPAddress) -> list[IPAddress]:
    """What a connection to `address` reaches: both ends of a Teredo tunnel, the IPv4 address
    an IPv6 one carries, or the address itself."""
    if isinstance(address, ipaddress.IPv6Address) and address.teredo is not None:
        return list(address.teredo)
    carried = embedded_ipv4(address)
    return [carried] if carried is not None else [address]


def _within(address: IPAddress, networks: Iterable[IPNetwork]) -> bool:
    return any(address.version == network.version and address in network for network in networks)


def is_public(address: IPAddress) -> bool:
    """Whether `address` (judged by what it reaches, see _ends) is a public one."""
    return all(end.is_global and not end.is_multicast for end in _ends(address))


def receiver_refusal(address: IPAddress) -> str | None:
    """Why webhooks may not be sent to `address`; None when they may."""
    ends = _ends(address)
    if any(_within(end, NEVER_RECEIVERS) for end in (address, *ends)):
        return f"{address} is link-local or a cloud metadata address"
    if is_public(address) or all(_within(end, _development_receivers()) for end in ends):
        return None
    return f"{address} is not a public address"


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a receiver, judged without a DNS lookup (it runs in a request);
    names are checked again, resolved, at every send. None when it may be one."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "Not a valid URL."
    if parts.scheme not in ("https", "http"):
        return "The URL must start with https://."
    if parts.scheme == "http" and settings.WEBHOOK_REQUIRE_HTTPS:
        return "The URL must use https."
    if not parts.hostname:
        return "The URL has no host."
    if parts.username is not None or parts.password is not None:
        return "Credentials in the URL are not accepted; verify the signature instead."
    if port == 0:
        return "The URL's port is not valid."
    host = parts.hostname.rstrip(".").lower()
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        host = "127.0.0.1"  # judged as where it leads
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if receiver_refusal(address) is not None:
        return "Receivers on private, reserved, link-local or metadata addresses are not allowed."
    return None


def _vetted_address(host: str, port: int) -> IPAddress:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise OSError(f"cannot resolve {host}: {exc}") from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not addresses:
        raise OSError(f"{host} has no address")
    # Every address, not just the first: a resolver may hand out another one next time.
    for address in addresses:
        refusal = receiver_refusal(address)
        if refusal is not None:
            raise ReceiverRefused(f"{host} resolves to a refused address: {refusal}")
    return addresses[0]


def _connect(address: str, port: int, timeout: float | None) -> socket.socket:
    """A connection to the vetted address, whose peer is judged again: the address actually
    connected to is the one that must pass."""
    sock = socket.create_connection((address, port), timeout)
    peer = ipaddress.ip_address(str(sock.getpeername()[0]).split("%")[0])
    refusal = receiver_refusal(peer)
    if refusal is not None:
        sock.close()
        raise ReceiverRefused(refusal)
    return sock


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = _connect(self._address, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = _connect(self._address, self.port, self.timeout)
        # The certificate is checked against the name, though we connected to the address.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def post(url: str, *, body: bytes, headers: dict[str, str], timeout: float) -> Answer:
    """POST `body` to `url`, all of it (connecting, sending, the answer's headers and body)
    within `timeout` seconds: a socket timeout alone bounds each read, and a receiver dripping
    a byte at a time would hold the sender for ever. Raises ReceiverRefused for a non-public
    address (unless allowed by settings) and OSError (TimeoutError past the deadline) for
    anything that kept an HTTP answer from arriving. The answer's body (its first
    ANSWER_BYTES_KEPT bytes) is returned for a public receiver only."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    started = time.monotonic()
    address = _vetted_address(host, port)
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    connection_class: Any = _PinnedHTTPSConnection if https else _PinnedHTTPConnection
    remaining = max(timeout - (time.monotonic() - started), 0.001)
    connection = connection_class(host, port, address=str(address), timeout=remaining)
    expired = threading.Event()

    def cut_off() -> None:
        # Shutting the socket down wakes the blocked read with an end of file, whatever it
        # was waiting for (the plain socket's shutdown: TLS has nothing left to say).
        expired.set()
        if connection.sock is not None:
            with contextlib.suppress(OSError):
                socket.socket.shutdown(connection.sock, socket.SHUT_RDWR)

    timer = threading.Timer(remaining, cut_off)
    timer.daemon = True
    timer.start()
    try:
        connection.connect()
        if expired.is_set():  # the deadline passed while connecting, before there was a socket
            raise TimeoutError(f"no connection within {timeout:g} s")
        connection.request(
            "POST", path, body=body, headers={**headers, "user-agent": "Docket-Webhooks/1"}
        )
        response = connection.getresponse()
        text = response.read(ANSWER_BYTES_KEPT).decode("utf-8", "replace")
        if not is_public(address):
            text = ""  # a development receiver's answer may be an internal page: not logged
        if expired.is_set():
            raise TimeoutError(f"no complete answer within {timeout:g} s")
        return Answer(
            status_code=response.status,
            body=text,
            duration_ms=int((time.monotonic() - started) * 1000),
        )
    except (OSError, http.client.HTTPException) as exc:
        if expired.is_set():
            raise TimeoutError(f"no complete answer within {timeout:g} s") from exc
        if isinstance(exc, http.client.HTTPException):
            raise OSError(f"bad answer: {exc!r}") from exc
        raise
    finally:
        timer.cancel()
        connection.close()

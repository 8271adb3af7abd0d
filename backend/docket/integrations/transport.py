"""Posting a webhook to a receiver chosen by a workspace admin, i.e. to a URL an outsider
controls: it must never become a way into our own network (SSRF).

The host is resolved once, every address it resolves to must be public, and the connection is
made to that vetted address (TLS still checks the certificate against the host name). A name
that resolved to a public address when the endpoint was saved and to 127.0.0.1 now (DNS
rebinding) is refused at send time, and the answer cannot change between the check and the
connect because there is only one lookup. Redirects are not followed.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# A receiver's answer is logged for the person debugging it, not kept whole.
ANSWER_BYTES_KEPT = 1000
LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


class ReceiverRefused(Exception):
    """The receiver's address is not one we send to (private, loopback, link-local, ...)."""


@dataclass(frozen=True)
class Answer:
    status_code: int
    body: str
    duration_ms: int


def private_addresses_allowed() -> bool:
    return bool(settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES)


def _public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


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
    if private_addresses_allowed():
        return None
    host = parts.hostname.rstrip(".").lower()
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return "Receivers on this machine are not allowed."
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if not _public(address):
        return "Receivers on private or reserved addresses are not allowed."
    return None


def _vetted_address(host: str, port: int) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise OSError(f"cannot resolve {host}: {exc}") from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not addresses:
        raise OSError(f"{host} has no address")
    if not private_addresses_allowed():
        # Every address, not just the first: a resolver may hand out a private one next time.
        refused = [str(address) for address in addresses if not _public(address)]
        if refused:
            raise ReceiverRefused(f"{host} resolves to a non-public address ({refused[0]})")
    return str(addresses[0])


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        # The certificate is checked against the name, though we connected to the address.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def post(url: str, *, body: bytes, headers: dict[str, str], timeout: float) -> Answer:
    """POST `body` to `url`, all of it (connecting, sending, the answer's headers and body)
    within `timeout` seconds: a socket timeout alone bounds each read, and a receiver dripping
    a byte at a time would hold the sender for ever. Raises ReceiverRefused for a non-public
    address (unless allowed by settings) and OSError (TimeoutError past the deadline) for
    anything that kept an HTTP answer from arriving."""
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
    connection = connection_class(host, port, address=address, timeout=remaining)
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

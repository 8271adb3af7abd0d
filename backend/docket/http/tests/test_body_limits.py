"""Request bodies over the limit are refused before they are read or stored.

Against a live ASGI server (uvicorn, the app as production serves it) over raw loopback
sockets, so that the body really is sent the way an attacker would send it: a declared length
that is never followed by the body, or a chunked stream that does not stop.
"""

import json
import os
import socket
import time
from pathlib import Path

import pytest
from django.conf import settings

from docket.testing.live import live_api

TOKEN_PATH = "/api/v1/auth/token"
MB = 1024 * 1024


@pytest.fixture
def spool_dir(tmp_path) -> Path:
    spool = tmp_path / "spool"
    spool.mkdir()
    return spool


@pytest.fixture
def live_api_server(spool_dir):
    env = {"SECRET_KEY": settings.SECRET_KEY, "TMPDIR": str(spool_dir)}
    with live_api(env) as base:
        yield base


def _connect(base: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=10)


def _read_response(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    raw = b""
    while b"\r\n\r\n" not in raw:
        chunk = sock.recv(65536)
        if not chunk:
            break
        raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {
        name.strip().lower(): value.strip()
        for name, _, value in (line.partition(":") for line in lines[1:])
    }
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(lines[0].split()[1]), headers, body


def _tree_bytes(path: Path) -> int:
    return sum(entry.stat().st_size for entry in path.rglob("*") if entry.is_file())


def _request_head(base: str, *headers: str) -> bytes:
    lines = [f"POST {TOKEN_PATH} HTTP/1.1", f"Host: {base.removeprefix('http://')}", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_a_declared_length_over_the_limit_is_refused_without_reading_the_body(live_api_server):
    # Given a request that declares 10 MB and sends none of it
    with _connect(live_api_server) as sock:
        sock.sendall(
            _request_head(
                live_api_server, "Content-Type: application/json", f"Content-Length: {10 * MB}"
            )
        )
        started = time.monotonic()

        # When the server answers
        status, headers, body = _read_response(sock)

    # Then it refused at once (it did not wait for the body) with a problem
    assert time.monotonic() - started < 5
    assert status == 413
    assert headers["content-type"] == "application/problem+json"
    assert json.loads(body)["code"] == "request_too_large"


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_an_endless_chunked_body_is_cut_at_the_limit_and_never_spooled(live_api_server, spool_dir):
    # Given a chunked upload of 50 MB to the unauthenticated sign-in endpoint
    chunk = b"x" * (64 * 1024)
    framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    sent = 0
    with _connect(live_api_server) as sock:
        sock.sendall(
            _request_head(
                live_api_server, "Content-Type: application/json", "Transfer-Encoding: chunked"
            )
        )
        # When it is sent until the server stops taking it
        try:
            while sent < 50 * MB:
                sock.sendall(framed)
                sent += len(chunk)
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server closed the connection: that is the refusal
        status, _, body = _read_response(sock)

    # Then it was refused as too large long before its end, and nothing was written to disk
    assert status == 413
    assert json.loads(body)["code"] == "request_too_large"
    assert sent < 50 * MB
    assert _tree_bytes(spool_dir) == 0, os.listdir(spool_dir)


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_a_chunked_json_body_under_the_limit_is_read_whole(live_api_server):
    # Given credentials sent as a chunked JSON body
    payload = json.dumps({"email": "someone@example.com", "password": "not-theirs"}).encode()
    halves = [payload[: len(payload) // 2], payload[len(payload) // 2 :]]
    framed = b"".join(f"{len(part):x}\r\n".encode() + part + b"\r\n" for part in halves)

    with _connect(live_api_server) as sock:
        sock.sendall(
            _request_head(
                live_api_server,
                "Content-Type: application/json",
                "Transfer-Encoding: chunked",
                "Connection: close",
            )
            + framed
            + b"0\r\n\r\n"
        )
        status, _, body = _read_response(sock)

    # Then the server read the credentials and checked them (an empty body would be a 400 for
    # missing fields)
    assert status == 401, body
    assert json.loads(body)["code"] == "invalid_credentials"

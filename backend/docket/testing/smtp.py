"""A real SMTP server on localhost for tests (aiosmtpd): what the outside mail relay would be.

It records every message it accepts, and can be told to refuse a number of messages (451, try
later, unless told another answer such as a 550), to answer 451 to everything until a moment
(a server in trouble for a while), or to hold a message without answering until released (a
send in flight).
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Mailbox:
    accepted: list[Message] = field(default_factory=list)
    refuse_next: int = 0
    refusal: str = "451 4.3.0 Try again later"
    # time.monotonic() until which every message is answered 451.
    refuse_until: float = 0.0
    refused: int = 0
    hold_subject_containing: str | None = None
    holding: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's API
        message = message_from_bytes(envelope.original_content or envelope.content)
        with self.lock:
            if time.monotonic() < self.refuse_until:
                self.refused += 1
                return "451 4.3.0 Try again later"
            if self.refuse_next > 0:
                self.refuse_next -= 1
                self.refused += 1
                return self.refusal
        hold = self.hold_subject_containing
        if hold and hold in (message["Subject"] or ""):
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 4.3.0 Gave up"
        with self.lock:
            self.accepted.append(message)
        return "250 OK"


class SmtpServer:
    def __init__(self) -> None:
        self.mailbox = Mailbox()
        self.port = free_port()
        self._controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> SmtpServer:
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.mailbox.release.set()
        self._controller.stop()

    @property
    def env(self) -> dict[str, str]:
        """Settings for a worker process that should send here."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.port),
            "EMAIL_TIMEOUT": "5",
        }

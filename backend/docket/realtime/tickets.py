"""Websocket tickets: short-lived, single-use, and the only credential a socket ever carries.

A JWT must not travel in a URL or a log line, and browsers cannot set headers on a websocket
handshake; so a signed-in client asks for a ticket over HTTPS and presents it in the socket's
first message. Only a hash of the ticket is kept (in Redis, expiring by itself); redeeming
deletes it, and of two sockets racing with one ticket only the one whose delete succeeded wins.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid

from django.conf import settings
from django.core.cache import cache

KEY = "realtime:ticket:{}"


def _key(ticket: str) -> str:
    return KEY.format(hashlib.sha256(ticket.encode()).hexdigest())


def ticket_issue(*, user_id: uuid.UUID) -> str:
    """A new ticket for this user, valid once for REALTIME_TICKET_SECONDS."""
    ticket = secrets.token_urlsafe(32)
    cache.set(_key(ticket), str(user_id), timeout=settings.REALTIME_TICKET_SECONDS)
    return ticket


def ticket_redeem(ticket: str) -> uuid.UUID | None:
    """The user a ticket was issued to, consuming it; None if unknown, expired or used."""
    if not isinstance(ticket, str) or not 20 <= len(ticket) <= 100:
        return None
    key = _key(ticket)
    user_id = cache.get(key)
    if user_id is None or not cache.delete(key):
        return None
    return uuid.UUID(user_id)

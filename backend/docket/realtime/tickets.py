"""Websocket tickets: short-lived, single-use, and the only credential a socket ever carries.

A JWT must not travel in a URL or a log line, and browsers cannot set headers on a websocket
handshake; so a signed-in client (or a token with `events:read`) asks for a ticket over HTTPS
and presents it in the socket's first message. A token's ticket carries the token and its
workspace: the socket it opens sees that workspace only, and only if the token still
authenticates when the ticket is redeemed.

Only a hash of the ticket is kept (in Redis, expiring by itself); redeeming
deletes it, and of two sockets racing with one ticket only the one whose delete succeeded wins.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

KEY = "realtime:ticket:{}"


def _key(ticket: str) -> str:
    return KEY.format(hashlib.sha256(ticket.encode()).hexdigest())


@dataclass(frozen=True)
class TicketHolder:
    """Whom a redeemed ticket authenticates: a person, or a person through one of their tokens
    (then confined to the token's workspace)."""

    user_id: uuid.UUID
    token_id: uuid.UUID | None = None
    workspace_id: uuid.UUID | None = None


def ticket_issue(
    *,
    user_id: uuid.UUID,
    token_id: uuid.UUID | None = None,
    workspace_id: uuid.UUID | None = None,
) -> str:
    """A new ticket for this user (through this token, if any), valid once for
    REALTIME_TICKET_SECONDS."""
    ticket = secrets.token_urlsafe(32)
    holder = {"user": str(user_id)}
    if token_id is not None:
        holder |= {"token": str(token_id), "workspace": str(workspace_id)}
    cache.set(_key(ticket), json.dumps(holder), timeout=settings.REALTIME_TICKET_SECONDS)
    return ticket


def ticket_redeem(ticket: str) -> TicketHolder | None:
    """Whom a ticket was issued to, consuming it; None if unknown, expired or used."""
    if not isinstance(ticket, str) or not 20 <= len(ticket) <= 100:
        return None
    key = _key(ticket)
    stored = cache.get(key)
    if stored is None or not cache.delete(key):
        return None
    if not stored.startswith("{"):  # issued by the previous release: a person's id
        return TicketHolder(user_id=uuid.UUID(stored))
    holder = json.loads(stored)
    token = holder.get("token")
    return TicketHolder(
        user_id=uuid.UUID(holder["user"]),
        token_id=uuid.UUID(token) if token else None,
        workspace_id=uuid.UUID(holder["workspace"]) if token else None,
    )

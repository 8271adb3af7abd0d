"""The /ws/v1/ socket: authenticate with a ticket, subscribe to topics, receive compact events.

The protocol (messages, errors, close codes) is documented in docs/realtime.md; the names below
follow it. Every client message is hostile until parsed: wrong shapes get an `error` message,
never an exception, and only a socket that fails to authenticate is closed.

Access is checked on every subscribe (as the API would: an unknown and a forbidden topic get the
same answer) and again whenever the relay says the workspace's access changed, before any later
event reaches this socket; each event is also filtered against the access held in memory.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any

import structlog
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from docket.core import keys
from docket.core.access import Access
from docket.core.addresses import address_bucket
from docket.core.db_routers import PRIMARY
from docket.core.errors import NotFound
from docket.core.visibility import can_see_event
from docket.projects.access import access_for_workspace, access_from_ids
from docket.projects.models import Project
from docket.projects.selectors import project_get
from docket.realtime.groups import access_group, project_group, user_group, workspace_group
from docket.realtime.tickets import TicketHolder, ticket_redeem
from docket.workspaces.selectors import live_tokens

logger = structlog.get_logger(__name__)

# Close codes (4000-4999 belong to the application).
CLOSE_UNAUTHENTICATED = 4401  # no, unknown, expired or reused ticket; or none in time
CLOSE_FORBIDDEN_ORIGIN = 4403  # handshake from a page on an origin that is not ours
CLOSE_NOT_FOUND = 4404  # no websocket endpoint at this path
CLOSE_TOO_MANY_SOCKETS = 4409  # this address already holds its share of unauthenticated sockets
CLOSE_RATE_LIMITED = 4429  # more messages than the per-socket rate allows

MAX_MESSAGE_CHARS = 4096
HEARTBEAT_SECONDS = 30


@dataclass(frozen=True)
class Topic:
    name: str
    workspace_id: uuid.UUID
    group: str
    project_id: uuid.UUID | None = None


class ProtocolError(Exception):
    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


# What a workspace slug, a project key and a topic may look like; anything else (NUL, a lone
# surrogate, a megabyte) is refused before it reaches a query.
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,50}")
PROJECT_KEY = re.compile(keys.PROJECT_KEY)
TOPIC = re.compile(r"(workspace|project):[-a-zA-Z0-9_/]{1,62}")


def _text(
    message: dict[str, Any], key: str, pattern: re.Pattern[str], *, required: bool = True
) -> str:
    value = message.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ProtocolError("invalid_message", f"`{key}` is missing or malformed.")
    return value


def _ref(message: dict[str, Any]) -> str | int | None:
    """The client's own label for a request, echoed in the answer (a short string or a number)."""
    ref = message.get("ref")
    if isinstance(ref, bool) or not isinstance(ref, (str, int)):
        return None
    if isinstance(ref, str) and (len(ref) > 64 or not ref.isprintable()):
        return None
    return ref


def topic_name(workspace_slug: str, project_key: str | None = None) -> str:
    if project_key:
        return f"project:{workspace_slug}/{project_key}"
    return f"workspace:{workspace_slug}"


@database_sync_to_async
def _redeem(ticket: str) -> tuple[Any, TicketHolder] | None:
    """The active user the ticket was issued to, and the holder (a token's ticket: the token
    must still authenticate), consuming the ticket; None otherwise."""
    from django.contrib.auth import get_user_model

    holder = ticket_redeem(ticket)
    if holder is None:
        return None
    if (
        holder.token_id is not None
        and not live_tokens().using(PRIMARY).filter(pk=holder.token_id).exists()
    ):
        return None
    # On the primary: a deactivation counts at once, whatever the standby's lag.
    user = get_user_model().objects.using(PRIMARY).filter(pk=holder.user_id, is_active=True).first()
    return (user, holder) if user is not None else None


@database_sync_to_async
def _resolve(
    user: Any, workspace_slug: str, project_key: str, only_workspace_id: uuid.UUID | None
) -> tuple[Access, Topic]:
    """The caller's access and the topic, or NotFound (same answer for missing and forbidden,
    and for any workspace but a token's own)."""
    access, _ = access_for_workspace(
        user=user, workspace_slug=workspace_slug, only_workspace_id=only_workspace_id
    )
    if not project_key:
        group = workspace_group(access.workspace_id)
        return access, Topic(topic_name(workspace_slug), access.workspace_id, group)
    project = project_get(access=access, key=project_key)
    name = topic_name(workspace_slug, project_key)
    return access, Topic(name, access.workspace_id, project_group(project.pk), project.pk)


@database_sync_to_async
def _recheck(
    user_id: uuid.UUID, workspace_id: uuid.UUID, project_ids: set[uuid.UUID]
) -> tuple[Access | None, set[uuid.UUID]]:
    """The person's access now (None if they left), and which of these projects still exist."""
    try:
        access = access_from_ids(user_id=user_id, workspace_id=workspace_id)
    except NotFound:
        return None, set()
    existing = set(
        Project.objects.filter(
            pk__in=project_ids, workspace_id=workspace_id, deleted_at__isnull=True
        ).values_list("pk", flat=True)
    )
    return access, existing


def socket_address_bucket(scope: dict[str, Any]) -> str | None:
    """Who opened the socket, for the per-address cap: the peer (or the client a trusted proxy
    names, as the server resolved it); IPv6 by its /64, which one host gets whole."""
    client = scope.get("client")
    if not client:
        return None
    return address_bucket(str(client[0]))


# Sockets accepted but not yet authenticated, per address bucket, in this process. A worker
# serves its own sockets, so the cap holds per worker (docs/deploying.md).
unauthenticated_sockets: Counter[str] = Counter()


class MessageBudget:
    """A token bucket: `burst` messages at once, refilled at `per_second`."""

    def __init__(self, *, burst: int, per_second: float) -> None:
        self.burst = burst
        self.per_second = per_second
        self.tokens = float(burst)
        self.updated = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.per_second)
        self.updated = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class RealtimeConsumer(AsyncWebsocketConsumer):
    user: Any = None
    # Set for a socket opened with a token's ticket: the one workspace it may subscribe to.
    only_workspace_id: uuid.UUID | None = None
    auth_deadline: asyncio.Task[None] | None = None
    # The bucket this socket counts in while unauthenticated (None once it is not counted).
    counted_in: str | None = None

    async def connect(self) -> None:
        self.topics: dict[str, Topic] = {}
        self.accesses: dict[uuid.UUID, Access] = {}
        self.budget = MessageBudget(
            burst=settings.REALTIME_MESSAGE_BURST, per_second=settings.REALTIME_MESSAGES_PER_SECOND
        )
        bucket = socket_address_bucket(self.scope)
        if bucket is not None:
            if unauthenticated_sockets[bucket] >= settings.REALTIME_MAX_UNAUTHENTICATED_PER_ADDRESS:
                # Refused at the handshake: the client sees HTTP 403, nothing is allocated.
                await self.close(code=CLOSE_TOO_MANY_SOCKETS)
                return
            unauthenticated_sockets[bucket] += 1
            self.counted_in = bucket
        await self.accept()
        self.auth_deadline = asyncio.ensure_future(self._close_unless_authenticated())

    def _stop_counting(self) -> None:
        if self.counted_in is not None:
            unauthenticated_sockets[self.counted_in] -= 1
            if unauthenticated_sockets[self.counted_in] <= 0:
                del unauthenticated_sockets[self.counted_in]
            self.counted_in = None

    async def _close_unless_authenticated(self) -> None:
        await asyncio.sleep(settings.REALTIME_AUTH_TIMEOUT_SECONDS)
        if self.user is None:
            await self.close(code=CLOSE_UNAUTHENTICATED, reason="no ticket in time")

    async def disconnect(self, code: int) -> None:
        self._stop_counting()
        if self.auth_deadline is not None:
            self.auth_deadline.cancel()
        await self._leave_every_group()

    async def _leave_every_group(self) -> None:
        groups = {topic.group for topic in self.topics.values()}
        groups |= {access_group(workspace_id) for workspace_id in self.accesses}
        if self.user is not None:
            groups.add(user_group(self.user.pk))
        self.topics.clear()
        self.accesses.clear()
        for group in groups:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def send_json(self, message: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(message, separators=(",", ":")))

    # --- client messages ------------------------------------------------------------------

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if not self.budget.take():
            # Checked before parsing: a flood costs a counter, never a parse or a query.
            await self.close(code=CLOSE_RATE_LIMITED, reason="too many messages")
            return
        ref = None
        try:
            if text_data is None:
                raise ProtocolError("invalid_message", "Send JSON text frames.")
            if len(text_data) > MAX_MESSAGE_CHARS:
                raise ProtocolError("message_too_large", f"At most {MAX_MESSAGE_CHARS} characters.")
            try:
                message = json.loads(text_data)
            except (ValueError, RecursionError):
                # RecursionError: a few thousand nested brackets exhaust the parser's stack.
                raise ProtocolError("invalid_json", "Messages are JSON objects.") from None
            if not isinstance(message, dict) or not isinstance(message.get("type"), str):
                raise ProtocolError("invalid_message", "A message is an object with a `type`.")
            ref = _ref(message)
            await self._handle(message["type"], message)
        except ProtocolError as problem:
            if self.user is None:
                # Before authentication the only message is `auth`: anything else ends it.
                await self.close(code=CLOSE_UNAUTHENTICATED, reason="authenticate first")
                return
            error: dict[str, Any] = {"type": "error", "code": problem.code}
            error["detail"] = problem.detail
            if ref is not None:
                error["ref"] = ref
            await self.send_json(error)

    async def _handle(self, kind: str, message: dict[str, Any]) -> None:
        if self.user is None:
            if kind != "auth":
                await self.close(code=CLOSE_UNAUTHENTICATED, reason="authenticate first")
                return
            await self._authenticate(message)
        elif kind == "subscribe":
            await self._subscribe(message)
        elif kind == "unsubscribe":
            name = _text(message, "topic", TOPIC)
            if name not in self.topics:
                raise ProtocolError("not_subscribed", "No such subscription.")
            await self._drop(self.topics[name], reason="requested")
        elif kind == "ping":
            await self.send_json({"type": "pong", "ref": _ref(message)})
        elif kind == "auth":
            raise ProtocolError("already_authenticated", "This socket is authenticated.")
        else:
            raise ProtocolError("unknown_type", "Unknown message type.")

    async def _authenticate(self, message: dict[str, Any]) -> None:
        ticket = message.get("ticket")
        redeemed = await _redeem(ticket) if isinstance(ticket, str) else None
        if redeemed is None:
            await self.close(code=CLOSE_UNAUTHENTICATED, reason="invalid ticket")
            return
        user, holder = redeemed
        self.user = user
        self.only_workspace_id = holder.workspace_id
        self._stop_counting()
        if self.auth_deadline is not None:
            self.auth_deadline.cancel()
        # The person's own channel (notification counts, sign-out) is for their sessions; a
        # token's socket outlives a sign-out and reads no notifications.
        if holder.token_id is None:
            await self.channel_layer.group_add(user_group(user.pk), self.channel_name)
        await self.send_json(
            {"type": "ready", "user_id": str(user.pk), "heartbeat": HEARTBEAT_SECONDS}
        )

    async def _subscribe(self, message: dict[str, Any]) -> None:
        slug = _text(message, "workspace", SLUG)
        key = _text(message, "project", PROJECT_KEY, required=False)
        name = topic_name(slug, key)
        if name in self.topics:
            await self.send_json({"type": "subscribed", "topic": name, "ref": _ref(message)})
            return
        if len(self.topics) >= settings.REALTIME_MAX_SUBSCRIPTIONS:
            raise ProtocolError(
                "too_many_subscriptions",
                f"At most {settings.REALTIME_MAX_SUBSCRIPTIONS} topics per socket.",
            )
        try:
            access, topic = await _resolve(self.user, slug, key, self.only_workspace_id)
        except NotFound as missing:
            raise ProtocolError(missing.code, missing.message) from None
        self.accesses[access.workspace_id] = access
        await self.channel_layer.group_add(access_group(access.workspace_id), self.channel_name)
        await self.channel_layer.group_add(topic.group, self.channel_name)
        self.topics[name] = topic
        await self.send_json({"type": "subscribed", "topic": name, "ref": _ref(message)})

    async def _drop(self, topic: Topic, *, reason: str) -> None:
        del self.topics[topic.name]
        if not any(other.group == topic.group for other in self.topics.values()):
            await self.channel_layer.group_discard(topic.group, self.channel_name)
        await self.send_json({"type": "unsubscribed", "topic": topic.name, "reason": reason})

    # --- channel-layer messages (from the relay's fan-out) -------------------------------

    async def realtime_event(self, message: dict[str, Any]) -> None:
        event = message["event"]
        workspace_id = uuid.UUID(event["workspace_id"])
        access = self.accesses.get(workspace_id)
        if access is None:
            return
        project_id = uuid.UUID(event["project_id"]) if event["project_id"] else None
        if not can_see_event(access, name=event["name"], project_id=project_id):
            return
        # The group it came through names the topic (a project's news reaches both of its).
        for topic in list(self.topics.values()):
            if topic.group == message["group"]:
                await self.send_json({"type": "event", "topic": topic.name, "event": event})

    async def realtime_access_changed(self, message: dict[str, Any]) -> None:
        """Re-check before handling anything after this: the channel delivers in order and a
        consumer handles one message at a time, so no later event slips past a removal."""
        workspace_id = uuid.UUID(message["workspace_id"])
        if workspace_id not in self.accesses or self.user is None:
            return
        mine = [topic for topic in self.topics.values() if topic.workspace_id == workspace_id]
        projects = {topic.project_id for topic in mine if topic.project_id}
        access, existing = await _recheck(self.user.pk, workspace_id, projects)
        for topic in mine:
            if access is None:
                await self._drop(topic, reason="access_revoked")
            elif topic.project_id is not None and topic.project_id not in existing:
                await self._drop(topic, reason="not_found")
            elif topic.project_id is not None and not access.can_see_project(topic.project_id):
                await self._drop(topic, reason="access_revoked")
        if access is None:
            del self.accesses[workspace_id]
            await self.channel_layer.group_discard(access_group(workspace_id), self.channel_name)
        else:
            self.accesses[workspace_id] = access

    async def realtime_session_ended(self, message: dict[str, Any]) -> None:
        """The person signed out or changed their password (docket.core.user_sockets): this
        socket stops at once; reopening needs a ticket, which needs a signed-in caller. Its groups
        are left first: nothing published after this reaches it while the close completes."""
        await self._leave_every_group()
        await self.close(code=CLOSE_UNAUTHENTICATED, reason=message.get("reason", "session ended"))

    async def realtime_notifications(self, message: dict[str, Any]) -> None:
        await self.send_json({"type": "notifications", "workspace_id": message["workspace_id"]})

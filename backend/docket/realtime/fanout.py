"""The relay's realtime consumer: compact messages to the channel-layer groups.

A message says what changed, not what it changed to (event type, subject, the subject's
version, the names of the changed fields): clients refetch what they show through the API,
whose access checks decide what they see. Delivery is at most once per socket; a socket that
missed something (a restart, a network drop) refetches on reconnect, so nothing here is stored
or retried beyond the relay's own replay of a batch whose publish failed.

The relay records its position after the consumer returns, so a crash in between hands the
same batch over again. Each published event leaves a short-lived mark in the cache (for as long
as an event is young enough to be published at all), and a replayed batch skips marked events:
a crash re-publishes at most what was sent before the marks were written. Without Redis the
marks are skipped (fail open): the channel layer is Redis too, so then nothing is published.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

import structlog
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from docket.core.cache_fallback import with_cache
from docket.core.events import consumes_every_type
from docket.core.models import Event
from docket.issues.selectors import ISSUE_SUBJECT, issue_versions
from docket.realtime.groups import access_group, project_group, user_group, workspace_group

logger = structlog.get_logger(__name__)

# Every event is live news; each type says whether it changes access and whether it concerns
# the whole workspace (docket.core.events).
PUBLISHED = consumes_every_type()


def event_message(event: Event, *, version: int | None) -> dict[str, Any]:
    """The compact form of an event that a socket receives (documented in docs/realtime.md);
    `version` is the subject's when it has one (an issue's, the first part of its ETag)."""
    return {
        "id": event.id,
        "name": event.name,
        "subject": {
            "type": event.subject_type,
            "id": str(event.subject_id),
            "label": event.subject_label,
        },
        "workspace_id": str(event.workspace_id),
        "project_id": str(event.project_id) if event.project_id else None,
        "actor_id": str(event.actor_id) if event.actor_id else None,
        # A client holding this version of the subject (or a later one) can drop the news.
        "version": version,
        "fields": sorted(event.changes),
        "at": event.created_at.isoformat(),
    }


def _published_key(event_id: int) -> str:
    return f"realtime:published:{event_id}"


def _already_published(events: Sequence[Event]) -> set[int]:
    """The ids among `events` that an earlier hand-over of the same batch published."""
    keys = {_published_key(event.id): event.id for event in events}
    return with_cache(
        "realtime_dedupe",
        lambda: {keys[key] for key in cache.get_many(list(keys))},
        set,
    )


def _mark_published(events: Sequence[Event]) -> None:
    marks = dict.fromkeys((_published_key(event.id) for event in events), 1)
    with_cache(
        "realtime_dedupe",
        lambda: cache.set_many(marks, timeout=settings.REALTIME_MAX_EVENT_AGE_SECONDS),
        list,
    )


def _sends(events: Sequence[Event]) -> list[tuple[str, dict[str, Any]]]:
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.REALTIME_MAX_EVENT_AGE_SECONDS)
    sends: list[tuple[str, dict[str, Any]]] = []
    fresh = [(e, kind) for e, kind in PUBLISHED.with_kinds(events) if e.created_at >= cutoff]
    # One query per batch: the versions of the issues the batch is about, as they are now (at
    # least the event's; a deleted issue has none).
    versions = issue_versions(
        issue_ids={e.subject_id for e, _ in fresh if e.subject_type == ISSUE_SUBJECT}
    )
    for event, kind in fresh:
        # Access changes first: a removed member's socket drops its topics before any later
        # event reaches it (one publisher, one connection: Redis keeps the order).
        if kind.changes_access:
            sends.append(
                (
                    access_group(event.workspace_id),
                    {"type": "realtime.access_changed", "workspace_id": str(event.workspace_id)},
                )
            )
        version = versions.get(event.subject_id) if event.subject_type == ISSUE_SUBJECT else None
        compact = event_message(event, version=version)
        groups = []
        if event.project_id is not None:
            groups.append(project_group(event.project_id))
        if kind.workspace_level:
            groups.append(workspace_group(event.workspace_id))
        sends += [
            (group, {"type": "realtime.event", "group": group, "event": compact})
            for group in groups
        ]
    return sends


async def _publish(sends: Iterable[tuple[str, dict[str, Any]]]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    for group, message in sends:
        await layer.group_send(group, message)


def publish_events(events: Sequence[Event]) -> None:
    """The realtime consumer of the event log. A failed publish raises, so the relay keeps its
    position and hands the batch over again; events an earlier hand-over published are skipped
    (a socket sees an event twice only when a crash fell between publishing and marking, and
    `id` lets a client drop the repeat)."""
    published = _already_published(events)
    fresh = [event for event in events if event.id not in published]
    sends = _sends(fresh)
    if sends:
        async_to_sync(_publish)(sends)
    if fresh:
        _mark_published(fresh)


def publish_notifications_changed(
    user_ids: Iterable[uuid.UUID], *, workspace_id: uuid.UUID
) -> None:
    """Tell these people's sockets that their notifications changed (new ones, or read
    elsewhere), so badges and inboxes refetch. Best effort, after the commit that changed them:
    a lost message costs a badge that updates on the next refetch, never a notification."""
    message = {"type": "realtime.notifications", "workspace_id": str(workspace_id)}
    sends = [(user_group(user_id), message) for user_id in set(user_ids)]
    if not sends:
        return
    try:
        async_to_sync(_publish)(sends)
    except Exception:
        logger.warning("notifications_not_published", exc_info=True)

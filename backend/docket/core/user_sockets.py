"""Every live socket of one person, as a channel-layer group: how their notifications reach them,
and how their sockets are closed when their sessions end.

Below the apps, so that accounts (which ends sessions) can close sockets without importing the
realtime app above it; docket.realtime.groups re-exports the group name.
"""

from __future__ import annotations

import uuid

import structlog
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = structlog.get_logger(__name__)


def user_group(user_id: uuid.UUID) -> str:
    """Every socket of one person: their notifications, and the end of their sessions."""
    return f"user.{user_id.hex}"


def user_sockets_close(*, user_id: uuid.UUID, reason: str) -> None:
    """Close every socket this person has open (sign-out, password change): they stop receiving
    at once, and reopening needs a ticket, which needs a signed-in caller. Call it after the
    commit that ended the sessions. Best effort: with the channel layer down no socket receives
    anything anyway, and nothing is lost by not closing them then."""
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": "realtime.session_ended", "reason": reason}
    try:
        async_to_sync(layer.group_send)(user_group(user_id), message)
    except Exception:
        logger.warning("user_sockets_not_closed", user_id=str(user_id), exc_info=True)

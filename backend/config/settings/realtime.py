"""Realtime (docket.realtime): tickets, sockets and which events are still worth pushing."""

from .env import env

# A ticket opens one socket, once, within this many seconds of being issued.
REALTIME_TICKET_SECONDS = env.int("REALTIME_TICKET_SECONDS", default=30)
# A socket must present its ticket this soon after the handshake, or it is closed.
REALTIME_AUTH_TIMEOUT_SECONDS = env.float("REALTIME_AUTH_TIMEOUT_SECONDS", default=10.0)
REALTIME_MAX_SUBSCRIPTIONS = env.int("REALTIME_MAX_SUBSCRIPTIONS", default=50)
# Events older than this when the relay reaches them (a relay that was down) are not pushed:
# clients refetch on reconnect, and a flood of stale invalidations helps nobody.
REALTIME_MAX_EVENT_AGE_SECONDS = env.int("REALTIME_MAX_EVENT_AGE_SECONDS", default=300)

"""Realtime (docket.realtime): tickets, sockets and which events are still worth pushing."""

from .env import env

# A ticket opens one socket, once, within this many seconds of being issued.
REALTIME_TICKET_SECONDS = env.int("REALTIME_TICKET_SECONDS", default=30)
# A socket must present its ticket this soon after the handshake, or it is closed.
REALTIME_AUTH_TIMEOUT_SECONDS = env.float("REALTIME_AUTH_TIMEOUT_SECONDS", default=5.0)
# Sockets one address (an IPv6 /64) may hold open without having authenticated, per worker.
REALTIME_MAX_UNAUTHENTICATED_PER_ADDRESS = env.int(
    "REALTIME_MAX_UNAUTHENTICATED_PER_ADDRESS", default=10
)
# Client messages per socket: a burst, then a steady rate; past it the socket is closed (4429).
REALTIME_MESSAGE_BURST = env.int("REALTIME_MESSAGE_BURST", default=50)
REALTIME_MESSAGES_PER_SECOND = env.float("REALTIME_MESSAGES_PER_SECOND", default=5.0)
# The largest websocket frame the server reads (config/uvicorn_worker.py passes it to uvicorn,
# which refuses a larger one from its header, before buffering it: close 1009). The biggest
# valid client message is a few hundred bytes.
REALTIME_MAX_FRAME_BYTES = env.int("REALTIME_MAX_FRAME_BYTES", default=4096)
REALTIME_MAX_SUBSCRIPTIONS = env.int("REALTIME_MAX_SUBSCRIPTIONS", default=50)
# Events older than this when the relay reaches them (a relay that was down) are not pushed:
# clients refetch on reconnect, and a flood of stale invalidations helps nobody.
REALTIME_MAX_EVENT_AGE_SECONDS = env.int("REALTIME_MAX_EVENT_AGE_SECONDS", default=300)

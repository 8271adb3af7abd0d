"""The channel layer: Channels on Redis pub/sub, served by the same ASGI application."""

from .env import env

# Its own Redis database. Pub/sub: a group send is one PUBLISH whatever the number of sockets,
# and groups never expire under a long-lived socket (the list-based layer's groups do).
CHANNEL_REDIS_URL = env.str("CHANNEL_REDIS_URL", default="redis://localhost:6379/2")
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
        # Pub/sub channels are server-wide (not per database): the prefix keeps stacks apart.
        "CONFIG": {
            "hosts": [CHANNEL_REDIS_URL],
            "prefix": env.str("CHANNEL_PREFIX", default="docket-rt"),
        },
    }
}

import os
import warnings

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

# WhiteNoise serves static files with a synchronous iterator; under ASGI Django warns once per
# file. The files are small and few (admin, API docs), so the cost is known and accepted.
warnings.filterwarnings(
    "ignore",
    message="StreamingHttpResponse must consume synchronous iterators",
    category=Warning,
)

http_application = get_asgi_application()

# Websocket close code for "no such endpoint" (4000-4999 are the application's own).
WEBSOCKET_NOT_FOUND = 4404


async def application(scope, receive, send):
    """HTTP goes to Django. Websockets are refused cleanly (closed during the handshake, which
    a client sees as HTTP 403) until the realtime endpoint exists; Channels' router goes here."""
    if scope["type"] == "websocket":
        message = await receive()
        if message["type"] == "websocket.connect":
            await send({"type": "websocket.close", "code": WEBSOCKET_NOT_FOUND})
        return
    await http_application(scope, receive, send)

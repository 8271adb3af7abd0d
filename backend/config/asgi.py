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

# Django is set up first: the websocket side imports models.
django_application = get_asgi_application()

from channels.routing import ProtocolTypeRouter  # noqa: E402
from django.conf import settings  # noqa: E402

from docket.http.limits import RequestBodyLimit  # noqa: E402
from docket.realtime.routing import websocket_application  # noqa: E402

# Bodies over the limit are refused before Django spools them (docs/deploying.md).
http_application = RequestBodyLimit(django_application, max_body_bytes=settings.API_MAX_BODY_BYTES)

# One application serves both: HTTP goes to Django, websockets to the realtime endpoint.
application = ProtocolTypeRouter({"http": http_application, "websocket": websocket_application})

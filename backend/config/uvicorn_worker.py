"""The gunicorn worker class for production serving: uvicorn with Docket's websocket limits.

uvicorn reads a websocket frame of up to 16 MiB into memory by default, before the application
sees it, authenticated or not. The worker passes REALTIME_MAX_FRAME_BYTES (the same environment
variable the settings read) as its `ws_max_size`: a larger frame is refused from its header.
"""

import os
from typing import Any

from uvicorn_worker import UvicornWorker  # type: ignore[import-untyped]


def websocket_max_frame_bytes() -> int:
    return int(os.environ.get("REALTIME_MAX_FRAME_BYTES", "4096"))


class DocketUvicornWorker(UvicornWorker):
    CONFIG_KWARGS: dict[str, Any] = {
        **UvicornWorker.CONFIG_KWARGS,
        "ws_max_size": websocket_max_frame_bytes(),
    }

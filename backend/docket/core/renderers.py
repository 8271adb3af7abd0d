"""The JSON renderer of every API answer."""

import json
from typing import Any

from rest_framework.renderers import JSONRenderer


class SafeJSONRenderer(JSONRenderer):
    """JSON out, whatever the data holds: text with no UTF-8 form (a lone surrogate echoed in an
    error) is written as a JSON escape instead of failing the response."""

    def render(self, data: Any, accepted_media_type: Any = None, renderer_context: Any = None):
        try:
            return super().render(data, accepted_media_type, renderer_context)
        except UnicodeEncodeError:
            return json.dumps(data, ensure_ascii=True, cls=self.encoder_class).encode("ascii")

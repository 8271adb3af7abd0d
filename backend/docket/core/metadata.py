"""What an OPTIONS request answers.

Its own module because DRF imports the metadata class while defining APIView, before modules that
import rest_framework.views (errors, schema) can be loaded.
"""

from typing import Any

from rest_framework.metadata import SimpleMetadata


class DocketMetadata(SimpleMetadata):
    """The view's name and media types; request bodies are described by the OpenAPI schema.
    DRF's default also describes POST/PUT input through `serializer_class`, which our views do
    not set (they parse their input explicitly), so every such OPTIONS request was a 500."""

    def determine_actions(self, request: Any, view: Any) -> dict[str, Any]:
        return {}

"""Request body parsing with a hard size limit.

DRF reads JSON through `request.body`, where Django refuses a declared Content-Length over
DATA_UPLOAD_MAX_MEMORY_SIZE (= API_MAX_BODY_BYTES) before reading; the exception handler turns that
into a 413. The limit is checked here again for any stream that reaches the parser.
"""

import json
from typing import Any

from django.conf import settings
from rest_framework import status
from rest_framework.exceptions import APIException, ErrorDetail, ParseError, ValidationError
from rest_framework.parsers import JSONParser


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is larger than the limit."
    default_code = "request_too_large"


class BoundedJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        limit = settings.API_MAX_BODY_BYTES
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        if declared and declared.isdigit() and int(declared) > limit:
            raise RequestTooLarge()
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise RequestTooLarge()
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise ParseError("The body is not valid JSON.", code="malformed_json") from exc
        if not _all_text_encodable(data):
            # JSON's `\ud800` escape decodes to a lone surrogate, which no database column and
            # no UTF-8 response can hold; refused here, it can reach neither.
            raise ValidationError(
                [ErrorDetail("The body holds text that is not valid Unicode.", "invalid_unicode")]
            )
        return data


def _all_text_encodable(data: Any) -> bool:
    """Whether every string and key in the parsed body encodes as UTF-8 (no lone surrogate)."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _reject_constant(name: str) -> None:
    # NaN and Infinity are not JSON; Python accepts them unless told otherwise.
    raise ValueError(f"{name} is not allowed")

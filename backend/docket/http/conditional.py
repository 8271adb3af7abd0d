"""Conditional requests (RFC 9110 §13): ETags, `If-None-Match` on reads, `If-Match` on writes.

An object's ETag is `"<version>-<resource>-<digest>"`. The version is a counter the services
increment on every write to the object, under its row lock; the resource part names the object
(a hash of its id), so a tag read from one issue never matches another; the digest hashes the
body as it is sent (the text the database rendered, never parsed again), so the tag also changes
when something the body shows changes elsewhere (a renamed label, the parent's title).
`If-None-Match` compares whole tags (weakly, RFC 9110 §8.8.3.2). `If-Match` protects against
lost updates and compares strongly: the tag must be ours, of this object, and the service
compares its version inside its transaction, after locking the row (the digest cannot be
recomputed there without rendering the object, so a change that only renamed a related object
does not fail the precondition).
"""

from __future__ import annotations

import hashlib
import re
from uuid import UUID

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework.request import Request

_ENTITY_TAG = re.compile(r'\s*(W/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)')
_OUR_TAG = re.compile(r"^(\d{1,10})-([0-9a-f]{12})-[0-9a-f]{16}(?:-br|-gz)?$")
# The coding a compressed answer's tag carries (docket.http.compression): the same resource.
_CODING_SUFFIX = re.compile(r"-(?:br|gz)$")


def _resource_part(resource: UUID) -> str:
    return hashlib.sha256(resource.bytes).hexdigest()[:12]


def etag_for(*, resource: UUID, version: int, body: str) -> str:
    """The strong ETag of a representation of the object `resource` (its id): `body` is the text
    sent, as it is sent (a read and a write's answer of the same state send the same text)."""
    digest = hashlib.sha256(body.encode()).hexdigest()[:16]
    return f'"{version}-{_resource_part(resource)}-{digest}"'


def _tags(header: str) -> list[tuple[bool, str]] | None:
    """(weak, opaque tag) for each entity tag of a list header; None if it does not parse."""
    tags: list[tuple[bool, str]] = []
    position = 0
    while position < len(header):
        match = _ENTITY_TAG.match(header, position)
        if match is None:
            return None
        tags.append((match.group(1) is not None, match.group(2)))
        position = match.end()
    return tags


def not_modified(request: Request, etag: str) -> bool:
    """Whether `If-None-Match` names this representation (weak comparison, `*` included)."""
    header = request.headers.get("If-None-Match")
    if header is None:
        return False
    if header.strip() == "*":
        return True
    opaque = etag.strip('"')
    return any(_CODING_SUFFIX.sub("", tag) == opaque for _weak, tag in _tags(header) or [])


def if_match_versions(request: Request, *, resource: UUID) -> frozenset[int] | None:
    """The versions of the object `resource` that `If-Match` accepts: None when the header is
    absent or `*` (write unconditionally, as without it); an empty set when no tag could match
    (the write then fails its precondition). Weak tags never match (If-Match compares
    strongly), nor do tags of another object."""
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return None
    ours = _resource_part(resource)
    versions = set()
    for weak, tag in _tags(header) or []:
        match = _OUR_TAG.match(tag)
        if match and not weak and match.group(2) == ours:
            versions.add(int(match.group(1)))
    return frozenset(versions)


# --- Schema -------------------------------------------------------------------------------------

ETAG_HEADER = OpenApiParameter(
    "ETag",
    location=OpenApiParameter.HEADER,
    response=[200, 201],
    type=str,
    description="Strong entity tag of the issue as returned; send it back in `If-Match`.",
)
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    type=str,
    description="An ETag read earlier: if the issue still has it, the answer is 304, no body.",
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    type=str,
    description=(
        "The ETag of the copy being changed. If the issue changed since, nothing is written "
        "and the answer is 412 `precondition_failed`. Absent or `*`: no check."
    ),
)
LOCATION_HEADER = OpenApiParameter(
    "Location",
    location=OpenApiParameter.HEADER,
    response=[201],
    type=str,
    description="The path of the resource created (`/api/v1/...`).",
)
NOT_MODIFIED = OpenApiResponse(description="Not modified: `If-None-Match` names the current ETag.")

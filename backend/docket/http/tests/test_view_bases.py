"""Every view of the API stands on the edge's bases, so none can miss what they do (Idempotency-Key
on POST today): a new view derived from DRF's classes directly fails here."""

from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.views import APIView as DRFAPIView

from docket.http.idempotency import IdempotencyKeys


def _routed_views(patterns: list, prefix: str = "") -> Iterator[tuple[str, type]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routed_views(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "cls", None)
            if view_class is not None:
                yield prefix + str(pattern.pattern), view_class


def test_every_api_view_of_ours_derives_from_the_edge_bases():
    ours = [
        (route, view_class)
        for route, view_class in _routed_views(get_resolver().url_patterns)
        if issubclass(view_class, DRFAPIView) and view_class.__module__.startswith("docket.")
    ]
    assert len(ours) > 50  # the walk found the API

    strays = [
        f"{route}: {view_class.__module__}.{view_class.__qualname__}"
        for route, view_class in ours
        if not issubclass(view_class, IdempotencyKeys)
    ]
    assert strays == [], "derive these from docket.http.views.APIView or GenericAPIView"

from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path, register_converter
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from docket.core.converters import BigIdConverter, IssueKeyConverter, ProjectKeyConverter
from docket.core.throttling import throttled_admin_login
from docket.http import health
from docket.http.problems import not_found_view

register_converter(ProjectKeyConverter, "project_key")
register_converter(IssueKeyConverter, "issue_key")
register_converter(BigIdConverter, "big_id")

api_v1: list[URLPattern | URLResolver] = [
    path("", include("docket.accounts.api.urls")),
    path("", include("docket.workspaces.api.urls")),
    path("", include("docket.projects.api.urls")),
    path("", include("docket.issues.api.urls")),
    path("", include("docket.notifications.api.urls")),
    path("", include("docket.integrations.api.urls")),
    path("", include("docket.realtime.api.urls")),
    path("", include("docket.analytics.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    # Unknown API paths answer in the API's error format even with DEBUG on.
    re_path(r"^.*$", not_found_view),
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", health.metrics, name="metrics"),
    path("api/v1/", include(api_v1)),
]


def admin_urls() -> list:
    """The staff admin, its sign-in behind the API's sign-in limits."""
    admin.site.site_header = "Docket staff admin"
    if not getattr(admin.site.login, "throttled", False):
        admin.site.login = throttled_admin_login(admin.site.login)  # type: ignore[method-assign]
    return [path(settings.ADMIN_URL, admin.site.urls)]


# Off unless enabled (settings.ADMIN_ENABLED): `make run` enables it for the local staff user.
if settings.ADMIN_ENABLED:
    urlpatterns += admin_urls()

handler400 = "docket.http.problems.bad_request_view"
handler404 = "docket.http.problems.not_found_view"
handler500 = "docket.http.problems.server_error_view"

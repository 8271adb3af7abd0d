"""A retired operation is deprecated in the schema and answers Deprecation and Sunset."""

from django.test import override_settings
from drf_spectacular.generators import SchemaGenerator

from docket.http.tests.urls_with_retired import retired_patterns


@override_settings(ROOT_URLCONF="docket.http.tests.urls_with_retired")
def test_a_retired_operation_answers_deprecation_sunset_and_its_successor(api):
    response = api.get("/api/v1/test/ping")

    assert response.status_code == 200
    assert response.json() == {"pong": True}
    # RFC 9745: a structured-field date (2026-12-01T00:00:00Z); RFC 8594: an HTTP-date
    assert response["Deprecation"] == "@1796083200"
    assert response["Sunset"] == "Wed, 30 Jun 2027 00:00:00 GMT"
    assert response["Link"] == '</api/v1/pong>; rel="successor-version"'
    # The view's other, live operation says nothing of the sort
    live = api.post("/api/v1/test/ping")
    assert live.status_code == 200
    assert "Deprecation" not in live
    assert "Sunset" not in live


def test_the_schema_marks_it_deprecated_and_documents_the_headers():
    schema = SchemaGenerator(patterns=retired_patterns).get_schema(request=None, public=True)
    operations = schema["paths"]["/api/v1/test/ping"]

    assert operations["get"]["deprecated"] is True
    assert {"Deprecation", "Sunset"} <= set(operations["get"]["responses"]["200"]["headers"])
    assert "deprecated" not in operations["post"]

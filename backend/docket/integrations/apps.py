from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    """What integrations and mobile clients build on: the change feed (later webhooks and
    idempotency keys)."""

    name = "docket.integrations"
    label = "integrations"

from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    """Facts about issues (created, started, completed, reopened) and the insights computed from
    them, in a database of their own (the `analytics` alias, routed by AnalyticsRouter): heavy
    aggregate reads never load the primary, and the primary never holds these tables."""

    name = "docket.analytics"
    label = "analytics"

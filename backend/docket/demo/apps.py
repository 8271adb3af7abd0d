from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo tenant's seeder: above every app, so it may use all their services."""

    name = "docket.demo"
    label = "demo"

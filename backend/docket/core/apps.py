from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "docket.core"
    label = "core"

from django.apps import AppConfig


class IssuesConfig(AppConfig):
    name = "docket.issues"
    label = "issues"

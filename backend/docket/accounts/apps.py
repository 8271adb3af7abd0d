from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "docket.accounts"
    label = "accounts"

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "reunify.accounts"
    label = "accounts"
    verbose_name = "Accounts"

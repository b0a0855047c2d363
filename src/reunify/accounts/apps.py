from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "reunify.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Connect the sign-in receiver that starts a session's clock.
        from reunify.accounts import session_limits  # noqa: F401

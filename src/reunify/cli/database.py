"""`reunify migrate`."""

from django.conf import settings
from django.core.management import call_command


def database_label() -> str:
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        return f"SQLite at {database['NAME']}"
    return f"PostgreSQL database {database['NAME']} on {database.get('HOST') or 'localhost'}"


def migrate() -> int:
    call_command("migrate", interactive=False, verbosity=0)
    print(f"Database ready: {database_label()}")
    return 0

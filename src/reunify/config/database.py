"""Which database Reunify talks to: `DATABASE_URL`, or an embedded SQLite file."""

from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

SUPPORTED_ENGINES = {
    "django.db.backends.postgresql",
    "django.db.backends.sqlite3",
}


def database_settings(url: str | None, *, sqlite_path: Path) -> dict[str, Any]:
    """The `DATABASES["default"]` for a URL, or for the embedded SQLite file when none."""
    if not url:
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(sqlite_path),
            # WAL lets the web server read while a command writes; IMMEDIATE makes a
            # write transaction take its lock at BEGIN, so two writers queue instead of
            # failing half-way with "database is locked".
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                " PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL cannot be read: {error}") from None
    if config.get("ENGINE") not in SUPPORTED_ENGINES:
        raise ImproperlyConfigured(
            f"DATABASE_URL must point at PostgreSQL or SQLite, got engine {config.get('ENGINE')!r}"
        )
    if config["ENGINE"] == "django.db.backends.postgresql":
        config["CONN_HEALTH_CHECKS"] = True
    return config

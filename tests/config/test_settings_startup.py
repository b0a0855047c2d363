"""A bad setting stops Reunify at start-up, with a message naming it.

Each test runs the settings module afresh in its own namespace (`runpy`), so the settings
the test session itself runs on are never touched.
"""

import importlib.util
import runpy
import stat
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

SPEC = importlib.util.find_spec("reunify.config.settings")
assert SPEC is not None
assert SPEC.origin is not None
SETTINGS_FILE = SPEC.origin
GOOD_SECRET = "k" * 50


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """A development environment with its own data folder and no optional settings."""
    monkeypatch.setenv("REUNIFY_DATA_DIR", str(tmp_path))
    for name in (
        "DATABASE_URL",
        "DEBUG",
        "SECRET_KEY",
        "REUNIFY_DEPLOYMENT",
        "SESSION_COOKIE_AGE",
        "REUNIFY_PAGE_SIZE",
        "ALLOWED_HOSTS",
    ):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def load_settings() -> dict[str, Any]:
    return runpy.run_path(SETTINGS_FILE, run_name="reunify_settings_under_test")


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG must be a boolean"),
        ("REUNIFY_DEPLOYMENT", "staging", "REUNIFY_DEPLOYMENT must be 'development' or"),
        ("SECRET_KEY", "too-short", "SECRET_KEY must be at least 50 characters"),
        ("SESSION_COOKIE_AGE", "30", "SESSION_COOKIE_AGE must be at least 60"),
        ("REUNIFY_PAGE_SIZE", "many", "REUNIFY_PAGE_SIZE must be an integer"),
        ("DATABASE_URL", "mysql://reunify@db/reunify", "must point at PostgreSQL or SQLite"),
    ],
)
def test_a_bad_value_stops_start_up(
    environment: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    # Given
    environment.setenv(name, value)

    # When / Then
    with pytest.raises(ImproperlyConfigured, match=message):
        load_settings()


def test_production_needs_a_secret_key(environment: pytest.MonkeyPatch) -> None:
    # Given
    environment.setenv("REUNIFY_DEPLOYMENT", "production")

    # When / Then
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        load_settings()


def test_production_is_locked_down(environment: pytest.MonkeyPatch) -> None:
    # Given
    environment.setenv("REUNIFY_DEPLOYMENT", "production")
    environment.setenv("SECRET_KEY", GOOD_SECRET)

    # When
    settings = load_settings()

    # Then
    assert settings["SECRET_KEY"] == GOOD_SECRET
    assert settings["DEBUG"] is False
    assert settings["ALLOWED_HOSTS"] == []
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["CSRF_COOKIE_SECURE"] is True
    assert settings["SECURE_SSL_REDIRECT"] is True
    assert settings["SECURE_HSTS_SECONDS"] == 31_536_000


def test_development_keeps_one_private_generated_key(
    environment: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Given: no SECRET_KEY in a development environment

    # When: started twice
    first = load_settings()
    second = load_settings()

    # Then: the key is kept, readable by its owner only, and reused
    key_file = tmp_path / "secret_key"
    assert first["SECRET_KEY"] == second["SECRET_KEY"] == key_file.read_text().strip()
    assert len(first["SECRET_KEY"]) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_without_a_database_url_the_data_folder_holds_an_sqlite_file(
    environment: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Given / When
    settings = load_settings()

    # Then
    default = settings["DATABASES"]["default"]
    assert default["ENGINE"] == "django.db.backends.sqlite3"
    assert default["NAME"] == str(tmp_path / "reunify.sqlite3")

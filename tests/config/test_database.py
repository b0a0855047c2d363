"""Which database Reunify talks to: `DATABASE_URL`, or an embedded SQLite file."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from reunify.config.database import database_settings


def test_without_a_url_it_is_an_sqlite_file_in_the_data_folder(tmp_path: Path) -> None:
    # Given: a data folder that does not exist yet
    path = tmp_path / "data" / "reunify.sqlite3"

    # When
    config = database_settings(None, sqlite_path=path)

    # Then
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(path)
    assert path.parent.is_dir()


@pytest.mark.parametrize("url", [None, ""])
def test_the_embedded_database_lets_readers_and_writers_share_it(
    tmp_path: Path, url: str | None
) -> None:
    # Given / When
    config = database_settings(url, sqlite_path=tmp_path / "reunify.sqlite3")

    # Then: WAL so the web server reads while a command writes; writers queue at BEGIN
    pragmas = config["OPTIONS"]["init_command"]
    assert "PRAGMA journal_mode=WAL" in pragmas
    assert "PRAGMA foreign_keys=ON" in pragmas
    assert "PRAGMA busy_timeout=" in pragmas
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_a_postgres_url(tmp_path: Path, scheme: str) -> None:
    # Given
    url = f"{scheme}://reunify:s3cret@db.internal:5433/reunify"

    # When
    config = database_settings(url, sqlite_path=tmp_path / "unused" / "reunify.sqlite3")

    # Then
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5433, "reunify")
    assert (config["USER"], config["PASSWORD"]) == ("reunify", "s3cret")
    assert config["CONN_MAX_AGE"] == 60
    assert config["CONN_HEALTH_CHECKS"] is True
    assert not (tmp_path / "unused").exists()


@pytest.mark.parametrize(
    "url",
    ["mysql://reunify@db/reunify", "oracle://db/reunify", "postgis://db/reunify"],
)
def test_an_unsupported_database_is_refused(tmp_path: Path, url: str) -> None:
    # Given / When / Then
    with pytest.raises(ImproperlyConfigured, match="must point at PostgreSQL or SQLite"):
        database_settings(url, sqlite_path=tmp_path / "reunify.sqlite3")


@pytest.mark.parametrize("url", ["foo://db/reunify", "not a url", "localhost:5432"])
def test_an_unreadable_url_is_refused(tmp_path: Path, url: str) -> None:
    # Given / When / Then
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_settings(url, sqlite_path=tmp_path / "reunify.sqlite3")

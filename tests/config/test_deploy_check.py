"""Under production settings Django's own deployment checklist finds nothing to warn of
(issue 4: `manage.py check --deploy --fail-level WARNING` clean)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.sqlite


def test_check_deploy_is_clean_under_production_settings(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "REUNIFY_DEPLOYMENT": "production",
        "SECRET_KEY": "k" * 20 + "9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a",
        "ALLOWED_HOSTS": "reunify.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "REUNIFY_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "reunify.config.settings",
    }
    env.pop("DEBUG", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # the PostgreSQL test run sets it

    done = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip

    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout

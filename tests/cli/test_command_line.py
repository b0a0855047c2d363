"""The `reunify` script as a person runs it: real processes, one-line errors, exit codes."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REUNIFY = str(Path(sys.executable).with_name("reunify"))


def run(
    *arguments: str, data_dir: Path, database_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REUNIFY_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return subprocess.run(
        [REUNIFY, *arguments], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode != 0
    assert result.stderr.startswith("reunify: error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_an_unknown_command_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("frobnicate", data_dir=tmp_path)
    assert_one_line_error(result)
    assert result.returncode == 2


def test_a_bad_number_is_one_line(tmp_path: Path) -> None:
    assert_one_line_error(run("demo", "--families", "many", data_dir=tmp_path))


def test_a_bad_database_url_is_one_line(tmp_path: Path) -> None:
    result = run("migrate", data_dir=tmp_path, database_url="mysql://x@localhost/db")
    assert_one_line_error(result)
    assert "DATABASE_URL" in result.stderr


def test_an_unreachable_database_is_one_line(tmp_path: Path) -> None:
    result = run("migrate", data_dir=tmp_path, database_url="postgres://nobody@127.0.0.1:9/none")
    assert_one_line_error(result)


def test_synth_into_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("")
    result = run("synth", "--families", "3", "--seed", "1", "--out", str(target), data_dir=tmp_path)
    assert_one_line_error(result)
    assert "is not a folder" in result.stderr


@pytest.mark.sqlite
def test_migrate_then_demo_on_the_embedded_database_says_how_to_sign_in(tmp_path: Path) -> None:
    assert run("migrate", data_dir=tmp_path).returncode == 0

    first = run("demo", "--families", "40", "--seed", "3", "--if-empty", data_dir=tmp_path)
    again = run("demo", "--families", "40", "--seed", "3", "--if-empty", data_dir=tmp_path)

    assert first.returncode == 0, first.stderr
    assert "Loaded 40 family units" in first.stdout
    assert re.search(r"and [1-9][0-9]* tracing cases", first.stdout)  # the queue is not empty
    assert "reunify-demo-2026" in first.stdout
    assert "OJSXK3TJMZ4SAZDFNVXSAMRQGI3CA33L" in first.stdout
    assert (tmp_path / "reunify.sqlite3").exists()
    assert again.returncode == 0
    assert "already loaded (40 family units)" in again.stdout

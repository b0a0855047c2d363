"""`reunify import` as an operator runs it: one JSON line of counts on stdout, or a
one-line error and exit 1 for a refused file."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_command_line import REUNIFY, assert_one_line_error
from tests.cli.test_gate_check import database_url_of_this_test
from tests.imports.support import CBP_HEADER, write_csv

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


def reunify_import(*arguments: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "REUNIFY_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url_of_this_test(),
    }
    return subprocess.run(
        [REUNIFY, "import", *arguments], env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip


def test_an_import_prints_one_json_line_of_counts(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "cbp.csv",
        CBP_HEADER,
        [("E1", "EV1", "2018-05-10", "MARIA", "LOPEZ", ""), ("E2", "", "2018-05-10", "A", "B", "")],
    )

    result = reunify_import("--source", "cbp", str(path), data_dir=tmp_path)

    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    counts = json.loads(line)
    assert (counts["read"], counts["accepted"], counts["quarantined"]) == (2, 1, 1)


def test_a_refused_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "ice.csv"
    path.write_text("record_id,first_name\nI1,ANA\n", encoding="utf-8")

    result = reunify_import("--source", "ice", str(path), data_dir=tmp_path)

    assert result.returncode == 1
    assert_one_line_error(result)
    assert "ice.csv was not imported: an ice extract needs the column last_name" in result.stderr
    assert result.stdout == ""

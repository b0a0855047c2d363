"""`reunify gate check PERSON` as a script runs it: a real process reading the test
database, the gate's answer as JSON on stdout, the verdict in the exit code."""

import json
import os
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from reunify.accounts.models import User
from reunify.families.models import Facility
from tests.cli.test_command_line import REUNIFY, assert_one_line_error
from tests.elections.factories import (
    elect_after_notice,
    kiche_mother_with_children,
)

# The process must see what the test wrote, so the test commits (transaction=True), and
# the in-memory SQLite of other runs cannot be shared with a second process.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


def database_url_of_this_test() -> str:
    database = connection.settings_dict
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    return (
        f"postgres://{database['USER']}{password}@{database['HOST']}:{database['PORT']}"
        f"/{database['NAME']}"
    )


def gate_check(person: str, *, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "REUNIFY_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url_of_this_test(),
    }
    return subprocess.run(
        [REUNIFY, "gate", "check", person],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def answer_of(result: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(result.stdout)


def test_a_parent_without_an_election_is_blocked_exit_3(
    tmp_path: Path, olivia: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)

    result = gate_check(str(mother.pk), data_dir=tmp_path)

    assert result.returncode == 3, result.stderr
    answer = answer_of(result)
    assert answer["passes"] is False
    assert [(b["child_id"], b["code"]) for b in answer["blocks"]] == [(str(son.pk), "NO_ELECTION")]
    assert answer["blocks"][0]["reason"].startswith("no election for Tomás López Xiloj, ")
    assert "Tomás" in result.stdout  # not escaped: people read this output
    assert result.stdout.startswith('{\n  "passes": false,')


def test_a_parent_with_a_valid_election_found_by_a_number_is_open_exit_0(
    tmp_path: Path, olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        acknowledged_by=sam,
    )

    result = gate_check("A 212-345-678", data_dir=tmp_path)

    assert result.returncode == 0, result.stderr
    assert answer_of(result)["passes"] is True
    assert answer_of(result)["blocks"] == []


def test_an_unknown_person_is_one_line_and_exit_1(tmp_path: Path) -> None:
    unknown = uuid.uuid4()

    result = gate_check(str(unknown), data_dir=tmp_path)

    assert_one_line_error(result)
    assert result.returncode == 1
    assert f"no person has the id {unknown}" in result.stderr
    assert result.stdout == ""


def test_neither_an_id_nor_an_a_number_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = gate_check("María", data_dir=tmp_path)

    assert_one_line_error(result)
    assert result.returncode == 1
    assert "neither a person id (UUID) nor an A-number" in result.stderr

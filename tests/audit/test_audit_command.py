"""`reunify audit verify|checkpoint|export` as an operator and an auditor run them."""

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from reunify.audit.models import HistoryEntry
from tests.audit.conftest import tamper
from tests.cli.test_command_line import assert_one_line_error, run
from tests.cli.test_gate_check import database_url_of_this_test

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


def audit(*arguments: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return run("audit", *arguments, data_dir=data_dir, database_url=database_url_of_this_test())


def test_an_intact_log_verifies_with_exit_0(
    tmp_path: Path, log_of: Callable[[int], list[HistoryEntry]]
) -> None:
    # Given
    entries = log_of(3)

    # When
    result = audit("verify", data_dir=tmp_path)

    # Then
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"intact: 3 entries, head {entries[-1].entry_hash}")


def test_a_tampered_log_names_its_first_bad_entry_with_exit_1(
    tmp_path: Path, log_of: Callable[[int], list[HistoryEntry]]
) -> None:
    # Given
    entries = log_of(3)
    tamper("UPDATE audit_historyentry SET actor_label = 'x' WHERE sequence = 2")

    # When
    result = audit("verify", data_dir=tmp_path)

    # Then
    assert result.returncode == 1
    assert_one_line_error(result)
    assert f"entry #2 ({entries[1].id})" in result.stderr


def test_a_rewound_log_fails_against_a_checkpoint_printed_before(
    tmp_path: Path, log_of: Callable[[int], list[HistoryEntry]]
) -> None:
    # Given: a checkpoint printed for cron to ship, then the newest entry deleted
    entries = log_of(3)
    printed = audit("checkpoint", data_dir=tmp_path)
    assert printed.returncode == 0, printed.stderr
    line = printed.stdout.strip()
    assert json.loads(line)["sequence"] == 3
    (tmp_path / "shipped.jsonl").write_text(line + "\n")
    second = entries[1]
    tamper(
        "DELETE FROM audit_historyentry WHERE sequence = 3",
        "DELETE FROM audit_checkpoint",
        (
            "UPDATE audit_chainhead SET sequence = 2, entry_hash = %s, previous_hash = %s",
            [second.entry_hash, second.previous_hash],
        ),
    )

    # When
    alone = audit("verify", data_dir=tmp_path)
    from_file = audit("verify", "--checkpoint", str(tmp_path / "shipped.jsonl"), data_dir=tmp_path)
    from_line = audit("verify", "--checkpoint", line, data_dir=tmp_path)

    # Then
    assert alone.returncode == 0
    for result in (from_file, from_line):
        assert result.returncode == 1
        assert_one_line_error(result)
        assert "entry #3: is missing" in result.stderr


def test_an_export_verifies_on_its_own(
    tmp_path: Path, log_of: Callable[[int], list[HistoryEntry]]
) -> None:
    # Given
    log_of(3)
    out = tmp_path / "audit.jsonl"
    assert audit("export", "--out", str(out), data_dir=tmp_path).returncode == 0

    # When: verified with no database at all
    result = run("audit", "verify", "--export", str(out), data_dir=tmp_path)

    # Then
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("intact: 3 entries")


def test_an_unreadable_checkpoint_is_one_line_and_exit_2(tmp_path: Path, db: None) -> None:
    for argument in (str(tmp_path / "missing.jsonl"), '{"sequence": "three"}'):
        result = audit("verify", "--checkpoint", argument, data_dir=tmp_path)
        assert_one_line_error(result)
        assert result.returncode == 2

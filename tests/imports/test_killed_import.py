"""`reunify import` killed with SIGKILL half-way, then run again, stages every row once.

A real process is killed while it writes (not an exception raised in-process), so the
test commits its data (transaction=True) and runs on PostgreSQL, which a second process
can share."""

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from reunify.imports.models import CbpRecord, ImportBatch
from tests.cli.test_command_line import REUNIFY
from tests.cli.test_gate_check import database_url_of_this_test
from tests.imports.support import CBP_HEADER, write_csv

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]

ROWS = 30_000


def run_import(path: Path, data_dir: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "REUNIFY_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url_of_this_test(),
    }
    return subprocess.Popen(
        [REUNIFY, "import", "--source", "cbp", str(path)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def processes_reading(path: Path) -> list[int]:
    """Live processes whose command line names `path`."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().split(") ", 1)[1][0]
        except (OSError, IndexError):
            continue
        if str(path).encode() in command and state != "Z":
            found.append(int(entry.name))
    return found


def test_a_killed_import_run_again_stages_each_row_exactly_once(tmp_path: Path) -> None:
    rows = [
        (f"E{n}", f"EV{n // 3}", "2018-05-10", "MARIA", f"LOPEZ{n}", "1990-01-02")
        for n in range(ROWS)
    ]
    path = write_csv(tmp_path / "cbp.csv", CBP_HEADER, rows)

    first = run_import(path, tmp_path)
    deadline = time.monotonic() + 60
    while not CbpRecord.objects.exists():
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    # the process reading rows beside it (a file this size has one) ends with it
    deadline = time.monotonic() + 10
    while processes_reading(path):
        assert time.monotonic() < deadline, "a reading process outlived the killed import"
        time.sleep(0.1)
    staged_when_killed = CbpRecord.objects.count()
    assert 0 < staged_when_killed < ROWS
    assert not ImportBatch.objects.get().is_finished

    second = run_import(path, tmp_path)
    out, err = second.communicate(timeout=300)

    assert second.returncode == 0, err
    counts = json.loads(out)
    assert (counts["read"], counts["accepted"], counts["new"]) == (ROWS, ROWS, ROWS)
    assert CbpRecord.objects.count() == ROWS
    assert CbpRecord.objects.values("record_id").distinct().count() == ROWS
    assert ImportBatch.objects.get().is_finished

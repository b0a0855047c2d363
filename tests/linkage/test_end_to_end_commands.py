"""The README's path, as an operator types it: `reunify synth`, `import` three times,
`link`, `export persons`, `evaluate` — real processes on a real database."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from reunify.families.models import Separation
from reunify.oversight.models import StoredRemovalsReport
from reunify.oversight.report_store import changes_since
from tests.cli.test_command_line import REUNIFY
from tests.cli.test_gate_check import database_url_of_this_test

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


def reunify(*arguments: str, data_dir: Path) -> dict[str, object]:
    env = {
        **os.environ,
        "REUNIFY_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url_of_this_test(),
    }
    done = subprocess.run(
        [REUNIFY, *arguments], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    answer: dict[str, object] = json.loads(line)
    return answer


def test_synth_import_link_export_evaluate(tmp_path: Path) -> None:
    extracts = tmp_path / "extracts"
    subprocess.run(
        [REUNIFY, "synth", "--families", "300", "--seed", "8", "--out", str(extracts)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    read = 0
    for source in ("cbp", "ice", "orr"):
        counts = reunify(
            "import", "--source", source, str(extracts / f"{source}.csv"), data_dir=tmp_path
        )
        assert counts["read"] == counts["accepted"] + counts["quarantined"]  # type: ignore[operator]
        read += counts["accepted"]  # type: ignore[operator]

    linked = reunify("link", data_dir=tmp_path)
    exported = reunify(
        "export", "persons", "--out", str(tmp_path / "persons.csv"), data_dir=tmp_path
    )
    related = reunify(
        "export", "relationships", "--out", str(tmp_path / "rel.csv"), data_dir=tmp_path
    )
    scores = reunify("evaluate", "--truth", str(extracts), data_dir=tmp_path)

    assert linked["records"] == exported["rows"] == read
    # every child the extracts show separated and not reunified is being traced
    apart = Separation.objects.filter(reunion__isnull=True)
    assert apart.exists()
    assert not apart.filter(tracing_cases__isnull=True).exists()
    # the removals report's page finds a build that has seen the linked records
    (kept,) = StoredRemovalsReport.objects.filter(as_of=None)
    assert changes_since(kept) == 0
    assert related["rows"] == linked["family_links"]
    assert (
        (tmp_path / "rel.csv")
        .read_text(encoding="utf-8")
        .startswith("parent_person_id,child_person_id,confidence\n")
    )
    assert scores["relationships"]["shelter"]["correct_share"] > 0.95  # type: ignore[index]
    lines = (tmp_path / "persons.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "source,record_id,person_id"
    assert len(lines) == read + 1
    assert scores["persons"]["f1"] > 0.98  # type: ignore[index]

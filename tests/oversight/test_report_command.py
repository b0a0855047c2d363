"""`reunify report removals`: JSON on stdout, CSV and XLSX for analysts, one-line errors."""

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reunify.cli.main import main
from reunify.families.models import Person
from reunify.oversight.models import StoredRemovalsReport
from reunify.vocabulary import ElectionForm
from tests.cli.test_command_line import assert_one_line_error, run
from tests.oversight.records import extract_election, removed_parent

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_json_holds_the_contract_keys_filters_and_dates(capsys: pytest.CaptureFixture[str]) -> None:
    ana = removed_parent("Ana")
    extract_election(ana, form=ElectionForm.VERBAL)
    assert main(["report", "removals", "--format", "json", "--nationality", "GT"]) == 0
    report = json.loads(capsys.readouterr().out)

    for key in (
        "removed_parents_with_separated_children",
        "with_valid_election",
        "without_any_election",
        "with_deficient_election",
        "removed_contrary_to_election",
        "gate_overrides",
        "acknowledgment_unknown",
        "deficiencies",
        "persons_by_deficiency",
        "generated_at",
        "as_of",
    ):
        assert key in report, key
    assert report["persons_with_deficient_election"] == [str(ana.parent.pk)]
    assert report["filters"]["nationality"] == "GT"


def test_csv_has_one_inert_row_per_counted_parent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ana = removed_parent("Ana")
    Person.objects.filter(pk=ana.parent.pk).update(given_names="=HYPERLINK(1)")
    removed_parent("Berta")
    out = tmp_path / "removals.csv"
    assert main(["report", "removals", "--format", "csv", "--out", str(out)]) == 0
    assert json.loads(capsys.readouterr().out)["out"] == str(out)

    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 2
    assert {row["class"] for row in rows} == {"without_any_election"}
    named = next(row for row in rows if row["person_id"] == str(ana.parent.pk))
    assert named["name"].startswith("'=HYPERLINK")


def test_xlsx_holds_the_cases_and_the_counts(tmp_path: Path) -> None:
    ana = removed_parent("Ana")
    extract_election(ana)
    out = tmp_path / "removals.xlsx"
    assert main(["report", "removals", "--format", "xlsx", "--out", str(out)]) == 0

    workbook = load_workbook(out)
    cases = list(workbook["Cases"].values)
    assert cases[1][0] == str(ana.parent.pk)
    assert cases[1][6] == "with_valid_election"
    counts = {row[0]: row[1] for row in workbook["Counts"].values if row and row[0]}
    assert counts["removed_parents_with_separated_children"] == 1
    assert counts["acknowledgment_unknown"] == 1


@pytest.mark.parametrize(
    "arguments",
    [
        ["--as-of", "2019-02-30"],
        ["--from", "last year"],
        ["--format", "docx"],
        ["--format", "xlsx"],
        ["--nationality", "Atlantis"],
    ],
)
def test_bad_input_is_one_line_and_a_nonzero_exit(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["report", "removals", *arguments])
    assert exit_.value.code != 0
    error = capsys.readouterr().err
    assert error.startswith("reunify: error: ")
    assert len(error.strip().splitlines()) == 1


def test_a_bad_date_from_the_shell_is_one_line(tmp_path: Path) -> None:
    result = run("report", "removals", "--as-of", "yesterday", data_dir=tmp_path)
    assert_one_line_error(result)
    assert "--as-of 'yesterday' is not a date" in result.stderr


def test_refresh_keeps_the_report_the_page_reads(capsys: pytest.CaptureFixture[str]) -> None:
    removed_parent("Ana")
    assert main(["report", "removals", "--refresh"]) == 0
    said = json.loads(capsys.readouterr().out)
    kept = StoredRemovalsReport.objects.get()
    assert said["stored"] == str(kept.pk)
    assert said["removed_parents_with_separated_children"] == 1
    assert said["as_of"] is None


def test_refresh_keeps_the_whole_report_and_refuses_narrowing_filters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["report", "removals", "--refresh", "--nationality", "GT"])
    assert exit_.value.code != 0
    assert "--refresh keeps the whole report" in capsys.readouterr().err

"""`linkage_run` over imported extracts: every record gets a person, person ids survive a
re-run, and the persons export holds every imported record exactly once."""

import csv
import io
import uuid
from pathlib import Path

import pandas as pd
import pytest
from django.db import connection
from django.utils import timezone

from reunify.audit.models import HistoryEntry
from reunify.imports.services import extract_import
from reunify.linkage.errors import LinkageRefused
from reunify.linkage.exports import persons_export, relationships_export, staged_count
from reunify.linkage.family_records.writing import encoded_values
from reunify.linkage.models import FamilyLink, FamilyLinkStatus, LinkageRun, LinkedRecord
from reunify.linkage.scoring import linkage_evaluation
from reunify.linkage.services import link_rows, linkage_run, links_replace
from reunify.synth import build_world, write_extracts
from tests.linkage.worlds import import_all

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture(scope="module")
def extracts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("linkage")
    write_extracts(build_world(300, 21), directory, 21)
    return directory


def test_every_record_gets_a_person_and_ids_survive_a_rerun(extracts: Path) -> None:
    import_all(extracts)

    first = linkage_run(actor=None, actor_label="test")
    before = dict(LinkedRecord.objects.values_list("record_id", "person_id"))
    second = linkage_run(actor=None, actor_label="test")
    after = dict(LinkedRecord.objects.values_list("record_id", "person_id"))

    assert first.records == second.records == staged_count() == len(after)
    assert first.persons < first.records
    assert after == before
    assert HistoryEntry.objects.filter(action="linkage.run").count() == 2
    # every stage of the run is timed, so a benchmark can say where the time went
    stages = ("read_staged", "register", "train", "predict", "cluster", "person_ids",
              "write_linked", "family_links", "write_links", "family_records")  # fmt: skip
    assert set(stages) <= set(LinkageRun.objects.get(pk=second.pk).seconds)
    scores = linkage_evaluation(extracts)
    assert scores["persons"]["f1"] > 0.98
    assert scores["persons"]["f1"] > scores["naive_baseline_persons"]["f1"]


def _indexes_and_constraints() -> list[tuple[str, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes "
            "WHERE tablename LIKE 'linkage_%' OR tablename LIKE 'families_%' "
            "UNION ALL SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid::regclass::text LIKE ANY "
            "(ARRAY['linkage_%', 'families_%']) ORDER BY 1, 2, 3"
        )
        return cursor.fetchall()


@pytest.mark.postgres_only
def test_a_first_run_builds_indexes_and_checks_keys_whole_and_leaves_them_as_they_were(
    extracts: Path,
) -> None:
    import_all(extracts)
    before = _indexes_and_constraints()

    linkage_run(actor=None, actor_label="test")

    assert _indexes_and_constraints() == before
    assert LinkedRecord.objects.count() == staged_count()
    assert FamilyLink.objects.exists()


def test_the_persons_export_holds_each_imported_record_once(extracts: Path) -> None:
    import_all(extracts)
    linkage_run(actor=None, actor_label="test")
    out = io.StringIO()

    written = persons_export(out)

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ["source", "record_id", "person_id"]
    assert written == len(rows) == staged_count()
    assert len({(row["source"], row["record_id"]) for row in rows}) == len(rows)


def test_parent_child_links_are_found_and_exported_with_their_evidence(extracts: Path) -> None:
    import_all(extracts)
    run = linkage_run(actor=None, actor_label="test")
    out = io.StringIO()

    written = relationships_export(out)

    accepted = FamilyLink.objects.filter(status=FamilyLinkStatus.ACCEPTED)
    assert written == accepted.count() == run.family_links > 50
    assert all(link.confidence >= 0.9 for link in accepted)
    assert any(code.startswith("relationship_word:") for code in accepted.first().evidence)  # type: ignore[union-attr]
    linked_persons = set(LinkedRecord.objects.values_list("person_id", flat=True))
    assert set(accepted.values_list("child_person_id", flat=True)) <= linked_persons
    assert out.getvalue().startswith("parent_person_id,child_person_id,confidence\n")
    shelter = linkage_evaluation(extracts)["relationships"]["shelter"]
    assert shelter["correct_share"] > 0.95
    assert shelter["wrong_share"] < 0.01


def test_an_export_after_a_new_import_asks_for_linkage_first(
    extracts: Path, tmp_path: Path
) -> None:
    import_all(extracts)
    linkage_run(actor=None, actor_label="test")
    late = tmp_path / "cbp-late.csv"
    late.write_text(
        "record_id,event_id,apprehended_on,given_names,surnames\n"
        "LATE-1,EV-LATE,2018-06-01,ANA,PEREZ\n",
        encoding="utf-8",
    )
    extract_import(actor=None, actor_label="test", source="cbp", path=late)

    with pytest.raises(LinkageRefused, match="run reunify link first"):
        persons_export(io.StringIO())


def test_linkage_refuses_too_few_records_and_an_unknown_engine() -> None:
    with pytest.raises(LinkageRefused, match="too few to learn a model from"):
        linkage_run(actor=None, actor_label="test")
    with pytest.raises(LinkageRefused, match="too few to learn a model from"):
        linkage_run(actor=None, actor_label="test", engine="spark")
    with pytest.raises(LinkageRefused, match="unknown engine 'hadoop'"):
        linkage_run(actor=None, actor_label="test", engine="hadoop")


def test_a_record_id_written_as_a_formula_is_exported_as_text(
    extracts: Path, tmp_path: Path
) -> None:
    import_all(extracts)
    hostile = tmp_path / "cbp-hostile.csv"
    hostile.write_text(
        "record_id,event_id,apprehended_on,given_names,surnames\n"
        '"=HYPERLINK(""http://evil.example"")",EV-X,2018-06-01,ANA,PEREZ\n',
        encoding="utf-8",
    )
    extract_import(actor=None, actor_label="test", source="cbp", path=hostile)
    linkage_run(actor=None, actor_label="test")
    out = io.StringIO()

    persons_export(out)

    assert "cbp,'=HYPERLINK" in out.getvalue().replace('"', "")


@pytest.mark.postgres_only
def test_links_encoded_ahead_are_written_as_links_written_row_by_row() -> None:
    run = LinkageRun.objects.create(
        engine="duckdb", threshold=0.5, started_at=timezone.now(), starter_label="test"
    )
    parent, child, other = (str(uuid.uuid4()) for _ in range(3))
    links = pd.DataFrame(
        {
            "parent_person_id": [parent, parent],
            "child_person_id": [child, other],
            "confidence": [0.9999991684719722, 0.61],
            "status": ["accepted", "review"],
            "evidence": [
                ("relationship_word:MADRE/HIJO", 'reported_parent:"Ana"\tde la\\Cruz'),
                ("co_apprehended", "K\u2019iche\u2019 \\N"),
            ],
        }
    )

    def written() -> set[tuple[object, ...]]:
        return {
            (str(link.parent_person_id), str(link.child_person_id), link.confidence,
             link.status, tuple(link.evidence), link.run_id)
            for link in FamilyLink.objects.all()
        }  # fmt: skip

    links_replace(run, links)
    row_by_row = written()
    links_replace(run, links, ready=encoded_values(FamilyLink, link_rows(run, links)))

    assert (
        written()
        == row_by_row
        == {
            (parent, child, 0.9999991684719722, "ACCEPTED", links["evidence"][0], run.pk),
            (parent, other, 0.61, "REVIEW", links["evidence"][1], run.pk),
        }
    )

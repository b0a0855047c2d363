"""Findings that make the report uncertain: listed, counted, and linked on the page.

The cast: Ana, removed, whose link to a second child linkage left for review; Berta,
removed, whose historical election is spoken yet signed; Carla, removed, whom the border
recorded as speaking Spanish and detention as speaking K'iche' only.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.models import Person
from reunify.imports.models import CbpRecord, IceRecord, ImportBatch
from reunify.linkage.models import FamilyLink, FamilyLinkStatus, LinkageRun, LinkedRecord
from reunify.oversight.data_quality import (
    CONFLICTING_LANGUAGES,
    CONTRADICTORY_ELECTIONS,
    LINKS_IN_REVIEW,
    data_quality,
)
from reunify.oversight.filters import parse_filters
from reunify.oversight.read_model import removals_report
from reunify.vocabulary import ElectionForm
from tests.oversight.records import Family, extract_election, removed_parent

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def run() -> LinkageRun:
    return LinkageRun.objects.create(
        engine="duckdb", threshold=0.5, started_at=timezone.now(), starter_label="test"
    )


def link_in_review(ana: Family) -> None:
    other = Person.objects.create(given_names="Dario", first_surname="López")
    FamilyLink.objects.create(
        parent_person_id=ana.parent.pk,
        child_person_id=other.pk,
        confidence=0.61,
        status=FamilyLinkStatus.REVIEW,
        evidence=["relationship_word:MOTHER/CHILD"],
        run=run(),
    )


def languages_by_agency(carla: Family) -> None:
    linkage = run()
    for source, model, languages in (("cbp", CbpRecord, "spa"), ("ice", IceRecord, "quc")):
        batch = ImportBatch.objects.create(
            source=source,
            file_name=f"{source}.csv",
            file_sha256=source * 21 + "x",
            file_bytes=1,
            started_at=timezone.now(),
            importer_label="test",
        )
        extra = (
            {"event_id": "E1", "apprehended_on": timezone.now().date()} if source == "cbp" else {}
        )
        model.objects.create(
            batch=batch,
            row_number=1,
            record_id=f"{source}-1",
            content_sha256="0" * 64,
            raw={},
            given_names="Carla",
            given_names_key="carla",
            languages=languages,
            **extra,
        )
        LinkedRecord.objects.create(
            source=source, record_id=f"{source}-1", person_id=carla.parent.pk, run=linkage
        )


def test_each_kind_of_finding_is_found_and_counted() -> None:
    ana, berta, carla = (removed_parent(name) for name in ("Ana", "Berta", "Carla"))
    link_in_review(ana)
    election = extract_election(berta, form=ElectionForm.VERBAL)
    election.signed_on = election.made_at.date()
    election.save()
    languages_by_agency(carla)

    findings = data_quality(removals_report()).to_json()
    assert findings[LINKS_IN_REVIEW]["persons"] == [str(ana.parent.pk)]
    assert findings[CONTRADICTORY_ELECTIONS]["persons"] == [str(berta.parent.pk)]
    assert "SPOKEN_BUT_SIGNED" in findings[CONTRADICTORY_ELECTIONS]["details"][0]["detail"]
    assert findings[CONFLICTING_LANGUAGES]["persons"] == [str(carla.parent.pk)]
    assert findings[CONFLICTING_LANGUAGES]["details"][0]["detail"] == "cbp: spa; ice: quc"


def test_as_of_a_day_before_a_removal_was_recorded_it_has_no_findings() -> None:
    ana = removed_parent("Ana")
    link_in_review(ana)
    yesterday = (timezone.now() - timedelta(days=1)).date().isoformat()
    report = removals_report(parse_filters(as_of=yesterday))
    assert data_quality(report).to_json()[LINKS_IN_REVIEW]["count"] == 0


def test_the_page_counts_and_links_the_findings(ada: User) -> None:
    ana = removed_parent("Ana")
    link_in_review(ana)
    client = Client()
    client.force_login(ada)
    page = reverse("oversight:removals")
    assert (
        "Removed people with a parent-child link still in review"
        in client.get(page).content.decode()
    )
    listed = client.get(page, {"show": f"finding:{LINKS_IN_REVIEW}"}).content.decode()
    assert reverse("families:person", args=[ana.parent.pk]) in listed
    assert "confidence 0.61" in listed


def test_the_page_lists_a_person_once_however_many_findings_they_have(ada: User) -> None:
    berta = removed_parent("Berta")
    for made in ("2018-07-01", "2018-07-20"):
        election = extract_election(berta, form=ElectionForm.VERBAL, made=made)
        election.signed_on = election.made_at.date()
        election.save()
    client = Client()
    client.force_login(ada)
    page = reverse("oversight:removals")

    listed = client.get(page, {"show": f"finding:{CONTRADICTORY_ELECTIONS}"})

    assert (
        dict((kind, n) for kind, _, n in listed.context["findings"])[CONTRADICTORY_ELECTIONS] == 2
    )
    assert listed.context["show_total"] == 1
    assert len(listed.context["finding_rows"][0][1]) == 2

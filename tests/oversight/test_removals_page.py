"""The removals report page: figures for every signed-in role, the people behind a figure
only as far as each may see them, each list shown recorded as a view.

The cast: Ada the auditor sees everyone; Luis of counsel sees only his client Ana.
"""

import uuid
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reunify.accounts.models import CounselGrant, User
from reunify.audit.history import record_change
from reunify.audit.models import HistoryEntry
from reunify.oversight import views
from reunify.oversight.models import StoredRemovalsReport
from reunify.oversight.report_store import removals_report_build
from reunify.vocabulary import ElectionForm
from tests.oversight.records import extract_election, removed_parent

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

PAGE = reverse("oversight:removals")


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_auditor_sees_the_figures_charts_and_everyone_behind_them(ada: User) -> None:
    ana = removed_parent("Ana")
    extract_election(ana, form=ElectionForm.VERBAL)
    removed_parent("Berta")

    page = signed_in(ada).get(PAGE)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Removed parents who left a separated child behind" in html
    assert "<svg" in html
    assert "<script" not in html.split("</head>")[1]

    listed = signed_in(ada).get(PAGE, {"show": "with_deficient_election"})
    html = listed.content.decode()
    assert reverse("families:person", args=[ana.parent.pk]) in html
    assert "Berta" not in html

    codes = signed_in(ada).get(PAGE, {"show": "deficiency:VERBAL_ONLY"}).content.decode()
    assert reverse("families:person", args=[ana.parent.pk]) in codes


def test_counsel_see_the_figures_but_only_their_clients_behind_them(
    cast: Callable[[str], User],
) -> None:
    luis, abel = cast("luis"), cast("abel")
    ana = removed_parent("Ana")
    berta = removed_parent("Berta")
    CounselGrant.objects.create(
        counsel=luis, client=ana.parent, granted_at=timezone.now(), granted_by=abel
    )

    html = signed_in(luis).get(PAGE, {"show": "without_any_election"}).content.decode()
    assert reverse("families:person", args=[ana.parent.pk]) in html
    assert reverse("families:person", args=[berta.parent.pk]) not in html
    assert "1 of them are outside the records you may see" in html


def test_each_list_shown_is_recorded_as_a_view_of_its_people(ada: User) -> None:
    ana = removed_parent("Ana")
    signed_in(ada).get(PAGE, {"show": "removed_parents_with_separated_children"})
    entry = HistoryEntry.objects.filter(action="view.removals_report").get()
    assert entry.actor == ada
    assert [str(person) for person in entry.person_ids] == [str(ana.parent.pk)]


def test_filters_narrow_the_figures(ada: User) -> None:
    removed_parent("Ana", removed="2018-08-01")
    removed_parent("Berta", removed="2019-03-10")
    page = signed_in(ada).get(PAGE, {"removed_from": "2019-01-01"})
    assert page.status_code == 200
    assert page.context["report"].counts["removed_parents_with_separated_children"] == 1


def test_a_period_that_ends_before_it_starts_is_refused_in_words(ada: User) -> None:
    page = signed_in(ada).get(PAGE, {"removed_from": "2019-02-01", "removed_to": "2019-01-01"})
    assert page.status_code == 400
    assert "starts (2019-02-01) after it ends (2019-01-01)" in page.content.decode()


def test_anyone_signed_out_is_sent_to_sign_in() -> None:
    assert Client().get(PAGE).status_code == 302


def test_a_visitor_is_answered_from_the_kept_report_which_says_what_it_reflects(
    ada: User, rebuilds_started: list[date | None]
) -> None:
    removed_parent("Ana")
    kept = removals_report_build(actor=None)

    page = signed_in(ada).get(PAGE)

    assert page.context["report"].stored == kept
    assert page.context["report"].counts["removed_parents_with_separated_children"] == 1
    html = page.content.decode()
    assert f"through history entry #{kept.through_sequence}" in html
    assert "no change to them has been recorded since" in html
    assert "being rebuilt" not in html
    assert rebuilds_started == []


def test_changes_recorded_since_are_counted_aloud_and_a_rebuild_starts(
    ada: User, rebuilds_started: list[date | None]
) -> None:
    removed_parent("Ana")
    removals_report_build(actor=None)
    removed_parent("Berta")
    with transaction.atomic():
        record_change(
            actor=None, action="custody.moved", subject_type="test", subject_id=uuid.uuid4()
        )

    page = signed_in(ada).get(PAGE)

    # The kept figures, said plainly to be behind: never silently stale, never a wait.
    assert page.context["report"].counts["removed_parents_with_separated_children"] == 1
    html = page.content.decode()
    assert "1 change to the records has been recorded since; the report is being rebuilt" in html
    assert rebuilds_started == [None]
    assert StoredRemovalsReport.objects.count() == 1


def test_with_no_kept_report_the_first_visitor_has_one_built(ada: User) -> None:
    removed_parent("Ana")
    as_of = date.today() - timedelta(days=1)

    page = signed_in(ada).get(PAGE, {"as_of": as_of.isoformat()})

    assert page.status_code == 200
    kept = StoredRemovalsReport.objects.get()
    assert kept.as_of == as_of
    assert page.context["report"].stored == kept


def test_while_a_first_build_takes_longer_than_a_page_should_the_page_says_so(
    ada: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    removed_parent("Ana")
    monkeypatch.setattr(views, "first_build", lambda as_of: None)

    page = signed_in(ada).get(PAGE, {"nationality": "GT"})

    assert page.status_code == 200
    html = page.content.decode()
    assert "This report is being built now." in html
    assert "citizens of GT" in html
    assert "Figures" not in html

"""The tracing pages: the queue and its filters, a case and its forms, removed parents."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from reunify.families.models import Facility
from reunify.tracing.models import ContactAttempt, TracingCase
from reunify.tracing.services import tracing_case_assign
from reunify.tracing.transitions import TracingState
from tests.tracing.factories import CastMember, removed_mother_and_son

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_the_queue_filters_by_where_the_parent_is(cast: CastMember, station: Facility) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    client = signed_in(tomas)

    page = client.get("/tracing/", {"whereabouts": "removed", "parent_country": "GT"})
    assert page.status_code == 200
    assert world.son.full_name in page.content.decode()
    assert "Removed to GT" in page.content.decode()

    page = client.get("/tracing/", {"whereabouts": "in_country"})
    assert world.son.full_name not in page.content.decode()
    page = client.get("/tracing/", {"assigned": "nobody", "last_attempt": "never", "age": "6-12"})
    assert world.son.full_name in page.content.decode()


def test_assignment_and_due_dates_order_and_filter_the_queue(
    cast: CastMember, station: Facility
) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    tracing_case_assign(
        actor=tomas, case=world.case, assigned_to=tomas, organisation="Justice in Motion",
        next_action="Visit her village", next_action_due=timezone.localdate() - timedelta(days=1),
    )  # fmt: skip
    client = signed_in(tomas)
    for asked in ({"assigned": "me"}, {"assigned": "justice in motion"}, {"due": "overdue"}):
        content = client.get("/tracing/", asked).content.decode()
        assert world.son.full_name in content, asked
        assert "overdue" in content
    assert world.son.full_name not in client.get("/tracing/", {"due": "none"}).content.decode()


def test_an_attempt_is_recorded_from_the_case_page(cast: CastMember, station: Facility) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    client = signed_in(tomas)
    url = f"/tracing/cases/{world.case.pk}/"
    assert client.get(url).status_code == 200

    when = (timezone.localtime() - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M")
    refused = client.post(
        url + "attempt/",
        {"channel": "PHONE", "attempted_at": when, "outcome": "NO_ANSWER",
         "detail_text": "call the cousin"},
    )  # fmt: skip
    assert refused.status_code == 400
    assert "Not a telephone number" in refused.content.decode()

    done = client.post(
        url + "attempt/",
        {"channel": "PHONE", "attempted_at": when, "outcome": "REACHED",
         "detail_text": "5123 4567"},
    )  # fmt: skip
    assert done.status_code == 302
    attempt = ContactAttempt.objects.get()
    assert attempt.detail is not None
    assert attempt.detail.value == "+50251234567"
    assert TracingCase.objects.get().state == TracingState.IN_CONTACT
    assert "+50251234567" in client.get(url).content.decode()


def test_a_call_is_logged_from_the_case_page(cast: CastMember, station: Facility) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    url = f"/tracing/cases/{world.case.pk}/"
    when = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    logged = signed_in(tomas).post(
        url + "contacts/", {"kind": "CALL", "happened_at": when, "minutes": "12"}
    )
    assert logged.status_code == 302
    assert world.case.contacts.get().minutes == 12
    # A case manager logs calls (within their scope) but does not trace.
    refused = signed_in(cast("carmen")).post(url + "attempt/", {"channel": "PHONE"})
    assert refused.status_code == 403


def test_a_removed_parent_with_no_election_is_on_the_shared_queue(
    cast: CastMember, station: Facility
) -> None:
    world = removed_mother_and_son(officer=cast("olivia"), tracer=cast("tomas"), station=station)
    content = signed_in(cast("ada")).get("/tracing/removed-parents/").content.decode()
    assert world.mother.full_name in content


def test_cases_open_from_the_queue_for_a_tracer_only(cast: CastMember, station: Facility) -> None:
    removed_mother_and_son(officer=cast("olivia"), tracer=cast("tomas"), station=station)
    assert signed_in(cast("ada")).post("/tracing/open/").status_code == 403
    answer = signed_in(cast("tomas")).post("/tracing/open/", follow=True)
    assert "0 case(s) opened" in answer.content.decode()

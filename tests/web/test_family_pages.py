"""The search and family pages, through Django's test client on the real database."""

from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.models import CustodyEpisode, Facility, Separation
from tests.conftest import at
from tests.families.factories import (
    mother_and_daughter,
    mother_and_daughter_held_apart,
)

pytestmark = pytest.mark.sqlite


@pytest.fixture
def signed_in(client: Client, olivia: User) -> Client:
    client.force_login(olivia)
    return client


def search(client: Client, query: str) -> HttpResponse:
    """Search as the page does: post the query, follow to the results."""
    answer: HttpResponse = client.post(reverse("families:search"), {"q": query}, follow=True)
    return answer


def test_a_searched_name_never_appears_in_an_address(
    signed_in: Client, olivia: User, station: Facility
) -> None:
    mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01"))

    posted = signed_in.post(reverse("families:search"), {"q": "María Xiloj"})
    results = signed_in.get(posted["Location"])
    live = signed_in.post(reverse("families:search"), {"q": "María Xiloj"}, HTTP_HX_REQUEST="true")

    assert posted.status_code == 302
    assert "xiloj" not in posted["Location"].lower()
    assert "María Ixchel Xiloj Tzoc" in results.content.decode()
    assert "xiloj" not in live["HX-Push-Url"].lower()
    assert "María Ixchel Xiloj Tzoc" in live.content.decode()
    stranger = Client()
    stranger.force_login(olivia)
    assert "María Ixchel" not in stranger.get(posted["Location"]).content.decode()


def test_search_pages_carry_the_token_not_the_name(
    signed_in: Client, olivia: User, station: Facility, settings: Any
) -> None:
    settings.PAGE_SIZE = 1
    mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01"))

    first = search(signed_in, "xiloj")
    token = first.request["QUERY_STRING"].removeprefix("r=")
    second = signed_in.get(reverse("families:search"), {"r": token, "page": 2})

    assert f'href="?r={token}&amp;page=2"' in first.content.decode()
    assert "Page 2 of 2" in second.content.decode()
    assert "xiloj" not in token.lower()


def test_search_finds_a_person_without_accents_and_surnames_in_any_order(
    signed_in: Client, olivia: User, station: Facility
) -> None:
    mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01"))

    for query in ("xiloj maria", "MARIA TZOC", "Tzoc Xiloj", "María Ixchel"):
        page = search(signed_in, query)
        assert "María Ixchel Xiloj Tzoc" in page.content.decode(), query

    nothing = search(signed_in, "mar xil garcia")
    assert "No one matches" in nothing.content.decode()


def test_search_finds_a_person_by_a_number_however_typed(
    signed_in: Client, olivia: User, station: Facility
) -> None:
    mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01"))

    for query in ("212345678", "A212-345-678", "a 212 345 678"):
        page = search(signed_in, query)
        assert "María Ixchel Xiloj Tzoc" in page.content.decode(), query


def test_family_page_makes_a_separation_impossible_to_miss(
    signed_in: Client, olivia: User, station: Facility, detention: Facility, shelter: Facility
) -> None:
    unit, _, daughter = mother_and_daughter_held_apart(
        actor=olivia, station=station, detention=detention, shelter=shelter
    )

    page = signed_in.get(reverse("families:family-unit", args=[unit.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert "1 child is apart from a parent" in html
    assert f"Ana López Xiloj</strong>, {daughter.age_on(timezone.localdate())}," in html
    assert "since 2018-05-02" in html
    assert "Casa Esperanza Shelter" in html
    assert "Port Isabel Service Processing Center" in html
    assert page.headers["Cache-Control"] == "no-store"


def test_recording_a_custody_move_ending_before_it_starts_names_the_field(
    signed_in: Client, olivia: User, station: Facility, detention: Facility
) -> None:
    unit, mother, _ = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    membership = unit.memberships.get(person=mother)

    page = signed_in.post(
        reverse("families:custody-move", args=[unit.pk]),
        {
            "person": membership.pk,
            "kind": "DETENTION_FACILITY",
            "facility": detention.pk,
            "moved_at": "2018-04-01T10:00",
        },
    )

    assert page.status_code == 400
    assert "The move cannot come before the current custody began" in page.content.decode()
    assert CustodyEpisode.objects.filter(person=mother).count() == 1


def test_recording_a_separation_through_the_form(
    signed_in: Client, olivia: User, station: Facility
) -> None:
    unit, mother, daughter = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )

    page = signed_in.post(
        reverse("families:separation-new", args=[unit.pk]),
        {
            "parent": unit.memberships.get(person=mother).pk,
            "children": [unit.memberships.get(person=daughter).pk],
            "separated_at": "2018-05-02T09:30",
            "reason": "PARENT_PROSECUTED",
        },
    )

    assert page.status_code == 302
    assert Separation.objects.filter(parent=mother, child=daughter, reunion__isnull=True).exists()


def test_a_separation_without_a_reason_is_refused(
    signed_in: Client, olivia: User, station: Facility
) -> None:
    unit, mother, daughter = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )

    page = signed_in.post(
        reverse("families:separation-new", args=[unit.pk]),
        {
            "parent": unit.memberships.get(person=mother).pk,
            "children": [unit.memberships.get(person=daughter).pk],
            "separated_at": "2018-05-02T09:30",
            "reason": "",
        },
    )

    assert page.status_code == 400
    assert not Separation.objects.exists()


def test_new_family_unit_form_rejects_a_birth_date_in_the_future(
    signed_in: Client, station: Facility
) -> None:
    form = {
        "apprehended_at": "2018-05-01T10:00",
        "station": station.pk,
        "members-TOTAL_FORMS": "1",
        "members-INITIAL_FORMS": "0",
        "members-0-given_names": "Rosa",
        "members-0-first_surname": "Pérez",
        "members-0-sex": "F",
        "members-0-birth_date": "2999-01-01",
        "members-0-birth_date_precision": "DAY",
        "members-0-languages": "Mam",
        "members-0-role": "PARENT",
        "members-0-evidence": "OFFICER_OBSERVATION",
        "members-0-literate": "unknown",
    }

    page = signed_in.post(reverse("families:family-unit-new"), form)

    assert page.status_code == 400
    assert "A birth date cannot be in the future." in page.content.decode()


def test_new_family_unit_form_rejects_an_unknown_language(
    signed_in: Client, station: Facility
) -> None:
    form = {
        "apprehended_at": "2018-05-01T10:00",
        "station": station.pk,
        "members-TOTAL_FORMS": "1",
        "members-INITIAL_FORMS": "0",
        "members-0-given_names": "Rosa",
        "members-0-sex": "F",
        "members-0-birth_date_precision": "DAY",
        "members-0-languages": "Klingonese",
        "members-0-role": "PARENT",
        "members-0-evidence": "OFFICER_OBSERVATION",
        "members-0-literate": "unknown",
    }

    page = signed_in.post(reverse("families:family-unit-new"), form)

    assert page.status_code == 400
    assert "Unknown language &#x27;Klingonese&#x27;." in page.content.decode()


def test_pages_need_a_signed_in_user(client: Client, db: None) -> None:
    page = client.get(reverse("families:search"))
    assert page.status_code == 302
    assert page.headers["Location"].startswith(reverse("accounts:sign-in"))


def test_the_auditor_cannot_record_a_separation(
    client: Client, olivia: User, ada: User, station: Facility
) -> None:
    unit, mother, daughter = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    client.force_login(ada)

    page = client.post(
        reverse("families:separation-new", args=[unit.pk]),
        {
            "parent": unit.memberships.get(person=mother).pk,
            "children": [unit.memberships.get(person=daughter).pk],
            "separated_at": "2018-05-02T09:30",
            "reason": "PARENT_PROSECUTED",
        },
    )

    assert page.status_code == 403
    assert not Separation.objects.exists()

"""Administrators grant counsel access to clients and assign case managers to shelters
from the administration pages, and revoke or end them there; each with who and when."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import CounselGrant, ShelterAssignment, User
from reunify.families.models import Facility
from tests.conftest import at
from tests.families.factories import mother_and_daughter_held_apart

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def admin_client(abel: User) -> Client:
    client = Client()
    client.force_login(abel)
    return client


def test_a_grant_by_a_number_then_its_revocation(
    admin_client: Client, cast: Callable[[str], User], abel: User, olivia: User,
    station: Facility, detention: Facility, shelter: Facility,
) -> None:  # fmt: skip
    luis = cast("luis")
    _, mother, _ = mother_and_daughter_held_apart(
        actor=olivia, station=station, detention=detention, shelter=shelter
    )
    answer = admin_client.post(
        reverse("accounts:grants"), {"counsel": luis.pk, "client": "A212345678"}
    )
    assert answer.status_code == 302
    grant = CounselGrant.objects.get()
    assert (grant.counsel, grant.client, grant.granted_by) == (luis, mother, abel)
    listing = admin_client.get(reverse("accounts:grants")).content.decode()
    assert mother.full_name in listing
    assert "Revoke" in listing

    answer = admin_client.post(
        reverse("accounts:grant-revocation", args=[grant.pk]), {"reason": "Client's request."}
    )
    assert answer.status_code == 302
    grant.refresh_from_db()
    assert (grant.revoked_by, grant.revoke_reason) == (abel, "Client's request.")


def test_a_grant_names_an_unknown_client_beside_the_field(
    admin_client: Client, cast: Callable[[str], User]
) -> None:
    answer = admin_client.post(
        reverse("accounts:grants"), {"counsel": cast("luis").pk, "client": "A999999999"}
    )
    assert answer.status_code == 400
    assert 'id="id_client_error"' in answer.content.decode()
    assert not CounselGrant.objects.exists()


def test_only_counsel_can_be_granted_a_client(
    admin_client: Client, olivia: User, station: Facility, detention: Facility, shelter: Facility
) -> None:
    _, mother, _ = mother_and_daughter_held_apart(
        actor=olivia, station=station, detention=detention, shelter=shelter
    )
    answer = admin_client.post(
        reverse("accounts:grants"), {"counsel": olivia.pk, "client": str(mother.pk)}
    )
    assert answer.status_code == 400
    assert not CounselGrant.objects.exists()


def test_a_shelter_assignment_then_its_end(
    admin_client: Client, carmen: User, abel: User, shelter: Facility, station: Facility
) -> None:
    answer = admin_client.post(
        reverse("accounts:shelters"), {"case_manager": carmen.pk, "shelter": shelter.pk}
    )
    assert answer.status_code == 302
    assignment = ShelterAssignment.objects.get()
    assert (assignment.case_manager, assignment.shelter, assignment.assigned_by) == (
        carmen, shelter, abel,
    )  # fmt: skip
    # A border station is not a shelter: the form offers only shelters.
    answer = admin_client.post(
        reverse("accounts:shelters"), {"case_manager": carmen.pk, "shelter": station.pk}
    )
    assert answer.status_code == 400

    answer = admin_client.post(reverse("accounts:shelter-assignment-end", args=[assignment.pk]))
    assert answer.status_code == 302
    assignment.refresh_from_db()
    assert assignment.ended_by == abel
    assert assignment.ended_at is not None
    assert at("2020-01-01") < assignment.ended_at

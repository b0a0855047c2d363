"""Pages offer only the actions the user's role may take: an auditor reads a family and a
parent's decisions without a single button to change them."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import User
from reunify.families.models import Facility
from tests.elections.factories import kiche_mother_with_children

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

CHANGES = (
    "Record a custody move",
    "Record a separation",
    "Add a member",
    "Record a reunion",
    "Prepare a notice",
    "Record an election",
    "Plan a removal",
    "New family unit",
)


def test_an_auditor_is_offered_no_change_and_an_officer_every_one(
    client: Client, ada: User, olivia: User, station: Facility
) -> None:
    unit, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    pages = (
        reverse("families:family-unit", args=[unit.pk]),
        reverse("elections:parent", args=[mother.pk]),
    )

    client.force_login(ada)
    seen_by_auditor = "".join(client.get(page).content.decode() for page in pages)
    client.force_login(olivia)
    seen_by_officer = "".join(client.get(page).content.decode() for page in pages)

    assert not [action for action in CHANGES if action in seen_by_auditor]
    assert [action for action in CHANGES if action not in seen_by_officer] == []


def test_the_tracing_team_is_offered_a_case_for_each_child_and_officers_are_not(
    client: Client, cast: Callable[[str], User], olivia: User, station: Facility
) -> None:
    tomas = cast("tomas")
    unit, _, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    page = reverse("families:family-unit", args=[unit.pk])
    new_case = reverse("tracing:case-new", args=[son.pk])

    client.force_login(tomas)
    seen_by_tracer = client.get(page).content.decode()
    client.force_login(olivia)
    seen_by_officer = client.get(page).content.decode()

    assert seen_by_tracer.count(new_case) == 1  # the son, not his mother
    assert new_case not in seen_by_officer

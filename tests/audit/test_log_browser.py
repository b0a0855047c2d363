"""The auditor's log browser filters the whole log by kind, action, who, record and date."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.models import Facility
from tests.access.world import in_case_managers_scope
from tests.elections.factories import kiche_mother_with_children

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def browse(client: Client, **filters: str) -> str:
    page = client.get(reverse("audit:log"), filters)
    assert page.status_code == 200, page.content.decode()[:500]
    return page.content.decode()


def test_an_auditor_filters_the_log(
    client: Client, olivia: User, carmen: User, ada: User, abel: User,
    station: Facility, shelter: Facility,
) -> None:  # fmt: skip
    unit, _, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    in_case_managers_scope(case_manager=carmen, child=son, shelter=shelter, abel=abel)
    client.force_login(carmen)
    client.get(reverse("families:family-unit", args=[unit.pk]))
    client.force_login(ada)
    today = timezone.localdate().isoformat()

    views = browse(client, kind="views")
    changes = browse(client, kind="changes", actor="Olivia")
    by_record = browse(client, record=str(unit.pk), since=today, until=today)
    separations = browse(client, action="separation.")
    nothing = browse(client, actor="nobody at all")

    assert "looked at the family unit" in views
    assert "family.created" not in views
    assert "family.created" in changes
    assert "Carmen Case" not in changes
    assert "separation" in changes
    assert "looked at the family unit" in by_record
    assert "family_unit" in by_record
    assert "Olivia Field" in separations
    assert "No entry matches these filters" in nothing


def test_a_bad_filter_is_a_400_with_a_message(client: Client, ada: User) -> None:
    client.force_login(ada)

    page = client.get(reverse("audit:log"), {"since": "31/02/2018"})

    assert page.status_code == 400
    assert "Enter a valid date" in page.content.decode()


def test_a_field_officer_may_not_browse_the_log(client: Client, olivia: User) -> None:
    client.force_login(olivia)

    assert client.get(reverse("audit:log")).status_code == 403

"""Every view of a family's record is an entry in the audit chain, and a person's record
shows who changed and who looked at it, and when."""

import pytest
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import User
from reunify.audit.models import HistoryEntry
from reunify.families.models import Facility
from tests.access.world import in_case_managers_scope
from tests.elections.factories import kiche_mother_with_children

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_who_looked_at_a_childs_record_is_on_the_record(
    client: Client, olivia: User, carmen: User, ada: User, abel: User,
    station: Facility, shelter: Facility,
) -> None:  # fmt: skip
    unit, _, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    in_case_managers_scope(case_manager=carmen, child=son, shelter=shelter, abel=abel)
    client.force_login(carmen)
    client.get(reverse("families:family-unit", args=[unit.pk]))

    viewed = HistoryEntry.objects.filter(action="view.family_unit").get()
    client.force_login(ada)
    history = client.get(reverse("families:person-history", args=[son.pk])).content.decode()

    assert viewed.actor == carmen
    assert str(son.pk) in viewed.person_ids
    assert "Carmen Case" in history
    assert "looked at the family unit" in history
    assert "separation" in history  # the changes are there too


def test_a_field_officer_may_not_read_a_records_history(
    client: Client, olivia: User, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    client.force_login(olivia)

    assert client.get(reverse("families:person-history", args=[mother.pk])).status_code == 403

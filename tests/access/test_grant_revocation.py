"""A revoked grant takes effect on the next request: the same signed-in session and the
same API token that reached the client a moment ago now get 404."""

from collections.abc import Callable

import pytest
from django.test import Client

from reunify.accounts.models import User
from reunify.accounts.scope_services import counsel_grant_give, counsel_grant_revoke
from reunify.audit.models import HistoryEntry
from reunify.audit.selectors import history_of_person
from reunify.families.models import Facility
from tests.api.conftest import token_for
from tests.elections.factories import kiche_mother_with_children

pytestmark = [pytest.mark.django_db]


def test_a_revoked_grant_takes_effect_on_the_next_request(
    cast: Callable[[str], User], olivia: User, abel: User, station: Facility
) -> None:
    luis = cast("luis")
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    grant = counsel_grant_give(actor=abel, counsel=luis, client=mother)
    browser = Client()
    browser.force_login(luis)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token_for(luis)}")
    assert browser.get(f"/decisions/parents/{mother.pk}/").status_code == 200
    assert api.get(f"/api/v1/persons/{mother.pk}").status_code == 200
    assert api.get("/api/v1/persons").json()["count"] == 1

    counsel_grant_revoke(actor=abel, grant=grant, reason="The client ended representation.")

    assert browser.get(f"/decisions/parents/{mother.pk}/").status_code == 404
    assert api.get(f"/api/v1/persons/{mother.pk}").status_code == 404
    assert api.get("/api/v1/persons").json()["count"] == 0


def test_grants_are_kept_with_who_and_when_and_written_to_the_history(
    cast: Callable[[str], User], olivia: User, abel: User, station: Facility
) -> None:
    luis = cast("luis")
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    grant = counsel_grant_give(actor=abel, counsel=luis, client=mother)
    counsel_grant_revoke(actor=abel, grant=grant, reason="Conflict of interest.")
    grant.refresh_from_db()
    assert (grant.granted_by, grant.revoked_by) == (abel, abel)
    assert grant.revoked_at is not None
    assert grant.revoked_at >= grant.granted_at
    entries = HistoryEntry.objects.filter(subject_id=grant.pk).order_by("sequence")
    assert [e.action for e in entries] == ["counsel_grant.given", "counsel_grant.revoked"]
    assert all(e.actor == abel and e.person_ids == [str(mother.pk)] for e in entries)
    # A new grant of the same pair may follow a revoked one.
    again = counsel_grant_give(actor=abel, counsel=luis, client=mother)
    assert again.pk != grant.pk


def test_a_clients_history_shows_who_was_granted_their_record_and_when(
    cast: Callable[[str], User], olivia: User, abel: User, station: Facility
) -> None:
    luis = cast("luis")
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    grant = counsel_grant_give(actor=abel, counsel=luis, client=mother)
    counsel_grant_revoke(actor=abel, grant=grant, reason="Conflict of interest.")
    entries = history_of_person(user=abel, person_id=mother.pk)
    assert [e.action for e in entries[:2]] == ["counsel_grant.revoked", "counsel_grant.given"]

"""A change and its audit entry are one: a failed write leaves no entry and the head where
it was; an audit append that fails takes the change down with it."""

import uuid

import pytest
from django.db import DatabaseError, connection, transaction

from reunify.accounts.models import User
from reunify.audit.history import record_change
from reunify.audit.models import ChainHead, HistoryEntry
from reunify.audit.verification import verify_log
from reunify.families.models import Facility, Separation
from tests.conftest import at
from tests.families.factories import mother_and_daughter, separate

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


class ServiceFailed(Exception):
    pass


@transaction.atomic
def change_that_fails_after_its_entry(actor: User) -> None:
    record_change(
        actor=actor, action="family.created", subject_type="family_unit", subject_id=uuid.uuid4()
    )
    raise ServiceFailed


def head() -> tuple[int, str]:
    found = ChainHead.objects.get()
    return found.sequence, found.entry_hash


def refuse_every_entry() -> None:
    """From now on the database refuses history entries, as a full disk would (a trigger
    in the test's transaction, gone when it rolls back)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION refuse_entry() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'disk full'; END $$"
            )
            cursor.execute(
                "CREATE TRIGGER refuse_entry BEFORE INSERT ON audit_historyentry "
                "FOR EACH ROW EXECUTE FUNCTION refuse_entry()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER refuse_entry BEFORE INSERT ON audit_historyentry "
                "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            )


def test_a_service_that_fails_after_its_entry_leaves_no_entry_and_the_head_alone(
    olivia: User, station: Facility
) -> None:
    # Given: a log with entries in it
    mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01"))
    before, entries = head(), HistoryEntry.objects.count()

    # When: a service appends its entry, then fails
    with pytest.raises(ServiceFailed):
        change_that_fails_after_its_entry(olivia)

    # Then
    assert HistoryEntry.objects.count() == entries
    assert head() == before
    assert verify_log().problem is None


def test_an_audit_append_that_fails_rolls_the_change_back(olivia: User, station: Facility) -> None:
    # Given: a family, then a database that refuses history entries
    unit, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    before, entries = head(), HistoryEntry.objects.count()
    refuse_every_entry()

    # When: recording a separation fails on its audit entry
    with pytest.raises(DatabaseError, match="disk full"):
        separate(actor=olivia, unit=unit, parent=mother, child=child, at=at("2018-05-02"))

    # Then: nothing of the change is stored, and the chain is as it was
    assert not Separation.objects.exists()
    assert HistoryEntry.objects.count() == entries
    assert head() == before

"""`record_change`: the one seam through which every change leaves its history entry."""

import uuid
from datetime import UTC, date, datetime

import pytest
from django.db import transaction

from reunify.accounts.models import User
from reunify.audit.history import SYSTEM_ACTOR_LABEL, as_json_value, record_change
from reunify.audit.models import HistoryEntry
from reunify.families.choices import CustodyKind, MemberRole
from reunify.families.models import Facility


@pytest.mark.django_db
@pytest.mark.sqlite
def test_an_entry_keeps_who_did_what_to_which_records(olivia: User) -> None:
    # Given
    subject = uuid.uuid4()
    unit = uuid.uuid4()
    people = [uuid.uuid4(), uuid.uuid4()]

    # When
    entry = record_change(
        actor=olivia,
        action="family.member_added",
        subject_type="membership",
        subject_id=subject,
        family_unit_id=unit,
        person_ids=people,
        changes={"role": MemberRole.CHILD, "birth_date": date(2011, 2, 1)},
    )

    # Then: what is stored, read back from the database
    stored = HistoryEntry.objects.get(pk=entry.pk)
    assert stored.actor == olivia
    assert stored.actor_label == "Olivia Field (Field officer)"
    assert stored.action == "family.member_added"
    assert stored.subject_type == "membership"
    assert stored.subject_id == subject
    assert stored.family_unit_id == unit
    assert stored.person_ids == [str(person) for person in people]
    assert stored.changes == {"role": "CHILD", "birth_date": "2011-02-01"}
    assert stored.at is not None
    assert str(stored).endswith("Olivia Field (Field officer) family.member_added")


@pytest.mark.django_db
def test_a_change_made_by_the_system_is_labelled_as_such() -> None:
    # Given / When
    entry = record_change(
        actor=None, action="import.row_accepted", subject_type="person", subject_id=uuid.uuid4()
    )

    # Then
    assert entry.actor is None
    assert entry.actor_label == SYSTEM_ACTOR_LABEL == "system"
    assert entry.person_ids == []
    assert entry.changes == {}


@pytest.mark.django_db
def test_the_label_survives_a_renamed_user(olivia: User) -> None:
    # Given
    entry = record_change(
        actor=olivia,
        action="custody.moved",
        subject_type="custody_episode",
        subject_id=uuid.uuid4(),
    )

    # When
    olivia.last_name = "Fieldman"
    olivia.save()

    # Then
    entry.refresh_from_db()
    assert entry.actor_label == "Olivia Field (Field officer)"


@pytest.mark.django_db(transaction=True)
def test_history_outside_the_changes_transaction_is_refused() -> None:
    # Given: no transaction open (autocommit)
    assert not transaction.get_connection().in_atomic_block

    # When / Then: an entry that could commit without its change is a bug in the caller
    with pytest.raises(RuntimeError, match="inside the change's transaction"):
        record_change(
            actor=None, action="family.created", subject_type="family_unit", subject_id=uuid.uuid4()
        )
    assert HistoryEntry.objects.count() == 0


class ChangeFailed(Exception):
    pass


@transaction.atomic
def change_that_fails_after_its_history() -> None:
    record_change(
        actor=None, action="family.created", subject_type="family_unit", subject_id=uuid.uuid4()
    )
    raise ChangeFailed


@pytest.mark.django_db(transaction=True)
def test_history_rolls_back_with_the_change_it_describes() -> None:
    # Given / When: the change fails after its entry was written
    with pytest.raises(ChangeFailed):
        change_that_fails_after_its_history()

    # Then
    assert HistoryEntry.objects.count() == 0


@pytest.mark.django_db
def test_as_json_value_turns_a_stored_record_into_its_key(station: Facility) -> None:
    # Given / When / Then
    assert as_json_value(station) == str(station.pk)


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        (datetime(2018, 5, 1, 12, 30, tzinfo=UTC), "2018-05-01T12:30:00+00:00"),
        (date(2011, 2, 1), "2011-02-01"),
        (CustodyKind.SHELTER, "SHELTER"),
        (uuid.UUID("12345678-1234-5678-1234-567812345678"), "12345678-1234-5678-1234-567812345678"),
        ([date(2011, 2, 1), (CustodyKind.REMOVED, "GT")], ["2011-02-01", ["REMOVED", "GT"]]),
        ("text", "text"),
        (7, 7),
        (0.5, 0.5),
        (None, None),
        (True, True),
        ({"kept": "as is"}, {"kept": "as is"}),
    ],
    ids=lambda value: type(value).__name__,
)
def test_as_json_value(value: object, plain: object) -> None:
    # Given / When / Then
    assert as_json_value(value) == plain

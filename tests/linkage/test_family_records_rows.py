"""Rows built for the family-records refresh without Django's `__init__` hold what the
model's own constructor would, and write as the ORM would write them."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID, uuid4, uuid5

import pytest
from django.db import IntegrityError, connection, models, transaction
from hypothesis import given
from hypothesis import strategies as st

from reunify.elections.models import Election
from reunify.families.models import CustodyEpisode, Membership, Person, PersonLanguage
from reunify.linkage.family_records.persons import identifiers_of, languages_of
from reunify.linkage.family_records.record_keys import NAMESPACE, record_uuid
from reunify.linkage.family_records.writing import (
    _row_values,
    encoded,
    indexes_built_whole,
    insert,
    keys_checked_whole,
    new,
    replace,
    upsert,
)
from reunify.vocabulary import CustodyKind


def _attributes(instance: models.Model) -> dict[str, object]:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (
            Person,
            {
                "id": uuid4(),
                "given_names": "Ana",
                "first_surname": "López",
                "birth_date": date(2011, 5, 6),
                "from_extracts": True,
            },
        ),
        (PersonLanguage, {"person_id": uuid4(), "code": "quc", "is_primary": True}),
        (Membership, {"id": uuid4(), "family_unit_id": uuid4(), "person_id": uuid4()}),
        (CustodyEpisode, {"id": uuid4(), "person_id": uuid4(), "kind": CustodyKind.SHELTER}),
        (Election, {"id": uuid4(), "parent_id": uuid4()}),
    ],
)
def test_a_row_built_fast_holds_what_the_constructor_gives(
    model: type[models.Model], values: dict[str, object]
) -> None:
    fast, slow = _attributes(new(model, **values)), _attributes(model(**values))
    made_per_row = {
        f.attname for f in model._meta.concrete_fields if f.has_default() and callable(f.default)
    }
    for name in made_per_row - values.keys():
        # a new id, an empty list: made afresh for each row, equal in kind
        assert type(fast.pop(name)) is type(slow.pop(name)), name
    assert fast == slow
    assert new(model, **values)._state.adding


def test_a_field_that_does_not_exist_is_refused() -> None:
    with pytest.raises(TypeError, match="no field person"):
        new(PersonLanguage, person=uuid4(), code="spa")


def test_written_values_are_in_field_order_with_stamps() -> None:
    from django.utils import timezone

    now = timezone.now()
    person = new(Person, id=uuid4(), given_names="Ana")
    written = _row_values(Person, now)(person)
    names = [f.attname for f in Person._meta.concrete_fields]
    assert len(written) == len(names)
    assert written[names.index("given_names")] == "Ana"
    assert written[names.index("updated_at")] == now
    assert written[names.index("created_at")] == now


def _written_versions(model: type[models.Model]) -> dict[object, str]:
    """Where each row version lies (ctid): a row written again, even in the same
    transaction, lies elsewhere."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, ctid::text FROM {model._meta.db_table}")  # noqa: S608
        return dict(cursor.fetchall())


def _episode(person_id: UUID, key: str, kind: CustodyKind, start: int, end: int | None) -> object:
    at = datetime(2018, 6, 1, 12, tzinfo=UTC)
    return new(
        CustodyEpisode,
        id=record_uuid(key),
        person_id=person_id,
        kind=kind,
        started_at=at + timedelta(days=start),
        ended_at=None if end is None else at + timedelta(days=end),
        source_record=key,
    )


@pytest.mark.django_db
@pytest.mark.postgres_only
def test_a_rerun_rewrites_only_what_changed_and_moves_a_timeline_whole() -> None:
    ana, luis = (
        new(Person, id=uuid4(), given_names=name, from_extracts=True) for name in ("Ana", "Luis")
    )
    upsert(Person, [ana, luis])
    first = [
        _episode(ana.pk, "cbp:1", CustodyKind.BORDER_STATION, 0, None),
        _episode(luis.pk, "cbp:2", CustodyKind.BORDER_STATION, 0, 1),
        _episode(luis.pk, "orr:2", CustodyKind.SHELTER, 1, None),
    ]
    replace(CustodyEpisode, first, CustodyEpisode.objects.exclude(source_record=None))
    versions = _written_versions(CustodyEpisode)
    people = _written_versions(Person)

    # the next run: Ana was moved on to detention, Luis's timeline is as it was
    luis_again = new(Person, id=luis.pk, given_names="Luis", from_extracts=True)
    upsert(
        Person, [new(Person, id=ana.pk, given_names="Ana María", from_extracts=True), luis_again]
    )
    second = [
        _episode(ana.pk, "cbp:1", CustodyKind.BORDER_STATION, 0, 2),
        _episode(ana.pk, "ice:1", CustodyKind.DETENTION_FACILITY, 2, None),
        *first[1:],
    ]
    replace(CustodyEpisode, second, CustodyEpisode.objects.exclude(source_record=None))

    after = _written_versions(CustodyEpisode)
    assert set(after) == {record_uuid(key) for key in ("cbp:1", "ice:1", "cbp:2", "orr:2")}
    assert after[record_uuid("cbp:2")] == versions[record_uuid("cbp:2")]
    assert after[record_uuid("orr:2")] == versions[record_uuid("orr:2")]
    assert after[record_uuid("cbp:1")] != versions[record_uuid("cbp:1")]
    assert CustodyEpisode.objects.get(source_record="cbp:1").ended_at is not None
    people_after = _written_versions(Person)
    assert people_after[luis.pk] == people[luis.pk]
    assert people_after[ana.pk] != people[ana.pk]
    assert Person.objects.get(pk=ana.pk).given_names == "Ana María"

    # and a run that no longer says Luis was in a shelter takes that stay away
    replace(CustodyEpisode, second[:3], CustodyEpisode.objects.exclude(source_record=None))
    assert not CustodyEpisode.objects.filter(source_record="orr:2").exists()


def test_a_persons_languages_and_identifiers_keep_their_ids_from_run_to_run() -> None:
    # a rerun recognises them, so `replace` leaves them alone instead of rewriting them
    person = uuid4()
    rows = [
        ("ice", {"a_number": "201234567", "subject_id": "S-77", "languages": "quc spa"}),
        ("orr", {"a_number": "", "child_id": "C-9", "languages": "quc"}),
    ]

    def ids() -> tuple[set[UUID], set[UUID]]:
        return (
            {found.pk for found in languages_of(person, rows)},  # type: ignore[arg-type]
            {found.pk for found in identifiers_of(person, rows)},  # type: ignore[arg-type]
        )

    languages, identifiers = ids()
    assert (len(languages), len(identifiers)) == (2, 3)
    assert ids() == (languages, identifiers)


def _foreign_keys() -> list[tuple[str, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' ORDER BY 1, 2"
        )
        return cursor.fetchall()


@pytest.mark.django_db
@pytest.mark.postgres_only
def test_keys_checked_whole_come_back_as_they_were() -> None:
    before = _foreign_keys()
    ana = new(Person, id=uuid4(), given_names="Ana", from_extracts=True)

    with keys_checked_whole([Person, PersonLanguage]):
        upsert(Person, [ana])
        upsert(PersonLanguage, [new(PersonLanguage, person_id=ana.pk, code="spa")])

    assert _foreign_keys() == before
    assert PersonLanguage.objects.get().person_id == ana.pk


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres_only
def test_a_row_pointing_nowhere_fails_a_first_load_and_leaves_the_keys() -> None:
    before = _foreign_keys()
    orphan = new(PersonLanguage, person_id=uuid4(), code="spa")

    with (
        pytest.raises(IntegrityError, match="families_person"),
        transaction.atomic(),
        keys_checked_whole([Person, PersonLanguage]),
    ):
        upsert(PersonLanguage, [orphan])

    assert _foreign_keys() == before
    assert not PersonLanguage.objects.exists()


def _catalog(query: str, *models_: type[models.Model]) -> list[tuple[str, ...]]:
    """Rows of a catalog `query` about the models' tables (its one parameter)."""
    with connection.cursor() as cursor:
        cursor.execute(query, [[model._meta.db_table for model in models_]])
        return cursor.fetchall()


def _indexes(*models_: type[models.Model]) -> list[tuple[str, ...]]:
    return _catalog(
        "SELECT tablename, indexname, indexdef FROM pg_indexes "
        "WHERE tablename = ANY(%s) ORDER BY 1, 2",
        *models_,
    )


def _constraints(*models_: type[models.Model]) -> list[tuple[str, ...]]:
    return _catalog(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
        "FROM pg_constraint WHERE conrelid::regclass::text = ANY(%s) ORDER BY 1, 2",
        *models_,
    )


@pytest.mark.django_db
@pytest.mark.postgres_only
def test_indexes_built_whole_come_back_as_they_were_and_keep_what_others_need() -> None:
    written = (Person, PersonLanguage, CustodyEpisode)
    indexes, constraints = _indexes(*written), _constraints(*written)
    ana = new(Person, id=uuid4(), given_names="Ana", from_extracts=True)

    with keys_checked_whole(written), indexes_built_whole(written):
        during = {name for _, name, _ in _indexes(*written)}
        insert(Person, [ana])
        insert(PersonLanguage, [new(PersonLanguage, person_id=ana.pk, code="spa")])

    # Foreign keys from elsewhere need the persons' key.
    assert during == {"families_person_pkey"}
    assert (_indexes(*written), _constraints(*written)) == (indexes, constraints)
    assert PersonLanguage.objects.get().person_id == ana.pk


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres_only
def test_a_row_a_unique_index_forbids_fails_a_first_load_and_leaves_the_indexes() -> None:
    written = (Person, PersonLanguage)
    indexes = _indexes(*written)
    ana = new(Person, id=uuid4(), given_names="Ana", from_extracts=True)
    twice = [new(PersonLanguage, person_id=ana.pk, code="spa") for _ in range(2)]

    with (  # noqa: PT012 - the rows are written inside the block, the error comes at its end
        pytest.raises(IntegrityError, match="person_language_once"),
        transaction.atomic(),
        indexes_built_whole(written),
    ):
        insert(Person, [ana])
        insert(PersonLanguage, twice)

    assert _indexes(*written) == indexes
    assert not Person.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres_only
def test_overlapping_custody_fails_a_first_load_when_its_constraint_comes_back() -> None:
    written = (Person, CustodyEpisode)
    constraints = _constraints(*written)
    ana = new(Person, id=uuid4(), given_names="Ana", from_extracts=True)
    june, july = datetime(2018, 6, 1, 12, tzinfo=UTC), datetime(2018, 7, 1, 12, tzinfo=UTC)
    stays = [
        new(CustodyEpisode, id=uuid4(), person_id=ana.pk, kind=CustodyKind.SHELTER,
            started_at=june, ended_at=july, source_record="orr:1"),
        new(CustodyEpisode, id=uuid4(), person_id=ana.pk, kind=CustodyKind.SPONSOR,
            started_at=june + timedelta(days=3), source_record="orr:1:discharge"),
    ]  # fmt: skip
    inserted = []

    with (  # noqa: PT012 - the rows are written inside the block, the error comes at its end
        pytest.raises(IntegrityError, match="custody_episodes_never_overlap"),
        transaction.atomic(),
        keys_checked_whole(written),
        indexes_built_whole(written),
    ):
        insert(Person, [ana])
        insert(CustodyEpisode, stays)
        inserted.append(True)  # the constraint is checked once, whole, at the end

    assert inserted
    assert _constraints(*written) == constraints
    assert not CustodyEpisode.objects.exists()


def _said(row: models.Model) -> dict[str, object]:
    """What a row says, the times it was written aside."""
    return {
        name: value
        for name, value in _attributes(row).items()
        if name not in ("created_at", "updated_at")
    }


@pytest.mark.django_db
@pytest.mark.postgres_only
def test_rows_encoded_ahead_are_written_as_they_say() -> None:
    # Given rows with every kind of value the refresh writes, text COPY must escape too
    awkward = "Tab\there, back\\slash, new\nline, \r, \\N, \\., ñ, K\u2019iche\u2019"
    ana = new(
        Person,
        id=uuid4(),
        given_names=awkward,
        first_surname="\\",
        birth_date=date(2011, 5, 6),
        birth_date_precision="DAY",
        from_extracts=True,
    )
    nameless = new(Person, id=uuid4(), given_names="Bo", birth_date=None, from_extracts=True)
    rows: dict[type[models.Model], list[models.Model]] = {
        Person: [ana, nameless],
        CustodyEpisode: [
            new(
                CustodyEpisode,
                id=uuid4(),
                person_id=ana.pk,
                kind=CustodyKind.SHELTER,
                detail=awkward,
                started_at=datetime(2018, 6, 1, 9, 30, tzinfo=UTC),
                source_record="orr:1",
            )
        ],
        Membership: [
            new(
                Membership,
                id=uuid4(),
                family_unit_id=uuid4(),
                person_id=ana.pk,
                role="CHILD",
                evidence="RECORD_LINKAGE",
                linkage_score=0.9999991684719722,
                source_record="cbp:1",
            ),
            new(
                Membership,
                id=uuid4(),
                family_unit_id=uuid4(),
                person_id=nameless.pk,
                role="PARENT",
                evidence="RECORD_LINKAGE",
                verified=True,
                verified_at=datetime(2018, 6, 2, tzinfo=UTC),
            ),
        ],
    }

    # When each is encoded now and written later
    ahead = {model: encoded(model, written) for model, written in rows.items()}
    with transaction.atomic():  # undone before the test's end checks the unit keys
        for model, text in ahead.items():
            insert(model, text)
        stored = {
            model: {row.pk: _said(row) for row in model._default_manager.all()} for model in rows
        }
        transaction.set_rollback(True)

    # Then the table holds what the rows say
    assert stored == {
        model: {row.pk: _said(row) for row in written} for model, written in rows.items()
    }


def test_only_values_copy_knows_are_encoded() -> None:
    odd = new(Membership, id=uuid4(), family_unit_id=uuid4(), person_id=uuid4(), role="CHILD",
              evidence="RECORD_LINKAGE", linkage_score=Decimal("0.5"))  # fmt: skip

    with pytest.raises(TypeError, match="float"):
        encoded(Membership, [odd])


@given(st.text())
def test_a_record_id_is_the_uuid5_of_its_extract_row(source_record: str) -> None:
    assert record_uuid(source_record) == uuid5(NAMESPACE, source_record)

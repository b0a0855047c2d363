"""On PostgreSQL the refresh selects persons, languages, identifiers and custody set-wise
(`persons_sql`, `custody_sql`) and reads the rows the other rules need from the linked
rows' table; those rows are the rows the Python rules build from rows read one by one.

Given a generated world (noisy names, ambiguous dates, several records a person) imported
and linked, the rows written set-wise, then rewritten by the Python rules, are the same.
"""

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from django.db import models, transaction

from reunify.elections.models import Election
from reunify.families.models import (
    CustodyEpisode,
    FamilyUnit,
    Membership,
    Person,
    PersonIdentifier,
    PersonLanguage,
    Reunion,
    Separation,
)
from reunify.imports.models import IceRecord
from reunify.linkage.family_records.linked_rows import (
    linked_rows_apart,
    linked_rows_of_table,
    persons_of_records,
)
from reunify.linkage.family_records.linked_table import LINKED, create_linked_table
from reunify.linkage.family_records.refresh import family_records_refresh
from reunify.linkage.models import LinkageRun, LinkedRecord
from reunify.linkage.services import linkage_run
from reunify.synth import build_world, write_extracts
from tests.linkage.worlds import import_all

pytestmark = [pytest.mark.django_db, pytest.mark.postgres_only]

# Written set-wise, and (the rest) from rows read from the linked rows' table.
WRITTEN = (Person, PersonLanguage, PersonIdentifier, CustodyEpisode, FamilyUnit, Membership,
           Separation, Reunion, Election)  # fmt: skip


def rows_of(model: type[models.Model]) -> set[tuple[Any, ...]]:
    """Every row from the extracts, all but when it was written."""
    fields = [
        f.attname for f in model._meta.concrete_fields if f.name not in ("created_at", "updated_at")
    ]
    return set(model._default_manager.values_list(*fields))


def spell_identifiers_two_ways() -> None:
    """Two detention records of one person give one subject id spelled two ways, and an
    A-number with its leading zero and without; a third an A-number as no import stages
    it (the rules read any text)."""
    first, second, third = IceRecord.objects.order_by("record_id")[:3]
    person = LinkedRecord.objects.get(source="ice", record_id=first.record_id).person_id
    LinkedRecord.objects.filter(source="ice", record_id=second.record_id).update(person_id=person)
    IceRecord.objects.filter(pk=first.pk).update(subject_id="ab-12 3", a_number="012345678")
    IceRecord.objects.filter(pk=second.pk).update(subject_id="AB.123", a_number="12345678")
    IceRecord.objects.filter(pk=third.pk).update(a_number="A1234567")


def test_rows_selected_set_wise_are_the_rows_the_python_rules_build(tmp_path: Path) -> None:
    # Given a world linked, with identifiers written two ways for one person
    write_extracts(build_world(200, 31), tmp_path, 31)
    import_all(tmp_path)
    linkage_run(actor=None, actor_label="test")
    spell_identifiers_two_ways()
    run = LinkageRun.objects.latest("started_at")

    # When its records are written set-wise, then rewritten by the Python rules
    family_records_refresh(actor=None, run=run, set_wise=True)
    set_wise = {model: rows_of(model) for model in WRITTEN}
    family_records_refresh(actor=None, run=run, set_wise=False)

    # Then nothing differs
    for model in WRITTEN:
        built = rows_of(model)
        assert set_wise[model] - built == set(), model.__name__
        assert built - set_wise[model] == set(), model.__name__
    # and the world held what the rules choose between.
    languages = Counter(PersonLanguage.objects.values_list("person_id", flat=True))
    assert max(languages.values()) > 1
    assert len(set(PersonIdentifier.objects.values_list("scheme", flat=True))) == 3
    assert len(set(CustodyEpisode.objects.values_list("kind", flat=True))) >= 5
    assert Person.objects.filter(name_search__regex=r"[^a-z0-9' ]").count() == 0
    assert (
        PersonIdentifier.objects.filter(normalized__in=["AB123", "012345678", "001234567"]).count()
        == 3
    )


@pytest.mark.django_db(transaction=True)
def test_rows_read_apart_are_the_rows_of_the_linked_table(tmp_path: Path) -> None:
    write_extracts(build_world(60, 12), tmp_path, 12)
    import_all(tmp_path)
    # Outside a transaction, as `reunify link` runs it: the run reads its rows apart.
    linkage_run(actor=None, actor_label="test")
    persons = persons_of_records()
    left_out = sorted(persons)[0]
    del persons[left_out]  # a record the run did not link (imported after it)

    with transaction.atomic():
        create_linked_table()
        from_table = linked_rows_of_table(LINKED)
        apart = linked_rows_apart(persons)

    for source in ("cbp", "ice", "orr"):
        expected = [
            tuple(row) for row in getattr(from_table, source) if row["source_record"] != left_out
        ]
        assert expected
        assert [tuple(row) for row in getattr(apart, source)] == expected

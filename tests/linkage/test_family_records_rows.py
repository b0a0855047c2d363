"""Rows built for the family-records refresh without Django's `__init__` hold what the
model's own constructor would, and write as the ORM would write them."""

from datetime import date
from uuid import uuid4

import pytest
from django.db import models

from reunify.elections.models import Election
from reunify.families.models import CustodyEpisode, Membership, Person, PersonLanguage
from reunify.linkage.family_records.writing import _row_values, new
from reunify.vocabulary import CustodyKind


def _attributes(instance: models.Model) -> dict[str, object]:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (Person, {"id": uuid4(), "given_names": "Ana", "first_surname": "López",
                  "birth_date": date(2011, 5, 6), "from_extracts": True}),
        (PersonLanguage, {"person_id": uuid4(), "code": "quc", "is_primary": True}),
        (Membership, {"id": uuid4(), "family_unit_id": uuid4(), "person_id": uuid4()}),
        (CustodyEpisode, {"id": uuid4(), "person_id": uuid4(), "kind": CustodyKind.SHELTER}),
        (Election, {"id": uuid4(), "parent_id": uuid4()}),
    ],
)  # fmt: skip
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

"""How an answer names other records, and how ids in a request become visible records.

A person is named by id and full name, a user by id and name; an id the caller cannot see
is answered as if it did not exist.
"""

from collections.abc import Sequence
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Schema

from reunify.accounts.models import User
from reunify.families.models import Person
from reunify.families.selectors import persons_visible_to


class PersonRef(Schema):
    id: UUID
    name: str


class ActorRef(Schema):
    """Who did something: a user, or a name recorded without an account (imports)."""

    id: UUID | None
    name: str


def person_ref(person: Person) -> dict[str, object]:
    return {"id": person.pk, "name": person.full_name}


def actor_ref(user: User | None, recorded_name: str = "") -> dict[str, object] | None:
    if user is not None:
        return {"id": user.pk, "name": str(user)}
    if recorded_name:
        return {"id": None, "name": recorded_name}
    return None


def person_or_404(*, user: User, person_id: UUID) -> Person:
    person = persons_visible_to(user=user).filter(pk=person_id).first()
    if person is None:
        raise Http404("No such person.")
    return person


def persons_named(*, user: User, ids: Sequence[UUID], field: str) -> list[Person]:
    """The people these ids name, in the order given; a 422 on `field` if any is unknown."""
    found = {person.pk: person for person in persons_visible_to(user=user).filter(pk__in=ids)}
    unknown = [str(person_id) for person_id in dict.fromkeys(ids) if person_id not in found]
    if unknown:
        raise ValidationError({field: [f"No such person: {', '.join(unknown)}."]})
    return [found[person_id] for person_id in dict.fromkeys(ids)]

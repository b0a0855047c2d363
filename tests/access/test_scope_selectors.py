"""Who sees which people and family units: every role, through `families.selectors`.

Given mother and daughter held apart (mother detained, daughter at Casa Esperanza) and
an aunt and nephew apprehended elsewhere, each role sees exactly its scope.
"""

from collections.abc import Callable

import pytest

from reunify.accounts.models import User
from reunify.accounts.scope_services import (
    counsel_grant_give,
    counsel_grant_revoke,
    shelter_assignment_end,
    shelter_assignment_start,
)
from reunify.accounts.user_services import user_deactivate
from reunify.families.models import Facility, FamilyUnit, Person
from reunify.families.selectors import (
    family_units_visible_to,
    persons_matching,
    persons_visible_to,
)
from tests.conftest import at
from tests.families.factories import aunt_and_nephew, mother_and_daughter_held_apart, move

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def families(
    olivia: User, station: Facility, detention: Facility, shelter: Facility
) -> dict[str, Person | FamilyUnit]:
    unit, mother, daughter = mother_and_daughter_held_apart(
        actor=olivia, station=station, detention=detention, shelter=shelter
    )
    other_unit, aunt, nephew = aunt_and_nephew(
        actor=olivia, station=station, apprehended_at=at("2019-02-10")
    )
    return {"unit": unit, "mother": mother, "daughter": daughter,
            "other_unit": other_unit, "aunt": aunt, "nephew": nephew}  # fmt: skip


def seen(user: User) -> tuple[set[object], set[object]]:
    return (
        set(persons_visible_to(user=user).values_list("pk", flat=True)),
        set(family_units_visible_to(user=user).values_list("pk", flat=True)),
    )


@pytest.mark.parametrize("name", ["olivia", "sam", "tomas", "ada", "abel"])
def test_officers_tracing_auditors_and_administrators_see_everyone(
    cast: Callable[[str], User], families: dict[str, Person | FamilyUnit], name: str
) -> None:
    persons, units = seen(cast(name))
    assert persons == set(Person.objects.values_list("pk", flat=True))
    assert units == set(FamilyUnit.objects.values_list("pk", flat=True))
    assert len(units) == 2


def test_counsel_see_only_their_clients_and_no_family_unit(
    cast: Callable[[str], User], abel: User, families: dict[str, Person | FamilyUnit]
) -> None:
    luis = cast("luis")
    assert seen(luis) == (set(), set())
    mother = families["mother"]
    assert isinstance(mother, Person)
    counsel_grant_give(actor=abel, counsel=luis, client=mother)
    assert seen(luis) == ({mother.pk}, set())
    assert list(persons_matching(user=luis, query="Xiloj")) == [mother]


def test_a_case_manager_sees_the_children_at_their_shelter_and_their_families(
    carmen: User, abel: User, shelter: Facility, families: dict[str, Person | FamilyUnit]
) -> None:
    assert seen(carmen) == (set(), set())
    shelter_assignment_start(actor=abel, case_manager=carmen, shelter=shelter)
    unit, mother, daughter = families["unit"], families["mother"], families["daughter"]
    assert seen(carmen) == ({mother.pk, daughter.pk}, {unit.pk})
    assert persons_visible_to(user=carmen).count() == 2  # no duplicate rows


def test_a_child_who_leaves_the_shelter_leaves_the_case_managers_scope(
    carmen: User, abel: User, olivia: User, shelter: Facility, detention: Facility,
    families: dict[str, Person | FamilyUnit],
) -> None:  # fmt: skip
    shelter_assignment_start(actor=abel, case_manager=carmen, shelter=shelter)
    daughter = families["daughter"]
    assert isinstance(daughter, Person)
    move(actor=olivia, person=daughter, to=detention, at=at("2018-06-01"))
    assert seen(carmen) == (set(), set())


def test_an_ended_assignment_or_a_revoked_grant_ends_the_scope(
    cast: Callable[[str], User], carmen: User, abel: User, shelter: Facility,
    families: dict[str, Person | FamilyUnit],
) -> None:  # fmt: skip
    luis = cast("luis")
    mother = families["mother"]
    assert isinstance(mother, Person)
    grant = counsel_grant_give(actor=abel, counsel=luis, client=mother)
    assignment = shelter_assignment_start(actor=abel, case_manager=carmen, shelter=shelter)
    counsel_grant_revoke(actor=abel, grant=grant, reason="The client chose other counsel.")
    shelter_assignment_end(actor=abel, assignment=assignment)
    assert seen(luis) == (set(), set())
    assert seen(carmen) == (set(), set())


def test_a_deactivated_user_sees_nothing(
    olivia: User, abel: User, families: dict[str, Person | FamilyUnit]
) -> None:
    user_deactivate(actor=abel, user=olivia)
    olivia.refresh_from_db()
    assert seen(olivia) == (set(), set())

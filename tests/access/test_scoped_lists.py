"""Lists and searches show only rows in the user's scope, on pages and in the API alike:
Bruno and Cora, whose scope holds one other family, never see the world's mother or son;
Luis sees his client, Carmen the family of the child at her shelter."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import User
from reunify.families.models import Facility, FamilyUnit, Person
from tests.access.world import every_kind_of_record, outsiders
from tests.api.conftest import token_for
from tests.conftest import CAST

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def users(cast: Callable[[str], User], station: Facility, tmp_path: Path) -> dict[str, User]:
    people = {name: cast(name) for name in CAST}
    every_kind_of_record(people=people, station=station, tmp=tmp_path)
    return people | outsiders(abel=people["abel"], station=station)


def api_ids(user: User, path: str, body: dict[str, str] | None = None) -> set[str]:
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token_for(user)}")
    answer = (
        api.post(path, body, content_type="application/json") if body is not None else api.get(path)
    )
    assert answer.status_code == 200
    return {item["id"] for item in answer.json()["items"]}


def page_search(user: User, query: str) -> str:
    client = Client()
    client.force_login(user)
    return client.post(reverse("families:search"), {"q": query}, follow=True).content.decode()


def ids_of(persons: object) -> set[str]:
    return {str(pk) for pk in persons}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("who", "persons", "units"),
    [
        # Luis: his client only, and no family unit. Bruno likewise, of his own client.
        ("luis", "the mother", "none"),
        ("bruno", "the other mother", "none"),
        # Carmen: the son at her shelter and his family; Cora: the other family.
        ("carmen", "the first family", "the first unit"),
        ("cora", "the other family", "the other unit"),
        ("olivia", "everyone", "every unit"),
    ],
)
def test_lists_hold_exactly_the_users_scope(
    users: dict[str, User], who: str, persons: str, units: str
) -> None:
    first_unit, other_unit = FamilyUnit.objects.order_by("created_at")
    first = set(first_unit.memberships.values_list("person_id", flat=True))
    other = set(other_unit.memberships.values_list("person_id", flat=True))
    mothers = {
        unit: unit.memberships.get(role="PARENT").person_id for unit in (first_unit, other_unit)
    }
    expected_persons = {
        "the mother": {mothers[first_unit]},
        "the other mother": {mothers[other_unit]},
        "the first family": first,
        "the other family": other,
        "everyone": set(Person.objects.values_list("pk", flat=True)),
    }[persons]
    expected_units = {
        "none": set(),
        "the first unit": {first_unit.pk},
        "the other unit": {other_unit.pk},
        "every unit": {first_unit.pk, other_unit.pk},
    }[units]
    user = users[who]
    assert api_ids(user, "/api/v1/persons") == ids_of(expected_persons)
    assert api_ids(user, "/api/v1/persons/search", {"q": "Xiloj"}) == ids_of(expected_persons)
    assert api_ids(user, "/api/v1/family-units") == ids_of(expected_units)
    page = page_search(user, "Xiloj")
    named = Person.objects.filter(name_search__contains=" xiloj")
    assert named.count() >= 4  # both mothers and both sons
    for person in named:
        shown = reverse("families:person", args=[person.pk]) in page
        assert shown == (person.pk in expected_persons), (who, person.full_name)


def test_counsel_are_not_told_which_family_units_their_client_belongs_to(
    users: dict[str, User],
) -> None:
    luis = users["luis"]
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token_for(luis)}")
    (client,) = api.get("/api/v1/persons").json()["items"]
    assert client["family_unit_ids"] == []
    assert api.get(f"/api/v1/persons/{client['id']}").json()["family_unit_ids"] == []
    page = page_search(luis, "Xiloj")
    assert reverse("families:family-unit", args=[FamilyUnit.objects.first().pk]) not in page  # type: ignore[union-attr]

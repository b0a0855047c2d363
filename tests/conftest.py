"""Fixtures shared by the whole suite: a named cast of users, one per role, and places.

The cast (after healthchecks' Alice and Bob): Olivia the field officer, Sam the
supervisor, Carmen the child case manager, Luis of counsel, Tomás of the tracing team,
Ada the oversight auditor and Abel the administrator.
"""

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test import override_settings

from reunify.accounts.models import User
from reunify.accounts.roles import Role
from reunify.families.choices import CustodyKind
from reunify.families.models import Facility

# Browser fixtures live in one plugin: one Playwright for the whole session.
pytest_plugins = ["tests.browser"]

CAST_PASSWORD = "a long cast password 2026"

CAST: dict[str, tuple[str, Role]] = {
    "olivia": ("Olivia Field", Role.FIELD_OFFICER),
    "sam": ("Sam Super", Role.SUPERVISOR),
    "carmen": ("Carmen Case", Role.CASE_MANAGER),
    "luis": ("Luis Counsel", Role.COUNSEL),
    "tomas": ("Tomás Trace", Role.TRACING),
    "ada": ("Ada Audit", Role.AUDITOR),
    "abel": ("Abel Admin", Role.ADMINISTRATOR),
}


@pytest.fixture(autouse=True)
def _fast_password_hashing(request: pytest.FixtureRequest) -> Iterator[None]:
    """Argon2 makes each cast member cost a fifth of a second; tests of hashing itself
    opt out with `@pytest.mark.real_password_hashing`."""
    if request.node.get_closest_marker("real_password_hashing"):
        yield
        return
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _second_factor_only_where_tested(request: pytest.FixtureRequest) -> Iterator[None]:
    """Supervisors, auditors and admins need an authenticator code to sign in; tests of
    anything else sign them in with `force_login` and skip it. Tests of the second factor
    itself keep it with `@pytest.mark.second_factor`."""
    if request.node.get_closest_marker("second_factor"):
        yield
        return
    with override_settings(REUNIFY_SECOND_FACTOR_REQUIRED=False):
        yield


@pytest.fixture(autouse=True)
def _skip_postgres_only_on_other_databases(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("postgres_only") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (exclusion constraints, row locks)")


def make_cast_member(username: str) -> User:
    full_name, role = CAST[username]
    first, last = full_name.split(" ", 1)
    user = User(username=username, first_name=first, last_name=last, role=role)
    user.set_password(CAST_PASSWORD)
    user.save()
    return user


@pytest.fixture
def cast(db: None) -> Callable[[str], User]:
    """`cast("olivia")` gives that cast member, created on first use."""
    made: dict[str, User] = {}

    def member(username: str) -> User:
        if username not in made:
            made[username] = make_cast_member(username)
        return made[username]

    return member


@pytest.fixture
def olivia(cast: Callable[[str], User]) -> User:
    return cast("olivia")


@pytest.fixture
def sam(cast: Callable[[str], User]) -> User:
    return cast("sam")


@pytest.fixture
def ada(cast: Callable[[str], User]) -> User:
    return cast("ada")


@pytest.fixture
def station(db: None) -> Facility:
    return Facility.objects.create(
        name="Ursula Central Processing Center",
        kind=CustodyKind.BORDER_STATION,
        sector="Rio Grande Valley",
        city="McAllen",
        state="TX",
    )


@pytest.fixture
def detention(db: None) -> Facility:
    return Facility.objects.create(
        name="Port Isabel Service Processing Center",
        kind=CustodyKind.DETENTION_FACILITY,
        city="Los Fresnos",
        state="TX",
    )


@pytest.fixture
def shelter(db: None) -> Facility:
    return Facility.objects.create(
        name="Casa Esperanza Shelter", kind=CustodyKind.SHELTER, city="Brownsville", state="TX"
    )


def at(day: str, hour: int = 12) -> datetime:
    """A moment on a day, in UTC: `at("2018-05-03")`."""
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), tzinfo=UTC).replace(
        hour=hour
    )


@pytest.fixture
def abel(cast: Callable[[str], User]) -> User:
    return cast("abel")


@pytest.fixture
def carmen(cast: Callable[[str], User]) -> User:
    return cast("carmen")

"""What each role may do at all, as DESIGN.md "Users and roles" gives it."""

from collections.abc import Callable

import pytest

from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied, require_role
from reunify.accounts.roles import (
    CUSTODY_RECORDERS,
    FAMILY_RECORDERS,
    REUNION_RECORDERS,
    SEPARATION_AUTHORISERS,
    Role,
)

R = Role

# Who may do what, written out in full so that a change to a role set shows up here.
EXPECTED: dict[str, tuple[frozenset[Role], set[Role]]] = {
    "record family units": (FAMILY_RECORDERS, {R.FIELD_OFFICER, R.SUPERVISOR, R.ADMINISTRATOR}),
    "record custody moves": (
        CUSTODY_RECORDERS,
        {R.FIELD_OFFICER, R.SUPERVISOR, R.ADMINISTRATOR, R.CASE_MANAGER},
    ),
    "record reunions": (
        REUNION_RECORDERS,
        {R.FIELD_OFFICER, R.SUPERVISOR, R.ADMINISTRATOR, R.CASE_MANAGER, R.TRACING},
    ),
    "authorise separations": (
        SEPARATION_AUTHORISERS,
        {R.FIELD_OFFICER, R.SUPERVISOR, R.ADMINISTRATOR},
    ),
}


@pytest.mark.parametrize("action", EXPECTED)
def test_each_role_set_is_exactly_the_roles_the_design_names(action: str) -> None:
    # Given
    allowed, expected = EXPECTED[action]

    # When / Then
    assert set(allowed) == expected


@pytest.mark.parametrize("action", EXPECTED)
def test_counsel_and_auditors_change_no_family_record(action: str) -> None:
    # Given / When
    allowed, _ = EXPECTED[action]

    # Then: counsel act only for their clients, auditors only read
    assert Role.COUNSEL not in allowed
    assert Role.AUDITOR not in allowed


@pytest.mark.parametrize("role", list(Role))
def test_require_role_lets_in_exactly_the_allowed_roles(role: Role) -> None:
    # Given: an active user of this role, not stored (roles are plain data here)
    user = User(username=role.lower(), role=role, is_active=True)

    # When
    try:
        require_role(user, FAMILY_RECORDERS, action="record family units")
        allowed = True
    except PermissionDenied:
        allowed = False

    # Then
    assert allowed is (role in FAMILY_RECORDERS)


def test_the_refusal_says_what_was_refused() -> None:
    # Given
    auditor = User(username="ada", role=Role.AUDITOR)

    # When / Then
    with pytest.raises(PermissionDenied, match=r"^Your role may not record reunions\.$"):
        require_role(auditor, REUNION_RECORDERS, action="record reunions")


def test_a_deactivated_user_is_refused_whatever_the_role() -> None:
    # Given
    former_admin = User(username="abel", role=Role.ADMINISTRATOR, is_active=False)

    # When / Then
    with pytest.raises(PermissionDenied):
        require_role(former_admin, FAMILY_RECORDERS, action="record family units")


@pytest.mark.django_db
def test_the_cast_has_one_member_per_role(cast: Callable[[str], User]) -> None:
    # Given / When
    roles = {
        cast(name).role for name in ("olivia", "sam", "carmen", "luis", "tomas", "ada", "abel")
    }

    # Then
    assert roles == set(Role)

"""Reads for the administration pages: users, counsel grants, shelter assignments."""

from uuid import UUID

from django.db.models import QuerySet

from reunify.accounts.models import CounselGrant, ShelterAssignment, User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import USER_ADMINISTRATORS, Role
from reunify.families.choices import IdentifierScheme
from reunify.families.identifiers import normalize_a_number
from reunify.families.models import Person


def users_for_administration(*, user: User) -> QuerySet[User]:
    require_role(user, USER_ADMINISTRATORS, action="administer users")
    return User.objects.order_by("-is_active", "last_name", "first_name", "username")


def counsel_grants_for_administration(*, user: User) -> QuerySet[CounselGrant]:
    """Active grants first, newest first; revoked ones after, kept for the record."""
    require_role(user, USER_ADMINISTRATORS, action="administer counsel grants")
    return CounselGrant.objects.select_related(
        "counsel", "client", "granted_by", "revoked_by"
    ).order_by("revoked_at", "-granted_at")


def shelter_assignments_for_administration(*, user: User) -> QuerySet[ShelterAssignment]:
    require_role(user, USER_ADMINISTRATORS, action="administer shelter assignments")
    return ShelterAssignment.objects.select_related(
        "case_manager", "shelter", "assigned_by", "ended_by"
    ).order_by("ended_at", "shelter__name", "-assigned_at")


def active_users_with_role(role: Role) -> QuerySet[User]:
    return User.objects.filter(role=role, is_active=True).order_by("last_name", "first_name")


def person_by_reference(reference: str) -> list[Person]:
    """The people an administrator means by a Reunify person id or an A-number."""
    text = reference.strip()
    try:
        return list(Person.objects.filter(pk=UUID(text)))
    except ValueError:
        pass
    a_number = normalize_a_number(text)
    if a_number is None:
        return []
    return list(
        Person.objects.filter(
            identifiers__scheme=IdentifierScheme.A_NUMBER, identifiers__normalized=a_number
        ).distinct()
    )

"""Scope for the demo's counsel and case manager, so that each sees what such a user
would: a few separated parents as counsel's clients, and a shelter for the case manager.
Given through the real services by the demo administrator, so the history shows them."""

from dataclasses import dataclass

from django.db.models import Count, Q

from reunify.accounts.models import CounselGrant, ShelterAssignment, User
from reunify.accounts.scope_services import counsel_grant_give, shelter_assignment_start
from reunify.families.choices import CustodyKind
from reunify.families.models import Facility, Person

DEMO_CLIENTS = 5


@dataclass(frozen=True)
class DemoScope:
    clients: int
    shelter: str


def ensure_demo_scope(*, admin: User, counsel: User, case_manager: User) -> DemoScope:
    """Give counsel their first clients and the case manager the fullest shelter, unless
    they have some already (a second `reunify demo` changes nothing)."""
    if not CounselGrant.objects.filter(counsel=counsel).exists():
        parents = (
            Person.objects.filter(separations_as_parent__isnull=False)
            .distinct()
            .order_by("first_surname", "given_names", "id")[:DEMO_CLIENTS]
        )
        for parent in parents:
            counsel_grant_give(actor=admin, counsel=counsel, client=parent)
    if not ShelterAssignment.objects.filter(case_manager=case_manager).exists():
        fullest = (
            Facility.objects.filter(kind=CustodyKind.SHELTER)
            .annotate(held=Count("episodes", filter=Q(episodes__ended_at__isnull=True)))
            .order_by("-held", "name")
            .first()
        )
        if fullest is not None:
            shelter_assignment_start(actor=admin, case_manager=case_manager, shelter=fullest)
    assignment = (
        ShelterAssignment.objects.filter(case_manager=case_manager, ended_at__isnull=True)
        .select_related("shelter")
        .first()
    )
    return DemoScope(
        clients=CounselGrant.objects.filter(counsel=counsel, revoked_at__isnull=True).count(),
        shelter=assignment.shelter.name if assignment else "",
    )

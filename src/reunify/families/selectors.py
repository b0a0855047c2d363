"""Reads of family records that depend on who asks. Pages, API and exports all use these,
so no path shows a record another path hides.

Scope: field officers, supervisors, tracing teams, auditors and administrators see every
record. Counsel see only their clients: the people with an unrevoked grant to them. A
child case manager sees the people held now (an open custody episode) at a shelter they
are assigned to, those people's family units, and the members of those units. A user
who is not active sees nothing. Grants and assignments are read on every request, so a
revocation holds from the next one.
"""

from uuid import UUID

from django.db.models import Prefetch, Q, QuerySet

from reunify.accounts.models import CounselGrant, ShelterAssignment, User
from reunify.accounts.roles import SEES_EVERY_RECORD, Role
from reunify.families.identifiers import (
    looks_like_identifier,
    normalize_a_number,
    normalize_identifier,
)
from reunify.families.models import (
    CustodyEpisode,
    FamilyUnit,
    Membership,
    Person,
    PersonIdentifier,
    Separation,
)
from reunify.families.names import query_words


def persons_visible_to(*, user: User) -> QuerySet[Person]:
    if not user.is_active:
        return Person.objects.none()
    if user.role in SEES_EVERY_RECORD:
        return Person.objects.all()
    if user.role == Role.COUNSEL:
        return Person.objects.filter(pk__in=_client_ids(user))
    if user.role == Role.CASE_MANAGER:
        members = Membership.objects.filter(
            family_unit__in=_sheltered_family_unit_ids(user)
        ).values_list("person_id", flat=True)
        return Person.objects.filter(Q(pk__in=_sheltered_ids(user)) | Q(pk__in=members))
    return Person.objects.none()


def family_units_visible_to(*, user: User) -> QuerySet[FamilyUnit]:
    """Counsel see their clients, not their clients' family units: other members of a
    unit may be someone else's clients, or no one's."""
    if not user.is_active:
        return FamilyUnit.objects.none()
    if user.role in SEES_EVERY_RECORD:
        return FamilyUnit.objects.all()
    if user.role == Role.CASE_MANAGER:
        return FamilyUnit.objects.filter(pk__in=_sheltered_family_unit_ids(user))
    return FamilyUnit.objects.none()


def _client_ids(counsel: User) -> QuerySet[CounselGrant, UUID]:
    return CounselGrant.objects.filter(counsel=counsel, revoked_at__isnull=True).values_list(
        "client_id", flat=True
    )


def _sheltered_ids(case_manager: User) -> QuerySet[CustodyEpisode, UUID]:
    """People held now at a shelter this case manager is assigned to."""
    shelters = ShelterAssignment.objects.filter(
        case_manager=case_manager, ended_at__isnull=True
    ).values("shelter_id")
    return CustodyEpisode.objects.filter(ended_at__isnull=True, facility__in=shelters).values_list(
        "person_id", flat=True
    )


def _sheltered_family_unit_ids(case_manager: User) -> QuerySet[Membership, UUID]:
    return Membership.objects.filter(person__in=_sheltered_ids(case_manager)).values_list(
        "family_unit_id", flat=True
    )


def persons_matching(*, user: User, query: str) -> QuerySet[Person]:
    """People whose name holds every word of the query (each at a word start, accents and
    case ignored, surnames in any order), or who carry the query as an identifier."""
    words = query_words(query)
    matches = Q(pk__in=[])
    if words:
        by_name = Q()
        for word in words:
            by_name &= Q(name_search__contains=f" {word}")
        matches |= by_name
    if looks_like_identifier(query):
        candidates = {
            value for value in (normalize_a_number(query), normalize_identifier("", query)) if value
        }
        # Looked up first through the identifier index: OR-ing an EXISTS subquery with the
        # name match would make PostgreSQL scan every person (measured: 300 ms at 250,000).
        identified = list(
            PersonIdentifier.objects.filter(normalized__in=sorted(candidates))
            .values_list("person_id", flat=True)
            .distinct()[:1000]
        )
        matches |= Q(pk__in=identified)
    return (
        persons_visible_to(user=user)
        .filter(matches)
        .order_by("first_surname", "second_surname", "given_names", "id")
    )


def with_search_context(persons: QuerySet[Person], *, user: User) -> QuerySet[Person]:
    """What a search result shows beside each name: where they are, which family units
    (those the user may see), ids."""
    return persons.prefetch_related(
        Prefetch(
            "custody_episodes",
            queryset=CustodyEpisode.objects.filter(ended_at__isnull=True).select_related(
                "facility"
            ),
            to_attr="open_episodes",
        ),
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(
                family_unit__in=family_units_visible_to(user=user)
            ).select_related("family_unit"),
            to_attr="family_memberships",
        ),
        "identifiers",
        "languages",
    )


def family_unit_for(*, user: User, family_unit_id: UUID) -> FamilyUnit | None:
    return (
        family_units_visible_to(user=user)
        .select_related("station", "created_by")
        .filter(pk=family_unit_id)
        .first()
    )


def members_of(family_unit: FamilyUnit) -> list[Membership]:
    return list(
        Membership.objects.filter(family_unit=family_unit)
        .select_related("person")
        .prefetch_related(
            Prefetch(
                "person__custody_episodes",
                queryset=CustodyEpisode.objects.select_related("facility").order_by("started_at"),
                to_attr="episodes_in_order",
            ),
            "person__languages",
            "person__identifiers",
        )
        .order_by("role", "person__birth_date", "person__given_names")
    )


def separations_of(family_unit: FamilyUnit) -> list[Separation]:
    return list(
        Separation.objects.filter(family_unit=family_unit)
        .select_related("parent", "child", "reunion", "authorised_by")
        .order_by("separated_at")
    )


def children_apart_from(parent: Person) -> list[Person]:
    """Children in an open separation from this parent, by given name."""
    return [
        separation.child
        for separation in Separation.objects.filter(parent=parent, reunion__isnull=True)
        .select_related("child")
        .order_by("child__given_names")
    ]


def family_unit_ids_of(person: Person) -> list[UUID]:
    return list(Membership.objects.filter(person=person).values_list("family_unit_id", flat=True))

"""Moving a person from one custody to the next."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import CUSTODY_RECORDERS
from reunify.audit.history import record_change
from reunify.families.countries import is_country_code
from reunify.families.errors import raise_if_any
from reunify.families.models import CustodyEpisode, Facility, Membership, Person
from reunify.families.rules import (
    Problem,
    custody_move_problems,
    custody_placement_problems,
    length_problems,
)


@transaction.atomic
def custody_move(
    *,
    actor: User,
    person: Person,
    kind: str,
    moved_at: datetime,
    facility: Facility | None = None,
    detail: str = "",
    country: str = "",
) -> CustodyEpisode:
    """Close the person's current custody at `moved_at` and open the next one.

    The person's row is locked first, so two moves of one person queue rather than both
    closing the same episode.
    """
    require_role(actor, CUSTODY_RECORDERS, action="record custody moves")
    Person.objects.select_for_update().filter(pk=person.pk).get()
    current = CustodyEpisode.objects.filter(person=person, ended_at__isnull=True).first()
    problems = custody_placement_problems(
        kind=kind, has_facility=facility is not None, country=country, detail=detail
    )
    if facility is not None and facility.kind != kind:
        problems.append(
            Problem("facility", f"{facility} is not a {kind.lower().replace('_', ' ')}.")
        )
    problems += length_problems(
        "detail", detail, limit=CustodyEpisode._meta.get_field("detail").max_length or 0
    )
    if country and not is_country_code(country):
        problems.append(Problem("country", f"Unknown country code {country!r}."))
    problems += custody_move_problems(
        moved_at=moved_at,
        current_started_at=current.started_at if current else None,
        now=timezone.now(),
    )
    raise_if_any(problems)

    if current is not None:
        current.ended_at = moved_at
        current.save(update_fields=["ended_at", "updated_at"])
    episode = CustodyEpisode.objects.create(
        person=person,
        kind=kind,
        facility=facility,
        detail=detail.strip(),
        country=country,
        started_at=moved_at,
        recorded_by=actor,
    )
    # Imported here: tracing builds on families, not the other way round, but a case
    # seeking this person must show where they are now, from this transaction on.
    from reunify.tracing.services.case_facts import tracing_cases_follow_custody

    tracing_cases_follow_custody(person_id=person.pk)
    family_unit_id = (
        Membership.objects.filter(person=person).values_list("family_unit_id", flat=True).first()
    )
    record_change(
        actor=actor,
        action="custody.moved",
        subject_type="custody_episode",
        subject_id=episode.id,
        family_unit_id=family_unit_id,
        person_ids=[person.id],
        changes={
            "from": current.where if current else None,
            "to": episode.where,
            "kind": kind,
            "moved_at": moved_at,
        },
    )
    return episode

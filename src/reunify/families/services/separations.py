"""Recording a separation of a child from a parent, and the reunion that ends it."""

from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import REUNION_RECORDERS, SEPARATION_AUTHORISERS
from reunify.audit.history import record_change
from reunify.families.choices import ReunionMethod, ReunionSetting
from reunify.families.errors import raise_if_any
from reunify.families.locking import lock_people
from reunify.families.models import FamilyUnit, Person, Reunion, Separation
from reunify.families.rules import Problem, length_problems, reunion_problems, separation_problems
from reunify.families.services.family_units import member_role


@transaction.atomic
def separation_record(
    *,
    actor: User,
    family_unit: FamilyUnit,
    parent: Person,
    child: Person,
    separated_at: datetime,
    reason: str,
    reason_detail: str = "",
) -> Separation:
    """Record that `child` was put in different custody from `parent`, on `actor`'s authority."""
    require_role(actor, SEPARATION_AUTHORISERS, action="authorise separations")
    # A new separation changes the removal gate's answer for this parent.
    lock_people([parent.pk])
    # Lock the unit so two officers recording the same separation cannot both succeed.
    FamilyUnit.objects.select_for_update().filter(pk=family_unit.pk).get()
    raise_if_any(
        separation_problems(
            parent_role=member_role(family_unit, parent),
            child_role=member_role(family_unit, child),
            same_person=parent.pk == child.pk,
            already_separated=Separation.objects.filter(
                parent=parent, child=child, reunion__isnull=True
            ).exists(),
            reason=reason,
            reason_detail=reason_detail,
            separated_at=separated_at,
            apprehended_at=family_unit.apprehended_at,
            now=timezone.now(),
        )
    )
    separation = Separation.objects.create(
        family_unit=family_unit,
        parent=parent,
        child=child,
        separated_at=separated_at,
        reason=reason,
        reason_detail=reason_detail.strip(),
        authorised_by=actor,
    )
    record_change(
        actor=actor,
        action="separation.recorded",
        subject_type="separation",
        subject_id=separation.id,
        family_unit_id=family_unit.id,
        person_ids=[parent.id, child.id],
        changes={
            "separated_at": separated_at,
            "reason": reason,
            "reason_detail": separation.reason_detail,
        },
    )
    # Imported here: tracing builds on families, not the other way round, but a
    # separation recorded without its tracing case would be a family nobody looks for.
    from reunify.tracing.services.cases import tracing_case_open_for_separation

    tracing_case_open_for_separation(actor=actor, separation=separation)
    return separation


@transaction.atomic
def reunion_record(
    *,
    actor: User,
    family_unit: FamilyUnit,
    separations: Sequence[Separation],
    reunited_at: datetime,
    setting: str,
    method: str,
    place: str = "",
) -> Reunion:
    """Close open separations of one family unit with the reunion that ended them."""
    require_role(actor, REUNION_RECORDERS, action="record reunions")
    lock_people(s.parent_id for s in separations)
    locked = list(
        Separation.objects.select_for_update()
        .filter(pk__in=[s.pk for s in separations], family_unit=family_unit, reunion__isnull=True)
        .order_by("separated_at")
    )
    problems = reunion_problems(
        reunited_at=reunited_at,
        latest_separation_at=locked[-1].separated_at if locked else None,
        now=timezone.now(),
    )
    if len(locked) != len(separations):
        problems.append(Problem("separations", "Some of these separations are already closed."))
    problems += length_problems(
        "place", place, limit=Reunion._meta.get_field("place").max_length or 0
    )
    if setting not in ReunionSetting.values:
        problems.append(Problem("setting", f"Unknown setting {setting!r}."))
    if method not in ReunionMethod.values:
        problems.append(Problem("method", f"Unknown method {method!r}."))
    raise_if_any(problems)

    reunion = Reunion.objects.create(
        family_unit=family_unit,
        reunited_at=reunited_at,
        setting=setting,
        method=method,
        place=place.strip(),
        recorded_by=actor,
    )
    # update() skips auto_now, so the closed separations' updated_at is set here.
    Separation.objects.filter(pk__in=[s.pk for s in locked]).update(
        reunion=reunion, updated_at=reunion.created_at
    )
    record_change(
        actor=actor,
        action="reunion.recorded",
        subject_type="reunion",
        subject_id=reunion.id,
        family_unit_id=family_unit.id,
        person_ids=sorted({s.parent_id for s in locked} | {s.child_id for s in locked}, key=str),
        changes={
            "reunited_at": reunited_at,
            "setting": setting,
            "method": method,
            "place": reunion.place,
            "separations": [s.id for s in locked],
        },
    )
    return reunion


@transaction.atomic
def separations_record_for_children(
    *,
    actor: User,
    family_unit: FamilyUnit,
    parent: Person,
    children: Sequence[Person],
    separated_at: datetime,
    reason: str,
    reason_detail: str = "",
) -> list[Separation]:
    """Separate several children from one parent at once: all are recorded, or none."""
    return [
        separation_record(
            actor=actor,
            family_unit=family_unit,
            parent=parent,
            child=child,
            separated_at=separated_at,
            reason=reason,
            reason_detail=reason_detail,
        )
        for child in children
    ]

"""Writes that change who may see which records: counsel grants (a client entrusts their
record to counsel) and shelter assignments (a case manager works at a shelter).

Each is one transaction that checks the actor's role and writes its history entry.
Nothing is deleted: a revoked grant or an ended assignment keeps who ended it and when.
Selectors read grants and assignments on every request, so a change holds from the next.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import CounselGrant, ShelterAssignment, User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import USER_ADMINISTRATORS, Role
from reunify.audit.history import record_change
from reunify.families.choices import CustodyKind
from reunify.families.models import Facility, Person


@transaction.atomic
def counsel_grant_give(*, actor: User, counsel: User, client: Person) -> CounselGrant:
    require_role(actor, USER_ADMINISTRATORS, action="grant counsel access to a client")
    # Lock the counsel's row so that two grants of the same pair cannot race past the check.
    counsel = User.objects.select_for_update().get(pk=counsel.pk)
    if counsel.role != Role.COUNSEL or not counsel.is_active:
        raise ValidationError({"counsel": [f"{counsel} is not active counsel."]})
    if CounselGrant.objects.filter(
        counsel=counsel, client=client, revoked_at__isnull=True
    ).exists():
        raise ValidationError({"client": [f"{counsel} already represents this client."]})
    grant = CounselGrant.objects.create(
        counsel=counsel, client=client, granted_at=timezone.now(), granted_by=actor
    )
    record_change(
        actor=actor,
        action="counsel_grant.given",
        subject_type="counsel_grant",
        subject_id=grant.pk,
        person_ids=[client.pk],
        changes={"counsel": counsel.username, "client": client.pk},
    )
    return grant


@transaction.atomic
def counsel_grant_revoke(*, actor: User, grant: CounselGrant, reason: str) -> CounselGrant:
    require_role(actor, USER_ADMINISTRATORS, action="revoke counsel access")
    grant = CounselGrant.objects.select_for_update().select_related("counsel").get(pk=grant.pk)
    if grant.revoked_at is not None:
        raise ValidationError({"grant": ["This grant was already revoked."]})
    if not reason.strip():
        raise ValidationError({"reason": ["Say why the grant is revoked."]})
    grant.revoked_at, grant.revoked_by, grant.revoke_reason = timezone.now(), actor, reason.strip()
    grant.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    record_change(
        actor=actor,
        action="counsel_grant.revoked",
        subject_type="counsel_grant",
        subject_id=grant.pk,
        person_ids=[grant.client_id],
        changes={"counsel": grant.counsel.username, "reason": grant.revoke_reason},
    )
    return grant


@transaction.atomic
def shelter_assignment_start(
    *, actor: User, case_manager: User, shelter: Facility
) -> ShelterAssignment:
    require_role(actor, USER_ADMINISTRATORS, action="assign case managers to shelters")
    case_manager = User.objects.select_for_update().get(pk=case_manager.pk)
    if case_manager.role != Role.CASE_MANAGER or not case_manager.is_active:
        raise ValidationError({"case_manager": [f"{case_manager} is not an active case manager."]})
    if shelter.kind != CustodyKind.SHELTER:
        raise ValidationError({"shelter": [f"{shelter} is not a child shelter."]})
    if ShelterAssignment.objects.filter(
        case_manager=case_manager, shelter=shelter, ended_at__isnull=True
    ).exists():
        raise ValidationError({"shelter": [f"{case_manager} already works at {shelter}."]})
    assignment = ShelterAssignment.objects.create(
        case_manager=case_manager, shelter=shelter, assigned_at=timezone.now(), assigned_by=actor
    )
    record_change(
        actor=actor,
        action="shelter_assignment.started",
        subject_type="shelter_assignment",
        subject_id=assignment.pk,
        changes={"case_manager": case_manager.username, "shelter": shelter.pk},
    )
    return assignment


@transaction.atomic
def shelter_assignment_end(*, actor: User, assignment: ShelterAssignment) -> ShelterAssignment:
    require_role(actor, USER_ADMINISTRATORS, action="end shelter assignments")
    assignment = (
        ShelterAssignment.objects.select_for_update()
        .select_related("case_manager")
        .get(pk=assignment.pk)
    )
    if assignment.ended_at is not None:
        raise ValidationError({"assignment": ["This assignment has already ended."]})
    assignment.ended_at, assignment.ended_by = timezone.now(), actor
    assignment.save(update_fields=["ended_at", "ended_by"])
    record_change(
        actor=actor,
        action="shelter_assignment.ended",
        subject_type="shelter_assignment",
        subject_id=assignment.pk,
        changes={
            "case_manager": assignment.case_manager.username,
            "shelter": assignment.shelter_id,
        },
    )
    return assignment

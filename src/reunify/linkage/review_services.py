"""`review_decide`: a person's decision on a pair linkage was unsure of."""

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import LINK_REVIEWERS
from reunify.audit.history import record_change
from reunify.families.errors import raise_if_any
from reunify.families.rules import Problem
from reunify.linkage.models import (
    FamilyLink,
    FamilyLinkDecision,
    FamilyLinkStatus,
    FamilyLinkVerdict,
    ReviewItem,
    ReviewStatus,
)

CHOICES = (ReviewStatus.SAME, ReviewStatus.DIFFERENT, ReviewStatus.DEFERRED)
NOTE_LIMIT = 2000


def review_decide(*, actor: User, item: ReviewItem, decision: str, note: str = "") -> ReviewItem:
    """Record the decision; it takes effect on the persons at the next `reunify link`.

    A decided pair stays decided: "same" or "different" cannot be changed here (a
    mistaken decision is for an administrator to correct, on the record)."""
    require_role(actor, LINK_REVIEWERS, action="decide linkage reviews")
    problems = []
    if decision not in CHOICES:
        problems.append(Problem("decision", "Choose same person, different people, or defer."))
    if len(note) > NOTE_LIMIT:
        problems.append(Problem("note", f"Keep the note under {NOTE_LIMIT} characters."))
    raise_if_any(problems)
    with transaction.atomic():
        locked = ReviewItem.objects.select_for_update().get(pk=item.pk)
        if locked.is_decided:
            raise_if_any(
                [
                    Problem(
                        "decision",
                        f"This pair was already decided: {locked.get_status_display().lower()}.",
                    )
                ]
            )
        before = locked.status
        locked.status = decision
        locked.note = note.strip()
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "note", "decided_by", "decided_at"])
        record_change(
            actor=actor,
            action="linkage.review_decided",
            subject_type="review_item",
            subject_id=locked.pk,
            changes={
                "pair": [locked.left_record, locked.right_record],
                "status": [before, decision],
                "match_probability": locked.match_probability,
            },
        )
    return locked


def family_link_decide(
    *, actor: User, link: FamilyLink, verdict: str, note: str = ""
) -> FamilyLinkDecision:
    """Accept or reject a proposed parent-child link; kept for every later run."""
    require_role(actor, LINK_REVIEWERS, action="decide linkage reviews")
    problems = []
    if verdict not in FamilyLinkVerdict.values:
        problems.append(Problem("verdict", "Choose parent and child, or not parent and child."))
    if len(note) > NOTE_LIMIT:
        problems.append(Problem("note", f"Keep the note under {NOTE_LIMIT} characters."))
    raise_if_any(problems)
    with transaction.atomic():
        locked = FamilyLink.objects.select_for_update().filter(pk=link.pk).first()
        if (
            locked is None
            or FamilyLinkDecision.objects.filter(
                parent_person_id=link.parent_person_id, child_person_id=link.child_person_id
            ).exists()
        ):
            raise_if_any(
                [Problem("verdict", "This link was already decided, or linkage ran again since.")]
            )
        assert locked is not None
        decision = FamilyLinkDecision.objects.create(
            parent_person_id=locked.parent_person_id,
            child_person_id=locked.child_person_id,
            verdict=verdict,
            confidence_then=locked.confidence,
            evidence_then=locked.evidence,
            decided_by=actor,
            decided_at=timezone.now(),
            note=note.strip(),
        )
        if verdict == FamilyLinkVerdict.ACCEPTED:
            locked.status = FamilyLinkStatus.ACCEPTED
            locked.evidence = [*locked.evidence, "reviewer_accepted"]
            locked.save(update_fields=["status", "evidence"])
        else:
            locked.delete()
        record_change(
            actor=actor,
            action="linkage.family_link_decided",
            subject_type="family_link_decision",
            subject_id=decision.pk,
            changes={
                "parent_person_id": str(decision.parent_person_id),
                "child_person_id": str(decision.child_person_id),
                "verdict": verdict,
                "confidence": decision.confidence_then,
            },
        )
    return decision

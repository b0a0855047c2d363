"""`review_decide`: a person's decision on a pair linkage was unsure of."""

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import LINK_REVIEWERS
from reunify.audit.history import record_change
from reunify.families.errors import raise_if_any
from reunify.families.rules import Problem
from reunify.linkage.models import ReviewItem, ReviewStatus

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

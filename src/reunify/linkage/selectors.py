"""Who may read linkage's review queue: those who decide it (administrators and the
tracing team) and oversight. The records compared hold personal data."""

from uuid import UUID

from django.db.models import QuerySet
from django.db.models.functions import Abs

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import LINK_REVIEW_READERS
from reunify.linkage.models import (
    FamilyLink,
    FamilyLinkStatus,
    LinkedRecord,
    ReviewItem,
    ReviewStatus,
)


def review_queue(*, user: User, status: str = ReviewStatus.OPEN) -> QuerySet[ReviewItem]:
    """Pairs waiting for a person (or deferred), the most doubtful (nearest even odds)
    first."""
    require_role(user, LINK_REVIEW_READERS, action="read the linkage review queue")
    return (
        ReviewItem.objects.filter(status=status)
        .annotate(doubt=Abs("match_weight"))
        .order_by("doubt", "left_record")
    )


def review_item(*, user: User, item_id: UUID) -> ReviewItem | None:
    require_role(user, LINK_REVIEW_READERS, action="read the linkage review queue")
    return ReviewItem.objects.filter(pk=item_id).select_related("decided_by").first()


def family_links_for_review(*, user: User) -> QuerySet[FamilyLink]:
    """Proposed parent-child links waiting for a person, the most doubtful first."""
    require_role(user, LINK_REVIEW_READERS, action="read the linkage review queue")
    return FamilyLink.objects.filter(status=FamilyLinkStatus.REVIEW).order_by(
        "-confidence", "child_person_id"
    )


def family_link(*, user: User, link_id: UUID) -> FamilyLink | None:
    require_role(user, LINK_REVIEW_READERS, action="read the linkage review queue")
    return FamilyLink.objects.filter(pk=link_id).first()


def records_of_person(person_id: UUID) -> list[str]:
    return [
        f"{source}:{record_id}"
        for source, record_id in LinkedRecord.objects.filter(person_id=person_id)
        .order_by("source", "record_id")
        .values_list("source", "record_id")
    ]

"""Who may read linkage's review queue: those who decide it (administrators and the
tracing team) and oversight. The records compared hold personal data."""

from uuid import UUID

from django.db.models import QuerySet
from django.db.models.functions import Abs

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import LINK_REVIEW_READERS
from reunify.linkage.models import ReviewItem, ReviewStatus


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

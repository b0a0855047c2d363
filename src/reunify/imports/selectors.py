"""Who may read import batches and quarantined rows: those who answer for the data's
quality (administrators) and oversight (auditors). Quarantined rows hold personal data."""

from uuid import UUID

from django.db.models import QuerySet

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import IMPORT_READERS
from reunify.imports.models import ImportBatch, QuarantinedRow


def batches_visible_to(*, user: User) -> QuerySet[ImportBatch]:
    require_role(user, IMPORT_READERS, action="read agency imports")
    return ImportBatch.objects.order_by("-started_at")


def quarantined_rows_of(*, user: User, batch_id: UUID) -> QuerySet[QuarantinedRow]:
    return QuarantinedRow.objects.filter(
        batch__in=batches_visible_to(user=user).filter(pk=batch_id)
    ).order_by("row_number")

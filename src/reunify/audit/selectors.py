"""Reads of the history that pages and the API show."""

from uuid import UUID

from django.db.models import QuerySet

from reunify.audit.models import HistoryEntry


def history_of_family_unit(*, family_unit_id: UUID) -> QuerySet[HistoryEntry]:
    return HistoryEntry.objects.filter(family_unit_id=family_unit_id).select_related("actor")

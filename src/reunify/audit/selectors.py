"""Reads of the history that pages and the API show."""

from uuid import UUID

from django.db.models import Q, QuerySet

from reunify.accounts.models import CounselGrant, User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import AUDIT_LOG_READERS, RECORD_HISTORY_READERS
from reunify.audit.models import HistoryEntry
from reunify.families.models import Membership


def history_of_family_unit(*, family_unit_id: UUID) -> QuerySet[HistoryEntry]:
    return HistoryEntry.objects.filter(family_unit_id=family_unit_id).select_related("actor")


def history_of_person(*, user: User, person_id: UUID) -> QuerySet[HistoryEntry]:
    """Every change to and view of a person's record: entries about the person, about
    the family units they belong to, and about the counsel grants that let counsel see
    them (who could see the record, as well as who did), newest first."""
    require_role(user, RECORD_HISTORY_READERS, action="read a record's history")
    units = Membership.objects.filter(person_id=person_id).values("family_unit_id")
    grants = CounselGrant.objects.filter(client_id=person_id).values("id")
    return (
        HistoryEntry.objects.filter(
            Q(subject_id=person_id) | Q(family_unit_id__in=units) | Q(subject_id__in=grants)
        )
        .select_related("actor")
        .order_by("-sequence")
    )


def audit_log(*, user: User) -> QuerySet[HistoryEntry]:
    """The whole log, for those who answer for oversight."""
    require_role(user, AUDIT_LOG_READERS, action="browse the audit log")
    return HistoryEntry.objects.select_related("actor")

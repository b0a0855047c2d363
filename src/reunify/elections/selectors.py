"""Notices and elections the asking user may see: those of parents visible to them
(`families.selectors`), so a notice or an election is never reachable around its parent."""

from uuid import UUID

from django.db.models import QuerySet

from reunify.accounts.models import User
from reunify.elections.models import Election, Notice
from reunify.families.selectors import persons_visible_to


def notices_visible_to(*, user: User) -> QuerySet[Notice]:
    return Notice.objects.filter(parent__in=persons_visible_to(user=user)).select_related(
        "parent", "prepared_by", "delivered_by"
    )


def elections_visible_to(*, user: User) -> QuerySet[Election]:
    return Election.objects.filter(parent__in=persons_visible_to(user=user)).select_related(
        "parent", "notice", "recorded_by", "acknowledged_by", "withdrawn_by"
    )


def notice_for(*, user: User, notice_id: UUID) -> Notice | None:
    return notices_visible_to(user=user).filter(pk=notice_id).first()


def election_for(*, user: User, election_id: UUID) -> Election | None:
    return elections_visible_to(user=user).filter(pk=election_id).first()


def notice_by_short_code(*, user: User, short_code: str) -> Notice | None:
    """The notice printed with `short_code`, in its stored form (`short_code_from`)."""
    return notices_visible_to(user=user).filter(short_code=short_code).first()

"""Removal plans and override requests the asking user may see: those of parents visible
to them (`families.selectors`), so none is reachable around its parent."""

from uuid import UUID

from django.db.models import QuerySet

from reunify.accounts.models import User
from reunify.families.selectors import persons_visible_to
from reunify.removals.models import GateOverride, RemovalPlan


def removal_plans_visible_to(*, user: User) -> QuerySet[RemovalPlan]:
    return RemovalPlan.objects.filter(parent__in=persons_visible_to(user=user)).select_related(
        "parent", "proposed_by", "scheduled_by", "executed_by", "cancelled_by"
    )


def overrides_visible_to(*, user: User) -> QuerySet[GateOverride]:
    return GateOverride.objects.filter(
        plan__parent__in=persons_visible_to(user=user)
    ).select_related("plan__parent", "requested_by", "decided_by")


def removal_plan_for(*, user: User, plan_id: UUID) -> RemovalPlan | None:
    return removal_plans_visible_to(user=user).filter(pk=plan_id).first()


def override_for(*, user: User, override_id: UUID) -> GateOverride | None:
    return overrides_visible_to(user=user).filter(pk=override_id).first()

"""Services: the only code that plans, schedules and executes removals."""

from reunify.removals.services.gated import removal_execute, removal_schedule
from reunify.removals.services.overrides import override_decide, override_request
from reunify.removals.services.plans import (
    removal_plan_cancel,
    removal_plan_itinerary_set,
    removal_plan_propose,
)

__all__ = [
    "override_decide",
    "override_request",
    "removal_execute",
    "removal_plan_cancel",
    "removal_plan_itinerary_set",
    "removal_plan_propose",
    "removal_schedule",
]

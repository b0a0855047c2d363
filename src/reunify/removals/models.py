"""A parent's removal plan, the children on its itinerary, and supervisors' overrides.

A plan is proposed, then scheduled, then executed; scheduling and execution each pass
through the removal gate, and the gate's answer at that moment is kept on the plan so
oversight can read what the gate said, not only that it was passed.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from reunify.families.models import Person, Record
from reunify.vocabulary import OverrideStatus as OverrideStatusCode
from reunify.vocabulary import RemovalStatus as RemovalStatusCode


class RemovalStatus(models.TextChoices):
    PROPOSED = RemovalStatusCode.PROPOSED, "Proposed"
    SCHEDULED = RemovalStatusCode.SCHEDULED, "Scheduled"
    EXECUTED = RemovalStatusCode.EXECUTED, "Executed"
    CANCELLED = RemovalStatusCode.CANCELLED, "Cancelled"


OPEN_STATUSES = (RemovalStatus.PROPOSED, RemovalStatus.SCHEDULED)


class OverrideStatus(models.TextChoices):
    REQUESTED = OverrideStatusCode.REQUESTED, "Awaiting a supervisor"
    GRANTED = OverrideStatusCode.GRANTED, "Granted"
    REFUSED = OverrideStatusCode.REFUSED, "Refused"


class RemovalPlan(Record):
    parent = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="removal_plans")
    children = models.ManyToManyField(
        Person, blank=True, related_name="removal_plans_as_child", help_text="On the itinerary."
    )
    status = models.CharField(
        max_length=10, choices=RemovalStatus.choices, default=RemovalStatus.PROPOSED
    )
    departs_at = models.DateTimeField()
    destination_country = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2.")
    itinerary = models.CharField(max_length=200, help_text="Carrier, flight or route.")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    scheduled_at = models.DateTimeField(null=True, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    scheduled_gate = models.JSONField(null=True, blank=True)
    executed_at = models.DateTimeField(null=True, blank=True)
    executed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    executed_gate = models.JSONField(null=True, blank=True)
    passed_by_override = models.BooleanField(
        default=False, help_text="Scheduled or executed only because of an override: forever."
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cancel_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["departs_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent"],
                condition=Q(status__in=["PROPOSED", "SCHEDULED"]),
                name="removal_one_open_plan_per_parent",
            ),
            models.CheckConstraint(
                condition=~Q(status="EXECUTED")
                | Q(executed_at__isnull=False, executed_by__isnull=False),
                name="removal_executed_has_who_and_when",
            ),
        ]

    def __str__(self) -> str:
        return f"Removal of {self.parent} on {self.departs_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class GateOverride(Record):
    """A request to let one removal pass a failing gate, and a supervisor's decision.

    A grant covers the children blocked when it was granted, by name; a child who comes
    to be at stake afterwards is not covered and blocks again.
    """

    plan = models.ForeignKey(RemovalPlan, on_delete=models.PROTECT, related_name="overrides")
    status = models.CharField(
        max_length=10, choices=OverrideStatus.choices, default=OverrideStatus.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    request_reason = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    justification = models.TextField(blank=True)
    covered_children = models.ManyToManyField(Person, blank=True, related_name="+")
    blocks_overridden = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="GRANTED") | ~Q(justification=""),
                name="override_granted_has_a_justification",
            ),
            models.CheckConstraint(
                condition=Q(status="REQUESTED")
                | Q(decided_by__isnull=False, decided_at__isnull=False),
                name="override_decision_has_who_and_when",
            ),
        ]

    def __str__(self) -> str:
        return f"Override {self.get_status_display().lower()} for {self.plan}"

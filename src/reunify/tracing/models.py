"""Tracing records: the case for one separated child and the parent sought, what was
tried to reach that parent, the contact kept between them, and the reunification.

A reunification itself is the families app's `Reunion`; tracing adds what it lacks: the
plan, the parole application's milestones, the services the family is referred to.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from reunify.families.choices import CustodyKind, ReunionMethod, ReunionSetting
from reunify.families.models import FamilyUnit, Person, Record, Reunion, Separation
from reunify.tracing.choices import (
    Channel,
    ContactKind,
    DetailKind,
    Outcome,
    ParoleMilestone,
    ServiceKind,
    TracingStateChoices,
)
from reunify.tracing.transitions import CLOSED

CLOSED_VALUES = sorted(state.value for state in CLOSED)


class TracingCase(Record):
    """The search for `parent` on behalf of `child`, until they are together again or
    the parent's valid decision closes it."""

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="tracing_as_child")
    parent = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="tracing_as_parent")
    family_unit = models.ForeignKey(
        FamilyUnit, on_delete=models.PROTECT, related_name="tracing_cases"
    )
    separation = models.ForeignKey(
        Separation, null=True, blank=True, on_delete=models.PROTECT, related_name="tracing_cases"
    )
    state = models.CharField(
        max_length=24, choices=TracingStateChoices.choices, default=TracingStateChoices.NOT_STARTED
    )
    no_contact_info = models.BooleanField(
        default=False, help_text="Nothing is left to try: every known detail has failed."
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assigned_organisation = models.CharField(
        max_length=200, blank=True, help_text="A partner organisation that can reach the parent."
    )
    next_action = models.CharField(max_length=300, blank=True)
    next_action_due = models.DateField(null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    search_started_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    reunion = models.ForeignKey(
        Reunion, null=True, blank=True, on_delete=models.PROTECT, related_name="tracing_cases"
    )
    declining_election = models.ForeignKey(
        "elections.Election", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Copies of facts other tables hold, so the work queue and the dashboard read this
    # table alone (issue 6's speed target). Written only by `services/case_facts.py`: the
    # child's citizenship and the apprehension's sector and quarter when the case opens
    # (they do not change after), the parent's custody on every custody move.
    child_citizenship = models.CharField(max_length=2, blank=True, editable=False)
    apprehension_sector = models.CharField(max_length=100, blank=True, editable=False)
    apprehension_quarter = models.CharField(
        max_length=7, blank=True, editable=False, help_text="2018-Q2, in the local time zone."
    )
    parent_custody = models.CharField(
        max_length=24,
        choices=CustodyKind.choices,
        blank=True,
        editable=False,
        help_text="The kind of the parent's open custody; blank when none is on record.",
    )
    parent_country = models.CharField(
        max_length=2, blank=True, editable=False, help_text="Where the parent was removed to."
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "parent"],
                condition=Q(closed_at__isnull=True),
                name="tracing_one_open_case_per_child_and_parent",
            ),
            models.UniqueConstraint(
                fields=["separation"],
                condition=Q(separation__isnull=False),
                name="tracing_one_case_per_separation",
            ),
            models.CheckConstraint(
                condition=~Q(child=F("parent")), name="tracing_parent_is_not_the_child"
            ),
            models.CheckConstraint(
                condition=Q(state__in=CLOSED_VALUES, closed_at__isnull=False)
                | (~Q(state__in=CLOSED_VALUES) & Q(closed_at__isnull=True)),
                name="tracing_closed_exactly_when_state_is_final",
            ),
            models.CheckConstraint(
                condition=~Q(state="DECLINED") | Q(declining_election__isnull=False),
                name="tracing_declined_names_the_decision",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "next_action_due"], name="tracing_queue"),
            # The work queue's order over open cases, so a page is read in index order
            # (plain columns: SQLite refuses NULLS FIRST/LAST in an index; PostgreSQL
            # sorts the never-attempted first within each due date incrementally).
            models.Index(
                fields=["next_action_due", "last_attempt_at", "created_at", "id"],
                condition=Q(closed_at__isnull=True),
                name="tracing_open_queue_order",
            ),
            models.Index(fields=["last_attempt_at"], name="tracing_last_attempt"),
        ]

    def __str__(self) -> str:
        return f"Tracing {self.parent} for {self.child}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class ContactDetail(Record):
    """A way to reach a person: a telephone number (E.164), an address or village, other.

    Kept on the person, not the case, so a number that failed for one child's case is
    marked dead on every case that seeks the same parent."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="contact_details")
    kind = models.CharField(max_length=8, choices=DetailKind.choices)
    value = models.CharField(max_length=300, help_text="Telephone numbers in E.164 (+502…).")
    as_written = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=200, blank=True, help_text="Who gave this detail.")
    dead = models.BooleanField(default=False)
    dead_at = models.DateTimeField(null=True, blank=True)
    dead_reason = models.CharField(max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["dead", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "value"], name="contact_detail_once_per_person"
            ),
            models.CheckConstraint(
                condition=Q(dead=False) | Q(dead_at__isnull=False),
                name="contact_detail_dead_is_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value}{' (dead)' if self.dead else ''}"


class ContactAttempt(Record):
    """One try to reach the parent sought: how, by whom, when, with what result."""

    case = models.ForeignKey(TracingCase, on_delete=models.PROTECT, related_name="attempts")
    channel = models.CharField(max_length=16, choices=Channel.choices)
    attempted_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_by = models.CharField(
        max_length=200, blank=True, help_text="Who made it, if not the recorder (a partner)."
    )
    partner_organisation = models.CharField(max_length=200, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    detail = models.ForeignKey(
        ContactDetail, null=True, blank=True, on_delete=models.PROTECT, related_name="attempts"
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-attempted_at"]
        indexes = [models.Index(fields=["case", "attempted_at"], name="attempt_case_time")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} on {self.attempted_at:%Y-%m-%d}"


class ParentChildContact(Record):
    """A call or visit between the separated parent and child (court-ordered contact)."""

    case = models.ForeignKey(TracingCase, on_delete=models.PROTECT, related_name="contacts")
    kind = models.CharField(max_length=12, choices=ContactKind.choices)
    happened_at = models.DateTimeField()
    minutes = models.PositiveIntegerField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-happened_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.happened_at:%Y-%m-%d}"


class ReunificationPlan(Record):
    """How and where a traced family is to be brought together, until it is."""

    case = models.OneToOneField(
        TracingCase, on_delete=models.PROTECT, related_name="reunification_plan"
    )
    setting = models.CharField(max_length=12, choices=ReunionSetting.choices)
    method = models.CharField(max_length=32, choices=ReunionMethod.choices)
    place = models.CharField(max_length=200, blank=True)
    planned_for = models.DateField(null=True, blank=True)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Reunification plan for {self.case}"


class ParoleStep(Record):
    """A milestone of a removed parent's parole application, with its date."""

    plan = models.ForeignKey(
        ReunificationPlan, on_delete=models.PROTECT, related_name="parole_steps"
    )
    milestone = models.CharField(max_length=24, choices=ParoleMilestone.choices)
    reached_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["reached_on", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "milestone"], name="parole_milestone_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_milestone_display()} on {self.reached_on}"


class ServiceReferral(Record):
    """A service the reunified family is referred to."""

    plan = models.ForeignKey(ReunificationPlan, on_delete=models.PROTECT, related_name="referrals")
    service = models.CharField(max_length=20, choices=ServiceKind.choices)
    provider = models.CharField(max_length=200)
    referred_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["referred_on", "service"]

    def __str__(self) -> str:
        return f"{self.get_service_display()} with {self.provider}"

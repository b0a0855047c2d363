"""The notice of options a separated parent receives, and the elections they make.

Nothing here is overwritten: a parent who changes their mind makes a new election; an
acknowledgment or a withdrawal is recorded once, beside the election it concerns, and
the history log keeps who did each and when.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from reunify.elections.choices import (
    CounselChoice,
    ElectionForm,
    ElectionOption,
    ElectionOrigin,
    NoticeDelivery,
    SignatureKind,
)
from reunify.families.models import Person, Record


class Notice(Record):
    """A written notice of options prepared for one parent, naming each separated child.

    The short code printed on the paper (and in its QR code) ties the sheet back to this
    row. Delivery is recorded when the notice is given: by whom, when, how, and the
    interpreter if the parent's language has no written notice.
    """

    parent = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="notices")
    children = models.ManyToManyField(Person, related_name="notices_naming")
    short_code = models.CharField(max_length=9, unique=True, editable=False)
    form_version = models.CharField(max_length=40)
    language = models.CharField(max_length=3, help_text="ISO 639-3 of the written notice.")
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    delivered_at = models.DateTimeField(null=True, blank=True)
    delivered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    delivery_method = models.CharField(max_length=20, choices=NoticeDelivery.choices, blank=True)
    interpreter_name = models.CharField(max_length=200, blank=True)
    interpreter_language = models.CharField(max_length=3, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(delivered_at__isnull=True, delivered_by__isnull=True)
                | Q(delivered_at__isnull=False, delivered_by__isnull=False),
                name="notice_delivery_has_who_and_when",
            ),
            models.CheckConstraint(
                condition=Q(interpreter_name="") | ~Q(interpreter_language=""),
                name="notice_interpreter_has_a_language",
            ),
        ]

    def __str__(self) -> str:
        return f"Notice {self.short_code} to {self.parent}"

    @property
    def is_delivered(self) -> bool:
        return self.delivered_at is not None


class Election(Record):
    """A parent's decision about their separated children, as it was made and documented.

    The facts the validity rules read are columns here; `elections.facts` turns a row into
    `ElectionFacts`. Imported historical elections may lack a notice, a recorder account or
    a file; the rules then say what is missing.
    """

    parent = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="elections")
    notice = models.ForeignKey(
        Notice, null=True, blank=True, on_delete=models.PROTECT, related_name="elections"
    )
    children = models.ManyToManyField(Person, related_name="elections_covering")
    option = models.CharField(max_length=24, choices=ElectionOption.choices)
    form = models.CharField(max_length=10, choices=ElectionForm.choices)
    made_at = models.DateTimeField()
    more_time_until = models.DateField(
        null=True, blank=True, help_text="For MORE_TIME: until when the parent asked for."
    )
    signature = models.CharField(max_length=24, choices=SignatureKind.choices, blank=True)
    signed_on = models.DateField(null=True, blank=True)
    witness_name = models.CharField(max_length=200, blank=True)
    second_witness_name = models.CharField(max_length=200, blank=True)
    notice_language = models.CharField(max_length=3, blank=True)
    interpreter_name = models.CharField(max_length=200, blank=True)
    interpreter_language = models.CharField(max_length=3, blank=True)
    counsel_advised = models.BooleanField(
        default=False, help_text="The parent was told they may consult a lawyer first."
    )
    counsel = models.CharField(
        max_length=20, choices=CounselChoice.choices, default=CounselChoice.NOT_RECORDED
    )
    counsel_name = models.CharField(max_length=200, blank=True)
    waiver_explicit = models.BooleanField(
        default=False,
        help_text="For CHILDREN_REMAIN: the parent's knowing, voluntary waiver is stated.",
    )
    signed_form = models.FileField(upload_to="elections/%Y/%m/", blank=True)
    signed_form_sha256 = models.CharField(max_length=64, blank=True)
    signed_form_type = models.CharField(max_length=40, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Historical elections name a recorder who has no account here.
    recorder_name = models.CharField(max_length=200, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    # Historical acknowledgments name a supervisor who has no account here.
    acknowledger_name = models.CharField(max_length=200, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawal_note = models.TextField(blank=True)
    origin = models.CharField(
        max_length=10, choices=ElectionOrigin.choices, default=ElectionOrigin.RECORDED
    )
    # For an imported election, the extract row it came from ("ice:<record_id>"): one
    # election per row, however often the extract is imported.
    source_record = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["made_at", "created_at"]
        indexes = [models.Index(fields=["parent", "made_at"], name="election_parent_made_at")]
        constraints = [
            models.CheckConstraint(
                condition=Q(option__in=ElectionOption.values), name="election_option_known"
            ),
            models.CheckConstraint(
                condition=~Q(option=ElectionOption.MORE_TIME) | Q(more_time_until__isnull=False),
                name="election_more_time_has_a_deadline",
            ),
            models.CheckConstraint(
                condition=~Q(counsel=CounselChoice.CONSULTED) | ~Q(counsel_name=""),
                name="election_counsel_consulted_is_named",
            ),
            models.CheckConstraint(
                condition=Q(acknowledged_by__isnull=True)
                | Q(recorded_by__isnull=True)
                | ~Q(acknowledged_by=F("recorded_by")),
                name="election_acknowledged_by_another_user",
            ),
            models.CheckConstraint(
                condition=Q(acknowledged_by__isnull=True, acknowledger_name="")
                | Q(acknowledged_at__isnull=False),
                name="election_acknowledgment_has_when",
            ),
            models.CheckConstraint(
                condition=Q(acknowledged_at__isnull=True)
                | Q(acknowledged_by__isnull=False)
                | ~Q(acknowledger_name=""),
                name="election_acknowledgment_has_who",
            ),
            models.CheckConstraint(
                condition=Q(recorded_by__isnull=False) | ~Q(recorder_name=""),
                name="election_has_a_recorder",
            ),
            models.CheckConstraint(
                condition=Q(origin=ElectionOrigin.RECORDED, source_record="")
                | (Q(origin=ElectionOrigin.EXTRACT) & ~Q(source_record="")),
                name="election_extract_names_its_row",
            ),
            models.UniqueConstraint(
                fields=["source_record"],
                condition=~Q(source_record=""),
                name="election_one_per_extract_row",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_option_display()} by {self.parent} on {self.made_at:%Y-%m-%d}"

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def witnesses(self) -> int:
        return sum(1 for name in (self.witness_name, self.second_witness_name) if name.strip())

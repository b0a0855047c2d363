"""The removals report as built and kept for the page: one row per counted parent, one per
data-quality finding, and the build they belong to, stamped with the audit chain's place.

Every web worker reads the same kept report, so a visitor who arrives at a worker that
has never built one is answered from these tables by a few aggregate queries instead of
waiting for the report to be built. The stamp (`through_sequence`: the last history entry
the build's snapshot saw) lets the page tell whether the records have changed since and
say so (`report_store.changes_since`). Written only by `report_store.removals_report_store`.
"""

import uuid

from django.db import models


class StoredRemovalsReport(models.Model):
    """One build of the removals report over every removal (no filters: the page filters
    the kept rows), as the records stood now (`as_of` None) or at the end of `as_of`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    as_of = models.DateField(null=True, blank=True)
    through_sequence = models.BigIntegerField(
        help_text="The newest history entry the build's snapshot of the records held."
    )
    read_at = models.DateTimeField(help_text="When the build read the records.")
    built_at = models.DateTimeField()
    seconds = models.FloatField(help_text="How long reading and judging took.")
    parents = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["as_of", "-through_sequence"], name="oversight_build_latest")
        ]

    def __str__(self) -> str:
        day = self.as_of.isoformat() if self.as_of else "now"
        return f"removals report ({day}) through #{self.through_sequence}"


class StoredCountedParent(models.Model):
    """One counted parent of a build: what the page filters on, counts and lists."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(StoredRemovalsReport, on_delete=models.CASCADE)
    # Not a foreign key: a linkage refresh may delete a person from extracts while an older
    # build still names them; the page shows only people who exist.
    person_id = models.UUIDField()
    removed_at = models.DateTimeField()
    removal_day = models.DateField(help_text="The counted removal's day (UTC).")
    removal_month = models.CharField(max_length=7)
    country = models.CharField(max_length=2)
    facility = models.CharField(max_length=200, blank=True)
    facility_folded = models.CharField(
        max_length=200, blank=True, help_text="`facility` casefolded, as the filter compares."
    )
    nationality = models.CharField(max_length=2, blank=True)
    removal_class = models.CharField(max_length=40)
    deficiencies = models.CharField(
        max_length=400, blank=True, help_text='Codes between bars: "|UNSIGNED|VERBAL_ONLY|".'
    )
    acknowledgment_unknown = models.BooleanField()
    passed_by_override = models.BooleanField()
    election_option = models.CharField(max_length=40, blank=True)
    election_made_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["report", "person_id"], name="oversight_parent_person")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.removal_class}"

    @property
    def deficiency_codes(self) -> list[str]:
        return [code for code in self.deficiencies.split("|") if code]


class StoredFinding(models.Model):
    """One data-quality finding of a build (`data_quality.Finding`), in the build's order."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(StoredRemovalsReport, on_delete=models.CASCADE)
    kind = models.CharField(max_length=60)
    position = models.PositiveIntegerField()
    person_id = models.UUIDField()
    detail = models.TextField()

    class Meta:
        indexes = [models.Index(fields=["report", "kind", "position"], name="oversight_finding")]

    def __str__(self) -> str:
        return f"{self.kind} {self.person_id}"

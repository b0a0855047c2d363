"""Imported extract rows, as read and as standardised, and the batches that brought them.

Each accepted row is staged once, keyed by its source and `record_id`; linkage reads the
staged rows, never the files. A row that cannot be used is kept whole in
`QuarantinedRow` with its reasons, so after an import rows read = accepted + quarantined.
"""

import uuid

from django.conf import settings
from django.db import models

from reunify.imports.sources import Source


class ImportBatch(models.Model):
    """One extract file imported: which, by whom, when, and what became of its rows.

    A file is imported once per source (its SHA-256 is unique): importing it again reports
    the first import's counts, and an import killed half-way resumes in the same batch.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    source = models.CharField(max_length=3, choices=Source.choices)
    file_name = models.CharField(max_length=255, help_text="As given, without its folder.")
    file_sha256 = models.CharField(max_length=64)
    file_bytes = models.BigIntegerField()
    date_order = models.CharField(
        max_length=12, blank=True, help_text="The order of the file's slashed dates, if found."
    )
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    importer_label = models.CharField(max_length=200)
    rows_read = models.PositiveIntegerField(default=0)
    rows_accepted = models.PositiveIntegerField(default=0)
    rows_new = models.PositiveIntegerField(
        default=0, help_text="Accepted rows this file staged for the first time."
    )
    rows_quarantined = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "file_sha256"], name="import_once_per_source_and_file"
            ),
            models.CheckConstraint(
                condition=models.Q(finished_at__isnull=True)
                | models.Q(rows_read=models.F("rows_accepted") + models.F("rows_quarantined")),
                name="import_counts_reconcile",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.file_name} ({self.started_at:%Y-%m-%d %H:%M})"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class ExtractRecord(models.Model):
    """What every staged row holds: where it came from, its raw values, and the person
    fields standardised the same way for every source."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="+")
    row_number = models.PositiveIntegerField(help_text="Data row, counting from 1.")
    record_id = models.CharField(max_length=64)
    content_sha256 = models.CharField(
        max_length=64, help_text="Of the row's known columns, to tell a repeat from a change."
    )
    raw = models.JSONField(help_text="Every column of the row as read, unknown ones too.")
    notes = models.JSONField(
        default=list, help_text="Optional values that could not be read, and ambiguous dates."
    )

    given_names = models.CharField(max_length=200)
    first_surname = models.CharField(max_length=100, blank=True)
    second_surname = models.CharField(max_length=100, blank=True)
    # Folded (lower case, no accents): what linkage compares.
    given_names_key = models.CharField(max_length=200)
    first_surname_key = models.CharField(max_length=100, blank=True)
    second_surname_key = models.CharField(max_length=100, blank=True)
    birth_date = models.DateField(null=True, blank=True)
    birth_date_ambiguous = models.BooleanField(
        default=False, help_text="Both day-first and month-first readings are real dates."
    )
    sex = models.CharField(max_length=1, blank=True)
    citizenship = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2.")
    a_number = models.CharField(max_length=9, blank=True)
    languages = models.CharField(
        max_length=100, blank=True, help_text="ISO 639-3 codes, space-separated."
    )

    class Meta:
        abstract = True
        # Staged rows are looked up by record_id only; linkage and the family-records
        # refresh read whole tables. Every other index was paid for on each of a national
        # extract's million rows and never read (an operator's ad-hoc query can add one).
        constraints = [
            models.UniqueConstraint(fields=["record_id"], name="%(class)s_record_id_once")
        ]

    def __str__(self) -> str:
        return f"{self.record_id}: {self.given_names} {self.first_surname}".strip()


class CbpRecord(ExtractRecord):
    """A person at a border apprehension (`cbp` extract)."""

    event_id = models.CharField(max_length=64)
    family_group = models.CharField(max_length=64, blank=True)
    apprehended_on = models.DateField()
    station = models.CharField(max_length=200, blank=True)
    relationship = models.CharField(max_length=20, blank=True, help_text="A Kinship code.")
    separated = models.BooleanField(null=True)
    separation_reason = models.CharField(max_length=500, blank=True)


class IceRecord(ExtractRecord):
    """A person in detention or removed (`ice` extract), with any historical election."""

    subject_id = models.CharField(max_length=64, blank=True)
    book_in_on = models.DateField(null=True, blank=True)
    facility = models.CharField(max_length=200, blank=True)
    removed_on = models.DateField(null=True, blank=True)
    removal_country = models.CharField(max_length=2, blank=True)
    election = models.CharField(max_length=24, blank=True)
    election_form = models.CharField(max_length=12, blank=True)
    election_on = models.DateField(null=True, blank=True)
    notice_language = models.CharField(max_length=3, blank=True)
    interpreter_language = models.CharField(max_length=3, blank=True)
    counsel_advised = models.BooleanField(null=True)


class OrrRecord(ExtractRecord):
    """A child referred to a shelter (`orr` extract), with the parent the child reported."""

    child_id = models.CharField(max_length=64, blank=True)
    referred_on = models.DateField(null=True, blank=True)
    referring_station = models.CharField(max_length=200, blank=True)
    shelter = models.CharField(max_length=200, blank=True)
    reported_parent_relationship = models.CharField(max_length=20, blank=True)
    reported_parent_given_names_key = models.CharField(max_length=200, blank=True)
    reported_parent_first_surname_key = models.CharField(max_length=100, blank=True)
    reported_parent_second_surname_key = models.CharField(max_length=100, blank=True)
    parent_phone = models.CharField(max_length=20, blank=True, help_text="Digits only.")
    parent_a_number = models.CharField(max_length=9, blank=True)
    discharged_on = models.DateField(null=True, blank=True)
    discharge_type = models.CharField(max_length=24, blank=True)


class QuarantinedRow(models.Model):
    """A row that could not be used, kept whole with every reason, for a person to read."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="quarantined")
    row_number = models.PositiveIntegerField()
    record_id = models.CharField(max_length=200, blank=True)
    raw = models.JSONField()
    reasons = models.JSONField(help_text='[{"column": ..., "message": ...}, ...]')

    class Meta:
        ordering = ["batch", "row_number"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "row_number"], name="quarantine_a_row_once")
        ]

    def __str__(self) -> str:
        return f"row {self.row_number} of {self.batch}"


# Each source's staged record, for the importer that writes them and the linkage and
# exports that read them.
RECORD_MODELS: dict[str, type[CbpRecord | IceRecord | OrrRecord]] = {
    Source.CBP: CbpRecord,
    Source.ICE: IceRecord,
    Source.ORR: OrrRecord,
}

import uuid

from django.conf import settings
from django.db import models


class HistoryEntry(models.Model):
    """One change to Reunify's records: who, when, what, to which records, before and after.

    Written only through `reunify.audit.append` (by `record_change`), inside the
    transaction of the change it describes. Entries form a hash chain (`reunify.audit.chain`
    defines the canonical content and the hash); the database refuses to update or delete
    them (migration 0002).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    actor_label = models.CharField(
        max_length=200, help_text="Who acted, kept as text so it survives a renamed user."
    )
    action = models.CharField(max_length=80, db_index=True)
    subject_type = models.CharField(max_length=80)
    subject_id = models.UUIDField(db_index=True)
    family_unit_id = models.UUIDField(null=True, blank=True, db_index=True)
    person_ids = models.JSONField(default=list)
    changes = models.JSONField(default=dict)
    sequence = models.BigIntegerField(
        unique=True, editable=False, help_text="Place in the chain: 1, 2, 3 … with no gaps."
    )
    previous_hash = models.CharField(max_length=64, editable=False)
    entry_hash = models.CharField(
        max_length=64, editable=False, help_text="SHA-256 of the canonical content, hex."
    )

    class Meta:
        ordering = ["sequence"]
        verbose_name_plural = "history entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"


HEAD_ID = 1


class ChainHead(models.Model):
    """The newest entry's sequence and hash: one row, locked by every append so that two
    transactions never fork the chain. The database lets it only move forward."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=HEAD_ID)
    sequence = models.BigIntegerField()
    entry_hash = models.CharField(max_length=64)
    # The head entry's own previous_hash: an UPDATE … RETURNING gives only new values, so
    # the one-statement append on PostgreSQL keeps the old hash here to hand it back.
    previous_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=HEAD_ID), name="audit_chain_has_one_head")
        ]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.entry_hash}"


class Checkpoint(models.Model):
    """The chain head at a moment, kept here and shipped off the database by `reunify audit
    checkpoint`, so that rewinding the log is caught against a copy no DBA can reach."""

    sequence = models.BigIntegerField(db_index=True)
    entry_hash = models.CharField(max_length=64)
    made_at = models.DateTimeField()

    class Meta:
        ordering = ["sequence", "made_at"]

    def __str__(self) -> str:
        return f"checkpoint #{self.sequence} {self.entry_hash} at {self.made_at:%Y-%m-%d %H:%M}"

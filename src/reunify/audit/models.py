import uuid

from django.conf import settings
from django.db import models


class HistoryEntry(models.Model):
    """One change to Reunify's records: who, when, what, to which records, before and after.

    Written only by `reunify.audit.history.record_change`, inside the transaction of the
    change it describes. The access-control issue turns these rows into a hash chain.
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

    class Meta:
        ordering = ["at", "id"]
        verbose_name_plural = "history entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

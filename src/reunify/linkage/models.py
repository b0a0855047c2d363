"""What record linkage decided: each run, and the person each staged record belongs to.

A person id is stable across runs (`person_ids.stable_person_ids`), so the persons
export, reviews and family links do not churn when linkage runs again.
"""

import uuid

from django.conf import settings
from django.db import models


class LinkageRun(models.Model):
    """One run of `reunify link`: its engine, threshold, what it found, how long it took,
    and the m and u values it learnt (to be inspected, not trusted)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    engine = models.CharField(max_length=12)
    threshold = models.FloatField()
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    starter_label = models.CharField(max_length=200)
    records = models.PositiveIntegerField(default=0)
    persons = models.PositiveIntegerField(default=0)
    family_links = models.PositiveIntegerField(default=0, help_text="Accepted ones.")
    family_links_for_review = models.PositiveIntegerField(default=0)
    seconds = models.JSONField(default=dict, help_text="Wall time per stage.")
    parameters = models.JSONField(default=list, help_text="Learnt m and u per level.")

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"linkage {self.started_at:%Y-%m-%d %H:%M} ({self.engine})"


class LinkedRecord(models.Model):
    """A staged record and the person linkage says it is, as of the latest run."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    source = models.CharField(max_length=3)
    record_id = models.CharField(max_length=64)
    person_id = models.UUIDField(db_index=True)
    run = models.ForeignKey(LinkageRun, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["source", "record_id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "record_id"], name="link_a_record_once")
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.record_id} -> {self.person_id}"


class ReviewStatus(models.TextChoices):
    OPEN = "OPEN", "Waiting for a person"
    SAME = "SAME", "Same person"
    DIFFERENT = "DIFFERENT", "Different people"
    DEFERRED = "DEFERRED", "Deferred"


DECIDED = (ReviewStatus.SAME, ReviewStatus.DIFFERENT)


class ReviewItem(models.Model):
    """A pair of records linkage was unsure of, for a person to decide.

    A decision is kept for good: linkage never proposes a decided pair again, and every
    later run applies it (`decisions.apply_decisions`): "same" joins the two records'
    persons, "different" keeps them apart. The pair is stored in sorted order.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    left_record = models.CharField(max_length=70, help_text='"cbp:<record_id>"')
    right_record = models.CharField(max_length=70)
    match_probability = models.FloatField()
    match_weight = models.FloatField()
    run = models.ForeignKey(LinkageRun, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-match_probability"]
        constraints = [
            models.UniqueConstraint(
                fields=["left_record", "right_record"], name="review_a_pair_once"
            ),
            models.CheckConstraint(
                condition=models.Q(left_record__lt=models.F("right_record")),
                name="review_pair_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.left_record} ~ {self.right_record} ({self.get_status_display()})"

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED


class FamilyLinkStatus(models.TextChoices):
    ACCEPTED = "ACCEPTED", "Accepted"
    REVIEW = "REVIEW", "For review"


class FamilyLink(models.Model):
    """A parent-child link family reconstruction found between two linked persons, with
    its confidence and the evidence behind it, as of the latest run. Below the accepting
    confidence a link is only a proposal for review, never part of the record."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    parent_person_id = models.UUIDField(db_index=True)
    child_person_id = models.UUIDField(db_index=True)
    confidence = models.FloatField()
    status = models.CharField(max_length=10, choices=FamilyLinkStatus.choices)
    evidence = models.JSONField(help_text='Codes such as "relationship_word:MOTHER/CHILD".')
    run = models.ForeignKey(LinkageRun, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["child_person_id", "-confidence"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent_person_id", "child_person_id"], name="link_a_parent_and_child_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.parent_person_id} parent of {self.child_person_id} ({self.confidence:.2f})"


class FamilyLinkVerdict(models.TextChoices):
    ACCEPTED = "ACCEPTED", "Parent and child"
    REJECTED = "REJECTED", "Not parent and child"


class FamilyLinkDecision(models.Model):
    """A person's decision on a proposed parent-child link, kept for good: every later
    linkage run accepts or drops that link whatever its new confidence, and a rejected
    link is never proposed again."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    parent_person_id = models.UUIDField()
    child_person_id = models.UUIDField()
    verdict = models.CharField(max_length=10, choices=FamilyLinkVerdict.choices)
    confidence_then = models.FloatField(help_text="The model's confidence when decided.")
    evidence_then = models.JSONField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decided_at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-decided_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent_person_id", "child_person_id"], name="decide_a_family_link_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.parent_person_id} / {self.child_person_id}: {self.get_verdict_display()}"

"""Django choices for elections and notices, labelled for people."""

from django.db import models

from reunify import vocabulary as v


class ElectionOption(models.TextChoices):
    DEPART_WITH_CHILDREN = v.ElectionOption.DEPART_WITH_CHILDREN, "Depart with the children"
    CHILDREN_REMAIN = v.ElectionOption.CHILDREN_REMAIN, "Depart; the children remain"
    MORE_TIME = v.ElectionOption.MORE_TIME, "More time to consult counsel"


class ElectionForm(models.TextChoices):
    SIGNED = v.ElectionForm.SIGNED, "Written and signed"
    UNSIGNED = v.ElectionForm.UNSIGNED, "Written, not signed"
    VERBAL = v.ElectionForm.VERBAL, "Spoken only"


class SignatureKind(models.TextChoices):
    SIGNATURE = v.SignatureKind.SIGNATURE, "The parent's signature"
    MARK_BEFORE_WITNESSES = v.SignatureKind.MARK_BEFORE_WITNESSES, "A mark before two witnesses"


class CounselChoice(models.TextChoices):
    CONSULTED = v.CounselChoice.CONSULTED, "Consulted counsel"
    DECLINED_IN_WRITING = v.CounselChoice.DECLINED_IN_WRITING, "Declined counsel in writing"
    NOT_RECORDED = v.CounselChoice.NOT_RECORDED, "Not recorded"
    UNKNOWN = v.CounselChoice.UNKNOWN, "Not in the historical record"


# What an officer may record today; UNKNOWN belongs to imported history only.
LIVE_COUNSEL_CHOICES = [
    (value, label) for value, label in CounselChoice.choices if value != CounselChoice.UNKNOWN
]


class ElectionOrigin(models.TextChoices):
    RECORDED = v.ElectionOrigin.RECORDED, "Recorded in Reunify"
    EXTRACT = v.ElectionOrigin.EXTRACT, "Imported from a historical extract"


class NoticeDelivery(models.TextChoices):
    HANDED_OVER = "HANDED_OVER", "Handed over in person"
    READ_ALOUD = "READ_ALOUD", "Read aloud to the parent"

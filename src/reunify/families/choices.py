"""Django choices for the shared vocabulary in `reunify.vocabulary`, with labels for people."""

from django.db import models

from reunify import vocabulary as v


class MemberRole(models.TextChoices):
    PARENT = v.MemberRole.PARENT, "Parent"
    LEGAL_GUARDIAN = v.MemberRole.LEGAL_GUARDIAN, "Legal guardian"
    CHILD = v.MemberRole.CHILD, "Child"
    OTHER_RELATIVE = v.MemberRole.OTHER_RELATIVE, "Other relative"


PARENTAL_ROLES = frozenset({MemberRole.PARENT, MemberRole.LEGAL_GUARDIAN})


class RelationshipEvidence(models.TextChoices):
    BIRTH_CERTIFICATE = v.RelationshipEvidence.BIRTH_CERTIFICATE, "Birth certificate"
    DNA_TEST = v.RelationshipEvidence.DNA_TEST, "DNA test"
    SWORN_ATTESTATION = v.RelationshipEvidence.SWORN_ATTESTATION, "Sworn attestation"
    OFFICER_OBSERVATION = v.RelationshipEvidence.OFFICER_OBSERVATION, "Officer observation"
    RECORD_LINKAGE = v.RelationshipEvidence.RECORD_LINKAGE, "Record linkage"
    AGENCY_RECORD = v.RelationshipEvidence.AGENCY_RECORD, "Agency record"


class CustodyKind(models.TextChoices):
    BORDER_STATION = v.CustodyKind.BORDER_STATION, "Border station"
    DETENTION_FACILITY = v.CustodyKind.DETENTION_FACILITY, "Detention facility"
    SHELTER = v.CustodyKind.SHELTER, "Child shelter"
    SPONSOR = v.CustodyKind.SPONSOR, "With a sponsor"
    RELEASED = v.CustodyKind.RELEASED, "Released"
    REMOVED = v.CustodyKind.REMOVED, "Removed from the country"


# Custody kinds held at a facility Reunify knows by name.
FACILITY_KINDS = frozenset(
    {CustodyKind.BORDER_STATION, CustodyKind.DETENTION_FACILITY, CustodyKind.SHELTER}
)


class SeparationReason(models.TextChoices):
    PARENT_PROSECUTED = v.SeparationReason.PARENT_PROSECUTED, "Parent referred for prosecution"
    PARENT_CRIMINAL_HISTORY = (
        v.SeparationReason.PARENT_CRIMINAL_HISTORY,
        "Parent's criminal history",
    )
    PARENT_HOSPITALISED = v.SeparationReason.PARENT_HOSPITALISED, "Parent hospitalised"
    CHILD_SAFETY = v.SeparationReason.CHILD_SAFETY, "Danger to the child"
    PARENTAGE_UNVERIFIED = (
        v.SeparationReason.PARENTAGE_UNVERIFIED,
        "Parentage could not be verified",
    )
    PARENT_TRANSFERRED_TO_ADULT_DETENTION = (
        v.SeparationReason.PARENT_TRANSFERRED_TO_ADULT_DETENTION,
        "Parent transferred to adult detention",
    )
    OTHER = v.SeparationReason.OTHER, "Other (explained)"


class ReunionSetting(models.TextChoices):
    IN_COUNTRY = v.ReunionSetting.IN_COUNTRY, "In the country"
    ABROAD = v.ReunionSetting.ABROAD, "Abroad"


class ReunionMethod(models.TextChoices):
    RELEASE_TO_PARENT = v.ReunionMethod.RELEASE_TO_PARENT, "Child released to the parent"
    PAROLE_OF_REMOVED_PARENT = (
        v.ReunionMethod.PAROLE_OF_REMOVED_PARENT,
        "Removed parent paroled back",
    )
    JOINT_REMOVAL = v.ReunionMethod.JOINT_REMOVAL, "Removed together"


class Sex(models.TextChoices):
    FEMALE = "F", "Female"
    MALE = "M", "Male"
    UNKNOWN = "U", "Not recorded"


class BirthDatePrecision(models.TextChoices):
    DAY = "DAY", "Exact day"
    MONTH = "MONTH", "Month and year only"
    YEAR = "YEAR", "Year only"
    UNKNOWN = "UNKNOWN", "Unknown"


class IdentifierScheme(models.TextChoices):
    A_NUMBER = "A_NUMBER", "A-number"
    BORDER_SUBJECT_ID = "BORDER_SUBJECT_ID", "Border subject id"
    DETENTION_SUBJECT_ID = "DETENTION_SUBJECT_ID", "Detention subject id"
    SHELTER_CHILD_ID = "SHELTER_CHILD_ID", "Shelter child id"
    PASSPORT = "PASSPORT", "Passport"

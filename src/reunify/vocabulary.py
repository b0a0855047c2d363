"""The words Reunify's records use, shared by the Django models, the generator and imports.

These codes are published (extracts, reports, the API): once a code is here its meaning
never changes. New codes may be added.
"""

from enum import StrEnum


class MemberRole(StrEnum):
    PARENT = "PARENT"
    LEGAL_GUARDIAN = "LEGAL_GUARDIAN"
    CHILD = "CHILD"
    OTHER_RELATIVE = "OTHER_RELATIVE"


class RelationshipEvidence(StrEnum):
    BIRTH_CERTIFICATE = "BIRTH_CERTIFICATE"
    DNA_TEST = "DNA_TEST"
    SWORN_ATTESTATION = "SWORN_ATTESTATION"
    OFFICER_OBSERVATION = "OFFICER_OBSERVATION"
    RECORD_LINKAGE = "RECORD_LINKAGE"
    AGENCY_RECORD = "AGENCY_RECORD"


class CustodyKind(StrEnum):
    BORDER_STATION = "BORDER_STATION"
    DETENTION_FACILITY = "DETENTION_FACILITY"
    SHELTER = "SHELTER"
    SPONSOR = "SPONSOR"
    RELEASED = "RELEASED"
    REMOVED = "REMOVED"


class SeparationReason(StrEnum):
    PARENT_PROSECUTED = "PARENT_PROSECUTED"
    PARENT_CRIMINAL_HISTORY = "PARENT_CRIMINAL_HISTORY"
    PARENT_HOSPITALISED = "PARENT_HOSPITALISED"
    CHILD_SAFETY = "CHILD_SAFETY"
    PARENTAGE_UNVERIFIED = "PARENTAGE_UNVERIFIED"
    PARENT_TRANSFERRED_TO_ADULT_DETENTION = "PARENT_TRANSFERRED_TO_ADULT_DETENTION"
    OTHER = "OTHER"


class ReunionSetting(StrEnum):
    IN_COUNTRY = "IN_COUNTRY"
    ABROAD = "ABROAD"


class ReunionMethod(StrEnum):
    RELEASE_TO_PARENT = "RELEASE_TO_PARENT"
    PAROLE_OF_REMOVED_PARENT = "PAROLE_OF_REMOVED_PARENT"
    JOINT_REMOVAL = "JOINT_REMOVAL"


class ElectionOption(StrEnum):
    DEPART_WITH_CHILDREN = "DEPART_WITH_CHILDREN"
    CHILDREN_REMAIN = "CHILDREN_REMAIN"
    MORE_TIME = "MORE_TIME"


class ElectionForm(StrEnum):
    SIGNED = "SIGNED"
    VERBAL = "VERBAL"
    UNSIGNED = "UNSIGNED"


class Deficiency(StrEnum):
    VERBAL_ONLY = "VERBAL_ONLY"
    UNSIGNED = "UNSIGNED"
    LANGUAGE_NOT_UNDERSTOOD = "LANGUAGE_NOT_UNDERSTOOD"
    NO_COUNSEL_ADVISAL = "NO_COUNSEL_ADVISAL"
    CHILD_NOT_COVERED = "CHILD_NOT_COVERED"
    AFTER_REMOVAL = "AFTER_REMOVAL"
    SUPERSEDED = "SUPERSEDED"
    WAIVER_NOT_EXPLICIT = "WAIVER_NOT_EXPLICIT"
    NOT_ACKNOWLEDGED = "NOT_ACKNOWLEDGED"


class ElectionOrigin(StrEnum):
    """Where an election's record comes from, which decides what the record can show."""

    RECORDED = "RECORDED"  # made and documented in Reunify: every fact is on record
    EXTRACT = "EXTRACT"  # imported from a historical agency extract (DESIGN.md, `ice`)


class CounselChoice(StrEnum):
    """What the parent did with the right to consult counsel before electing."""

    CONSULTED = "CONSULTED"
    DECLINED_IN_WRITING = "DECLINED_IN_WRITING"
    NOT_RECORDED = "NOT_RECORDED"
    # Only a historical extract: it says the parent was advised ("Y") but not what
    # followed. Never a choice for an election recorded here.
    UNKNOWN = "UNKNOWN"


class SignatureKind(StrEnum):
    """How a written election was signed: the parent's signature, or a mark before two
    witnesses for a parent who cannot write."""

    SIGNATURE = "SIGNATURE"
    MARK_BEFORE_WITNESSES = "MARK_BEFORE_WITNESSES"


class GateBlock(StrEnum):
    """Why the removal gate refuses a removal, one code per blocked child (API, reports)."""

    NO_ELECTION = "NO_ELECTION"
    ELECTION_DEFICIENT = "ELECTION_DEFICIENT"
    CHILD_NOT_COVERED = "CHILD_NOT_COVERED"
    MORE_TIME_PENDING = "MORE_TIME_PENDING"
    MORE_TIME_ENDED = "MORE_TIME_ENDED"
    CHILD_NOT_ON_ITINERARY = "CHILD_NOT_ON_ITINERARY"
    # Added after the first six: the parent elected CHILDREN_REMAIN, and the removal plan
    # carries the child with them all the same.
    CHILD_ON_ITINERARY_AGAINST_ELECTION = "CHILD_ON_ITINERARY_AGAINST_ELECTION"


class RemovalStatus(StrEnum):
    PROPOSED = "PROPOSED"
    SCHEDULED = "SCHEDULED"
    EXECUTED = "EXECUTED"
    CANCELLED = "CANCELLED"


class OverrideStatus(StrEnum):
    REQUESTED = "REQUESTED"
    GRANTED = "GRANTED"
    REFUSED = "REFUSED"

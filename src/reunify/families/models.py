"""Reunify's core records: people, the family units they belong to, and where each is held.

Constraints that must never be broken live in the database, not only in code: a person is
in one custody at a time, nobody is their own parent, a separation always has a reason.
"""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from reunify.families.choices import (
    BirthDatePrecision,
    CustodyKind,
    IdentifierScheme,
    MemberRole,
    RelationshipEvidence,
    ReunionMethod,
    ReunionSetting,
    SeparationReason,
    Sex,
)
from reunify.families.countries import country_name


class Record(models.Model):
    """What every Reunify record carries: a UUID key and when it was made and changed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Facility(Record):
    """A place that holds people: a border station, a detention facility or a shelter."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=CustodyKind.choices)
    sector = models.CharField(max_length=100, blank=True, help_text="Border patrol sector.")
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=2, blank=True)

    class Meta:
        verbose_name_plural = "facilities"
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="facility_name_unique_per_kind"),
            models.CheckConstraint(
                condition=Q(
                    kind__in=[
                        CustodyKind.BORDER_STATION,
                        CustodyKind.DETENTION_FACILITY,
                        CustodyKind.SHELTER,
                    ]
                ),
                name="facility_kind_holds_people",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Person(Record):
    """One human, with names as recorded and a folded form of them for search."""

    given_names = models.CharField(max_length=200)
    first_surname = models.CharField(max_length=100, blank=True)
    second_surname = models.CharField(max_length=100, blank=True)
    # Lower case, no accents, words separated by single spaces and framed by spaces, so
    # " ana" finds the word Ana but not Mariana; written only by the services.
    # Searched by `contains`, through the trigram index (migration 0002); a b-tree
    # cannot serve that.
    name_search = models.CharField(max_length=420, editable=False)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    birth_date = models.DateField(null=True, blank=True)
    birth_date_precision = models.CharField(
        max_length=8, choices=BirthDatePrecision.choices, default=BirthDatePrecision.UNKNOWN
    )
    birth_date_estimated = models.BooleanField(
        default=False, help_text="The date was estimated (by the person, an officer, a record)."
    )
    citizenship = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2.")
    # Resolved from agency extracts by record linkage: its id is the linked person's, and
    # each linkage run refreshes what the extracts say of it.
    from_extracts = models.BooleanField(default=False)

    class Meta:
        ordering = ["first_surname", "second_surname", "given_names"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    birth_date__isnull=True, birth_date_precision=BirthDatePrecision.UNKNOWN
                )
                | Q(birth_date__isnull=False) & ~Q(birth_date_precision=BirthDatePrecision.UNKNOWN),
                name="person_birth_date_precision_matches_date",
            ),
            models.CheckConstraint(condition=~Q(given_names=""), name="person_has_given_names"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def surnames(self) -> str:
        return " ".join(part for part in (self.first_surname, self.second_surname) if part)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_names, self.surnames) if part)

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class PersonLanguage(Record):
    """A language a person speaks (ISO 639-3), and whether they read it."""

    # Indexed by `person_language_once`, which leads with it.
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="languages", db_index=False
    )
    code = models.CharField(max_length=3)
    is_primary = models.BooleanField(default=False)
    reads = models.BooleanField(null=True, help_text="Literacy in this language, if known.")

    class Meta:
        ordering = ["-is_primary", "code"]
        constraints = [
            models.UniqueConstraint(fields=["person", "code"], name="person_language_once"),
            models.UniqueConstraint(
                fields=["person"], condition=Q(is_primary=True), name="person_one_primary_language"
            ),
        ]

    def __str__(self) -> str:
        return self.code


class PersonIdentifier(Record):
    """An identifier an agency gave a person: an A-number, a subject id, a passport."""

    # Indexed by `person_identifier_once`, which leads with it.
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="identifiers", db_index=False
    )
    scheme = models.CharField(max_length=32, choices=IdentifierScheme.choices)
    value = models.CharField(max_length=64, help_text="As recorded.")
    normalized = models.CharField(max_length=64, db_index=True, editable=False)

    class Meta:
        ordering = ["scheme", "normalized"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "scheme", "normalized"], name="person_identifier_once"
            ),
        ]
        indexes = [models.Index(fields=["scheme", "normalized"], name="identifier_lookup")]

    def __str__(self) -> str:
        return f"{self.get_scheme_display()} {self.value}"


class FamilyUnit(Record):
    """People apprehended or known together, whatever custody each is in now."""

    reference = models.CharField(
        max_length=12, unique=True, help_text="Short code staff read aloud and write on paper."
    )
    apprehension_event_id = models.CharField(max_length=64, blank=True, db_index=True)
    apprehended_at = models.DateTimeField()
    station = models.ForeignKey(
        Facility, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The extract row this was read from ("cbp:<record_id>", …); null when recorded here.
    # Unique, so a linkage run refreshes it rather than adding it twice.
    source_record = models.CharField(max_length=140, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-apprehended_at"]

    def __str__(self) -> str:
        return f"Family unit {self.reference}"


class Membership(Record):
    """A person's role in a family unit and the evidence for that relationship.

    One membership per person per unit: nobody can be both parent and child in a unit, so
    no child can be recorded as their own parent.
    """

    family_unit = models.ForeignKey(
        FamilyUnit, on_delete=models.PROTECT, related_name="memberships"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=MemberRole.choices)
    evidence = models.CharField(max_length=24, choices=RelationshipEvidence.choices)
    linkage_score = models.FloatField(
        null=True, blank=True, help_text="Match probability when the evidence is record linkage."
    )
    verified = models.BooleanField(default=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    # The extract row this was read from ("cbp:<record_id>", …); null when recorded here.
    # Unique, so a linkage run refreshes it rather than adding it twice.
    source_record = models.CharField(max_length=140, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["role", "person__birth_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["family_unit", "person"], name="membership_one_role_per_person_in_unit"
            ),
            models.CheckConstraint(
                condition=Q(linkage_score__isnull=True)
                | Q(linkage_score__gte=0, linkage_score__lte=1),
                name="membership_linkage_score_is_probability",
            ),
            models.CheckConstraint(
                condition=Q(verified=False) | Q(verified_at__isnull=False),
                name="membership_verification_is_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} as {self.get_role_display()} in {self.family_unit}"


class CustodyEpisode(Record):
    """Who holds a person, where, from when until when (open while it lasts).

    A person is never in two custody episodes at once: at most one open episode, and on
    PostgreSQL an exclusion constraint forbids any two episodes overlapping in time.
    """

    # Indexed by `custody_person_time`, which leads with it.
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="custody_episodes", db_index=False
    )
    kind = models.CharField(max_length=24, choices=CustodyKind.choices)
    facility = models.ForeignKey(
        Facility, null=True, blank=True, on_delete=models.PROTECT, related_name="episodes"
    )
    detail = models.CharField(
        max_length=300, blank=True, help_text="Sponsor, address or other detail of the custody."
    )
    country = models.CharField(max_length=2, blank=True, help_text="For a removal: where to.")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The extract row this was read from ("cbp:<record_id>", …); null when recorded here.
    # Unique, so a linkage run refreshes it rather than adding it twice.
    source_record = models.CharField(max_length=140, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["person", "started_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=F("started_at")),
                name="custody_episode_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(ended_at__isnull=True),
                name="custody_one_open_episode_per_person",
            ),
            models.CheckConstraint(
                condition=~Q(kind=CustodyKind.REMOVED) | ~Q(country=""),
                name="custody_removal_names_country",
            ),
        ]
        indexes = [models.Index(fields=["person", "started_at"], name="custody_person_time")]

    def __str__(self) -> str:
        return f"{self.person}: {self.where}"

    @property
    def where(self) -> str:
        if self.facility_id:
            return str(self.facility)
        if self.kind == CustodyKind.REMOVED:
            return country_name(self.country)
        return self.detail or self.get_kind_display()


class Reunion(Record):
    """A family brought back together: where, when and how."""

    family_unit = models.ForeignKey(FamilyUnit, on_delete=models.PROTECT, related_name="reunions")
    reunited_at = models.DateTimeField()
    setting = models.CharField(max_length=12, choices=ReunionSetting.choices)
    method = models.CharField(max_length=32, choices=ReunionMethod.choices)
    place = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The extract row this was read from ("cbp:<record_id>", …); null when recorded here.
    # Unique, so a linkage run refreshes it rather than adding it twice.
    source_record = models.CharField(max_length=140, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["reunited_at"]

    def __str__(self) -> str:
        return f"Reunion on {self.reunited_at:%Y-%m-%d}"


class Separation(Record):
    """A child put into different custody from a parent: when, why and on whose authority.

    One row per parent and child, so a page can say exactly which child is apart from
    which parent. It stays open until a reunion closes it.
    """

    family_unit = models.ForeignKey(
        FamilyUnit, on_delete=models.PROTECT, related_name="separations"
    )
    parent = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="separations_as_parent"
    )
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="separations_as_child")
    separated_at = models.DateTimeField()
    reason = models.CharField(max_length=40, choices=SeparationReason.choices)
    reason_detail = models.TextField(blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Historical records name an authoriser who has no account here.
    authoriser_name = models.CharField(max_length=200, blank=True)
    reunion = models.ForeignKey(
        Reunion, null=True, blank=True, on_delete=models.PROTECT, related_name="separations"
    )
    # The extract row this was read from ("cbp:<record_id>", …); null when recorded here.
    # Unique, so a linkage run refreshes it rather than adding it twice.
    source_record = models.CharField(max_length=140, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["separated_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("child")), name="separation_parent_is_not_the_child"
            ),
            models.CheckConstraint(
                condition=Q(reason__in=SeparationReason.values), name="separation_has_a_reason"
            ),
            models.CheckConstraint(
                condition=~Q(reason=SeparationReason.OTHER) | ~Q(reason_detail=""),
                name="separation_other_reason_is_explained",
            ),
            models.CheckConstraint(
                condition=Q(authorised_by__isnull=False) | ~Q(authoriser_name=""),
                name="separation_has_an_authoriser",
            ),
            models.UniqueConstraint(
                fields=["parent", "child"],
                condition=Q(reunion__isnull=True),
                name="separation_one_open_per_parent_and_child",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.child} apart from {self.parent} since {self.separated_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.reunion_id is None

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models

from reunify.accounts.roles import Role


class User(AbstractUser):
    """A person who signs in to Reunify. Every user has exactly one role."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    role = models.CharField(max_length=32, choices=Role.choices)
    organisation = models.CharField(
        max_length=200, blank=True, help_text="Agency, office or partner organisation."
    )
    # Set when an administrator gives a one-time password: the user must choose their own
    # before anything else (accounts.password_change_middleware).
    must_change_password = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="user_role_is_known"
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return f"{self} ({self.get_role_display()})"


class ApiToken(models.Model):
    """A bearer token for the API. Only its SHA-256 is stored; the token is shown once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for.")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"


class SecondFactor(models.Model):
    """A user's authenticator-app secret (TOTP), confirmed by a first code, and the last
    time step a code was used for, so that no code works twice."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="second_factor")
    secret = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        state = "confirmed" if self.confirmed_at else "not confirmed yet"
        return f"second factor of {self.user} ({state})"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class CounselGrant(models.Model):
    """A client (a person) entrusts their record to counsel. Counsel see only the people
    who granted them access, while the grant is not revoked. A revoked grant stays, with
    who revoked it and when, so the record shows who could see a client at any time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    counsel = models.ForeignKey(User, on_delete=models.PROTECT, related_name="counsel_grants")
    client = models.ForeignKey(
        "families.Person", on_delete=models.PROTECT, related_name="counsel_grants"
    )
    granted_at = models.DateTimeField()
    granted_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revoke_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["counsel", "client"],
                condition=models.Q(revoked_at__isnull=True),
                name="counsel_grant_one_active_per_pair",
            ),
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True)
                | models.Q(revoked_at__gte=models.F("granted_at")),
                name="counsel_grant_revoked_after_granted",
            ),
        ]
        indexes = [models.Index(fields=["counsel", "revoked_at"], name="counsel_grant_active")]

    def __str__(self) -> str:
        return f"{self.client} → {self.counsel}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ShelterAssignment(models.Model):
    """A child case manager works at a shelter: they see the children held there now, and
    those children's family units. Ended, not deleted, when the assignment ends."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case_manager = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="shelter_assignments"
    )
    shelter = models.ForeignKey(
        "families.Facility", on_delete=models.PROTECT, related_name="case_manager_assignments"
    )
    assigned_at = models.DateTimeField()
    assigned_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case_manager", "shelter"],
                condition=models.Q(ended_at__isnull=True),
                name="shelter_assignment_one_open_per_pair",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True)
                | models.Q(ended_at__gte=models.F("assigned_at")),
                name="shelter_assignment_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_manager} at {self.shelter}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

"""Administrators' writes on user accounts: create, change role, deactivate, reset the
password; and a user's own change of password. One transaction each, with its history
entry; no password, one-time or chosen, ever goes into the history.

A one-time password is shown once to the administrator, who hands it over; its holder
must choose their own before reaching anything else (`password_change_middleware`).
"""

import secrets

from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import ApiToken, CounselGrant, ShelterAssignment, User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import USER_ADMINISTRATORS, Role
from reunify.accounts.scope_services import counsel_grant_revoke, shelter_assignment_end
from reunify.audit.history import record_change


def one_time_password() -> str:
    """Four groups of five letters and digits: easy to read out, hard to guess (~100 bits
    of randomness, far past any guessing within the sign-in lockout)."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
    return "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(4))


def sessions_end_for(user: User) -> int:
    """Delete every stored session signed in as `user`; returns how many. Sessions hold the
    user id only in their encoded data, so each live one is decoded: an administrator's
    rare action, not a request's."""
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


def _locked(user: User) -> User:
    return User.objects.select_for_update().get(pk=user.pk)


@transaction.atomic
def user_create(
    *,
    actor: User,
    username: str,
    first_name: str,
    last_name: str,
    role: str,
    organisation: str = "",
) -> tuple[User, str]:
    """A new user with a one-time password, returned to show once."""
    require_role(actor, USER_ADMINISTRATORS, action="create users")
    username = username.strip()
    problems: dict[str, list[str]] = {}
    if not username:
        problems["username"] = ["Enter a user name."]
    elif User.objects.filter(username__iexact=username).exists():
        problems["username"] = ["A user with this user name already exists."]
    if role not in Role.values:
        problems["role"] = [f"Unknown role {role!r}."]
    if problems:
        raise ValidationError(problems)
    password = one_time_password()
    user = User(
        username=username,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        role=role,
        organisation=organisation.strip(),
        must_change_password=True,
    )
    user.set_password(password)
    user.save()
    record_change(
        actor=actor,
        action="user.created",
        subject_type="user",
        subject_id=user.pk,
        changes={"username": user.username, "role": role, "organisation": user.organisation},
    )
    return user, password


@transaction.atomic
def user_role_change(*, actor: User, user: User, role: str) -> User:
    require_role(actor, USER_ADMINISTRATORS, action="change roles")
    user = _locked(user)
    if role not in Role.values:
        raise ValidationError({"role": [f"Unknown role {role!r}."]})
    if user.pk == actor.pk:
        raise ValidationError({"role": ["Ask another administrator to change your own role."]})
    before = user.role
    if before == role:
        return user
    user.role = role
    user.save(update_fields=["role"])
    # Scope belongs to the role: grants and assignments of the old role end with it, so
    # that a later return to that role does not quietly revive them.
    for grant in CounselGrant.objects.filter(counsel=user, revoked_at__isnull=True):
        counsel_grant_revoke(actor=actor, grant=grant, reason=f"Role changed to {role}.")
    for assignment in ShelterAssignment.objects.filter(case_manager=user, ended_at__isnull=True):
        shelter_assignment_end(actor=actor, assignment=assignment)
    sessions_end_for(user)
    record_change(
        actor=actor,
        action="user.role_changed",
        subject_type="user",
        subject_id=user.pk,
        changes={"role": {"before": before, "after": role}},
    )
    return user


@transaction.atomic
def user_deactivate(*, actor: User, user: User) -> User:
    """The user can no longer sign in; their sessions and API tokens end now."""
    require_role(actor, USER_ADMINISTRATORS, action="deactivate users")
    user = _locked(user)
    if user.pk == actor.pk:
        raise ValidationError({"user": ["You cannot deactivate yourself."]})
    if not user.is_active:
        raise ValidationError({"user": [f"{user} is already deactivated."]})
    user.is_active = False
    user.save(update_fields=["is_active"])
    sessions = sessions_end_for(user)
    tokens = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    record_change(
        actor=actor,
        action="user.deactivated",
        subject_type="user",
        subject_id=user.pk,
        changes={"username": user.username, "sessions_ended": sessions, "tokens_revoked": tokens},
    )
    return user


@transaction.atomic
def user_reactivate(*, actor: User, user: User) -> str:
    """Let a deactivated user back in, with a one-time password (returned to show once):
    whatever password they had is not trusted again."""
    require_role(actor, USER_ADMINISTRATORS, action="reactivate users")
    user = _locked(user)
    if user.is_active:
        raise ValidationError({"user": [f"{user} is active already."]})
    password = one_time_password()
    user.is_active = True
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["is_active", "password", "must_change_password"])
    record_change(
        actor=actor,
        action="user.reactivated",
        subject_type="user",
        subject_id=user.pk,
        changes={"username": user.username},
    )
    return password


@transaction.atomic
def user_password_reset(*, actor: User, user: User) -> str:
    """Give `user` a one-time password (returned to show once); their sessions end."""
    require_role(actor, USER_ADMINISTRATORS, action="reset passwords")
    user = _locked(user)
    if user.pk == actor.pk:
        raise ValidationError({"user": ["Change your own password on your password page."]})
    if not user.is_active:
        raise ValidationError({"user": [f"{user} is deactivated."]})
    password = one_time_password()
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    sessions = sessions_end_for(user)
    record_change(
        actor=actor,
        action="user.password_reset",
        subject_type="user",
        subject_id=user.pk,
        changes={"username": user.username, "sessions_ended": sessions},
    )
    return password


@transaction.atomic
def user_password_change(*, user: User, new_password: str) -> User:
    """A user chooses their own password (the caller has checked the old one). Their other
    sessions end, because each session is bound to the password it signed in with."""
    user = _locked(user)
    validate_password(new_password, user)
    user.set_password(new_password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    record_change(
        actor=user,
        action="user.password_changed",
        subject_type="user",
        subject_id=user.pk,
        changes={"username": user.username},
    )
    return user

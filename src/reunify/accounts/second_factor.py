"""Enrolling and checking the second factor (TOTP) of supervisors, auditors and
administrators. Each check locks the user's row, so one code cannot pass twice even when
two requests race."""

import time

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from reunify.accounts.models import SecondFactor, User
from reunify.accounts.roles import SECOND_FACTOR_ROLES
from reunify.accounts.totp import matching_step, new_secret
from reunify.audit.history import record_change

VERIFIED = "second_factor_verified_at"
FAILURES = "second_factor_failures"
MOST_FAILURES = 5


def needs_second_factor(user: User) -> bool:
    return user.role in SECOND_FACTOR_ROLES


def enrolment_of(user: User) -> SecondFactor:
    """The user's second factor, begun (with a fresh secret) if there is none."""
    found, _ = SecondFactor.objects.get_or_create(user=user, defaults={"secret": new_secret()})
    return found


def second_factor_check(*, user: User, code: str, now: float | None = None) -> bool:
    """True if `code` is the user's current, unused code; enrols them on their first."""
    with transaction.atomic():
        factor = SecondFactor.objects.select_for_update().filter(user=user).first()
        if factor is None:
            return False
        step = matching_step(
            factor.secret, code, unix_time=time.time() if now is None else now,
            last_used_step=factor.last_used_step,
        )  # fmt: skip
        if step is None:
            return False
        first = not factor.is_confirmed
        factor.last_used_step = step
        if first:
            factor.confirmed_at = timezone.now()
        factor.save(update_fields=["last_used_step", "confirmed_at"])
        if first:
            record_change(
                actor=user,
                action="accounts.second_factor_enrolled",
                subject_type="user",
                subject_id=user.pk,
                changes={"user": user.username},
            )
    return True


def mark_verified(request: HttpRequest) -> None:
    request.session[VERIFIED] = int(time.time())
    request.session.pop(FAILURES, None)


def is_verified(request: HttpRequest) -> bool:
    return VERIFIED in request.session

"""API tokens: issue one (shown once), and find the user behind a presented token."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import ApiToken, User
from reunify.audit.history import record_change

TOKEN_PREFIX = "rfy_"  # noqa: S105 - a visible prefix, not a secret


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_token_issue(*, actor: User, user: User, name: str) -> str:
    """Create a token for `user` and return it; it cannot be recovered later."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    issued = ApiToken.objects.create(
        user=user, name=name.strip() or "API token", key_hash=_digest(token)
    )
    record_change(
        actor=actor,
        action="api_token.issued",
        subject_type="api_token",
        subject_id=issued.id,
        changes={"user": user.username, "name": issued.name},
    )
    return token


def user_for_token(token: str) -> User | None:
    if not token.startswith(TOKEN_PREFIX):
        return None
    found = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_digest(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if found is None:
        return None
    ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
    return found.user

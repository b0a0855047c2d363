"""Role checks that services call before they change anything."""

from collections.abc import Collection

from reunify.accounts.models import User
from reunify.accounts.roles import Role


class PermissionDenied(Exception):
    """The acting user's role may not do this. Carries a message fit to show them."""


def require_role(user: User, allowed: Collection[Role], *, action: str) -> None:
    if not user.is_active or user.role not in allowed:
        raise PermissionDenied(f"Your role may not {action}.")

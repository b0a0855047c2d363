"""Who is calling the API: a signed-in browser session, or a bearer token."""

from collections.abc import Collection
from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import Role
from reunify.accounts.tokens import user_for_token


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class Session(SessionAuth):
    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return user if isinstance(user, User) and user.is_active else None


API_AUTH = [BearerToken(), Session()]


class RoleBearerToken(BearerToken):
    """A bearer token whose user must hold one of `roles`: a 403 before the request's
    body is even read, so a role that may not write learns nothing from validation."""

    def __init__(self, roles: Collection[Role], action: str) -> None:
        super().__init__()
        self.roles, self.action = roles, action

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = super().authenticate(request, token)
        if user is not None:
            require_role(user, self.roles, action=self.action)
        return user


class RoleSession(Session):
    def __init__(self, roles: Collection[Role], action: str) -> None:
        super().__init__()
        self.roles, self.action = roles, action

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is not None:
            require_role(user, self.roles, action=self.action)
        return user


def only(roles: Collection[Role], *, action: str) -> list[Any]:
    """The API's authentication for an operation only `roles` may call (the service
    checks again; this answers first)."""
    return [RoleBearerToken(roles, action), RoleSession(roles, action)]


def caller(request: HttpRequest) -> User:
    """The signed-in user of a request the API's authentication let through."""
    assert isinstance(request.user, User)
    return request.user

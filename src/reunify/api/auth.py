"""Who is calling the API: a signed-in browser session, or a bearer token."""

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from reunify.accounts.models import User
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


def caller(request: HttpRequest) -> User:
    """The signed-in user of a request the API's authentication let through."""
    assert isinstance(request.user, User)
    return request.user

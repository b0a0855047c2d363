"""Supervisors, auditors and administrators reach nothing but the second-factor pages
until they have given a code from their authenticator app in this session."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from reunify.accounts.models import User
from reunify.accounts.second_factor import is_verified, needs_second_factor

OPEN_PREFIXES = ("/accounts/two-factor/", "/accounts/sign-out/", "/static/", "/healthz")


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.REUNIFY_SECOND_FACTOR_REQUIRED
            and isinstance(user, User)
            and needs_second_factor(user)
            and not is_verified(request)
            and not request.path.startswith(OPEN_PREFIXES)
            and "HTTP_AUTHORIZATION" not in request.META  # API tokens are their own credential
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": "Give the code from your authenticator app first.",
                     "code": "second_factor_required", "errors": None},
                    status=401,
                )  # fmt: skip
            return redirect(f"{reverse('accounts:two-factor')}?next={request.get_full_path()}")
        return self.get_response(request)

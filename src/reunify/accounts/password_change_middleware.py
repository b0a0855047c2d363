"""A user holding a one-time password (given by an administrator) reaches nothing but the
password page until they have chosen their own."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect

from reunify.accounts.models import User

OPEN_PREFIXES = (
    "/accounts/password/",
    "/accounts/two-factor/",
    "/accounts/sign-out/",
    "/static/",
    "/healthz",
)


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            isinstance(user, User)
            and user.must_change_password
            and not request.path.startswith(OPEN_PREFIXES)
            and "HTTP_AUTHORIZATION" not in request.META  # API tokens are their own credential
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": "Choose your own password first.",
                     "code": "password_change_required", "errors": None},
                    status=401,
                )  # fmt: skip
            return redirect("accounts:password-change")
        return self.get_response(request)

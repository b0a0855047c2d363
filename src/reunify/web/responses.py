"""What every page view needs: the signed-in user, and the page for a refused action."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied


def acting_user(request: HttpRequest) -> User:
    assert isinstance(request.user, User), "views using this are behind login_required"
    return request.user


def forbidden(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return render(request, "web/forbidden.html", {"message": str(error)}, status=403)


def form_status(request: HttpRequest) -> int:
    """400 for a form sent back with errors, so tests and tools can tell it was refused."""
    return 400 if request.method == "POST" else 200

"""`roles_required`: a page only the roles that may act on it can open.

The services refuse a change by anyone else anyway; this keeps the forms, and the action
buttons behind them, from being shown to people who could never use them (an auditor
changes nothing), and answers 403 before any form is read.
"""

from collections.abc import Callable, Collection
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from reunify.accounts.permissions import PermissionDenied, require_role
from reunify.accounts.roles import Role
from reunify.web.responses import acting_user, forbidden

View = Callable[..., HttpResponse]


def roles_required(allowed: Collection[Role], *, action: str) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                require_role(acting_user(request), allowed, action=action)
            except PermissionDenied as refused:
                return forbidden(request, refused)
            return view(request, *args, **kwargs)

        return login_required(guarded)

    return decorate

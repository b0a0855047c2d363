"""Administration pages: users (create, change role, deactivate, reset password), counsel
grants and shelter assignments. Each view parses a form, calls one service and renders;
only administrators reach them (`roles_required`), and the services check again.

A one-time password is shown in the answer to the POST that made it, never in an address
and never again: the administrator hands it over, its holder must replace it.
"""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from reunify.accounts.administration_forms import (
    CounselGrantForm,
    RevocationForm,
    RoleForm,
    ShelterAssignmentForm,
    UserCreateForm,
)
from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied
from reunify.accounts.roles import USER_ADMINISTRATORS
from reunify.accounts.scope_services import (
    counsel_grant_give,
    counsel_grant_revoke,
    shelter_assignment_end,
    shelter_assignment_start,
)
from reunify.accounts.selectors import (
    counsel_grants_for_administration,
    shelter_assignments_for_administration,
    users_for_administration,
)
from reunify.accounts.user_services import (
    user_create,
    user_deactivate,
    user_password_reset,
    user_reactivate,
    user_role_change,
)
from reunify.families.forms import apply_service_errors
from reunify.web.access import roles_required
from reunify.web.responses import acting_user, forbidden, form_status

administrators_only = roles_required(USER_ADMINISTRATORS, action="administer users and grants")


def _page(request: HttpRequest, rows: QuerySet[Any]) -> Page[Any]:
    return Paginator(rows, settings.PAGE_SIZE).get_page(request.GET.get("page"))


def _user_or_404(request: HttpRequest, user_id: UUID) -> User:
    found = users_for_administration(user=acting_user(request)).filter(pk=user_id).first()
    if found is None:
        raise Http404("No such user.")
    return found


def _one_time_password(
    request: HttpRequest, user: User, password: str, *, heading: str
) -> HttpResponse:
    return render(
        request,
        "accounts/administration/one_time_password.html",
        {"account": user, "password": password, "heading": heading},
    )


@administrators_only
def users(request: HttpRequest) -> HttpResponse:
    page = _page(request, users_for_administration(user=acting_user(request)))
    return render(request, "accounts/administration/users.html", {"page": page})


@administrators_only
def user_new(request: HttpRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created, password = user_create(actor=acting_user(request), **form.cleaned_data)
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return _one_time_password(
                request, created, password, heading=f"User {created.username} created"
            )
    return render(
        request,
        "accounts/administration/user_new.html",
        {"form": form},
        status=form_status(request),
    )


@administrators_only
def user_detail(request: HttpRequest, user_id: UUID) -> HttpResponse:
    found = _user_or_404(request, user_id)
    return _user_page(request, found, RoleForm(initial={"role": found.role}))


def _user_page(
    request: HttpRequest, found: User, role_form: Form, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "accounts/administration/user.html",
        {
            "account": found,
            "role_form": role_form,
            "grants": found.counsel_grants.select_related("client").filter(revoked_at__isnull=True),
            "assignments": found.shelter_assignments.select_related("shelter").filter(
                ended_at__isnull=True
            ),
        },
        status=status,
    )


@administrators_only
@require_POST
def user_role(request: HttpRequest, user_id: UUID) -> HttpResponse:
    found = _user_or_404(request, user_id)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            user_role_change(actor=acting_user(request), user=found, role=form.cleaned_data["role"])
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{found} is now {found.get_role_display().lower()}.")
            return redirect("accounts:user", user_id=found.pk)
    return _user_page(request, found, form, status=400)


@administrators_only
@require_POST
def user_deactivation(request: HttpRequest, user_id: UUID) -> HttpResponse:
    found = _user_or_404(request, user_id)
    try:
        user_deactivate(actor=acting_user(request), user=found)
    except PermissionDenied as error:
        return forbidden(request, error)
    except ValidationError as error:
        messages.error(request, "Not deactivated: " + " ".join(error.messages))
    else:
        messages.success(request, f"{found} is deactivated; their sessions and API tokens ended.")
    return redirect("accounts:user", user_id=found.pk)


def _new_one_time_password(
    request: HttpRequest,
    user_id: UUID,
    give: Callable[..., str],
    *,
    refused: str,
    heading: str,
) -> HttpResponse:
    """Run `give` (reactivation or a reset: both hand out a one-time password) and show
    the password once, or say why not."""
    found = _user_or_404(request, user_id)
    try:
        password = give(actor=acting_user(request), user=found)
    except PermissionDenied as error:
        return forbidden(request, error)
    except ValidationError as error:
        messages.error(request, f"{refused}: " + " ".join(error.messages))
        return redirect("accounts:user", user_id=found.pk)
    return _one_time_password(request, found, password, heading=heading.format(found.username))


@administrators_only
@require_POST
def user_reactivation(request: HttpRequest, user_id: UUID) -> HttpResponse:
    return _new_one_time_password(
        request, user_id, user_reactivate, refused="Not reactivated",
        heading="User {} reactivated",
    )  # fmt: skip


@administrators_only
@require_POST
def user_password(request: HttpRequest, user_id: UUID) -> HttpResponse:
    return _new_one_time_password(
        request, user_id, user_password_reset, refused="Password not reset",
        heading="Password of {} reset",
    )  # fmt: skip


@administrators_only
def grants(request: HttpRequest) -> HttpResponse:
    """Counsel grants, and the form to record a new one."""
    actor = acting_user(request)
    form = CounselGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            grant = counsel_grant_give(
                actor=actor,
                counsel=form.cleaned_data["counsel"],
                client=form.cleaned_data["client"],
            )
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{grant.counsel} now represents {grant.client.full_name}.")
            return redirect("accounts:grants")
    return render(
        request,
        "accounts/administration/grants.html",
        {
            "form": form,
            "page": _page(request, counsel_grants_for_administration(user=actor)),
            "revocation_form": RevocationForm(),
        },
        status=form_status(request),
    )


@administrators_only
@require_POST
def grant_revocation(request: HttpRequest, grant_id: UUID) -> HttpResponse:
    actor = acting_user(request)
    grant = counsel_grants_for_administration(user=actor).filter(pk=grant_id).first()
    if grant is None:
        raise Http404("No such grant.")
    form = RevocationForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors)
        counsel_grant_revoke(actor=actor, grant=grant, reason=form.cleaned_data["reason"])
    except PermissionDenied as error:
        return forbidden(request, error)
    except ValidationError as error:
        messages.error(request, "Not revoked: " + " ".join(error.messages))
    else:
        messages.success(
            request, f"{grant.counsel} no longer sees {grant.client.full_name}, from now on."
        )
    return redirect("accounts:grants")


@administrators_only
def shelters(request: HttpRequest) -> HttpResponse:
    """Case managers' shelter assignments, and the form to record a new one."""
    actor = acting_user(request)
    form = ShelterAssignmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assignment = shelter_assignment_start(
                actor=actor,
                case_manager=form.cleaned_data["case_manager"],
                shelter=form.cleaned_data["shelter"],
            )
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, f"{assignment.case_manager} now works at {assignment.shelter}."
            )
            return redirect("accounts:shelters")
    return render(
        request,
        "accounts/administration/shelters.html",
        {"form": form, "page": _page(request, shelter_assignments_for_administration(user=actor))},
        status=form_status(request),
    )


@administrators_only
@require_POST
def shelter_assignment_ending(request: HttpRequest, assignment_id: UUID) -> HttpResponse:
    actor = acting_user(request)
    assignment = shelter_assignments_for_administration(user=actor).filter(pk=assignment_id).first()
    if assignment is None:
        raise Http404("No such assignment.")
    try:
        shelter_assignment_end(actor=actor, assignment=assignment)
    except PermissionDenied as error:
        return forbidden(request, error)
    except ValidationError as error:
        messages.error(request, "Not ended: " + " ".join(error.messages))
    else:
        messages.success(
            request, f"{assignment.case_manager} no longer works at {assignment.shelter}."
        )
    return redirect("accounts:shelters")

"""A user's own password page: required after an administrator gave a one-time password."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from reunify.accounts.user_services import user_password_change
from reunify.web.responses import acting_user, form_status


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = PasswordChangeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            changed = user_password_change(
                user=user, new_password=form.cleaned_data["new_password1"]
            )
        except ValidationError as error:
            form.add_error("new_password1", error)
        else:
            # This session goes on; every other session of the user ends.
            update_session_auth_hash(request, changed)
            messages.success(request, "Your password is changed. Other sessions were signed out.")
            return redirect("web:home")
    return render(
        request,
        "accounts/password_change.html",
        {"form": form, "required": user.must_change_password},
        status=form_status(request),
    )

"""The second-factor page: enrol an authenticator app (QR code and key), or give a code."""

import segno
from django import forms
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from reunify.accounts.second_factor import (
    FAILURES,
    MOST_FAILURES,
    enrolment_of,
    mark_verified,
    second_factor_check,
)
from reunify.accounts.totp import provisioning_uri
from reunify.web.responses import acting_user, form_status


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=10,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    factor = enrolment_of(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if second_factor_check(user=user, code=form.cleaned_data["code"]):
            mark_verified(request)
            target = request.POST.get("next", "")
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = "/"
            return redirect(target or "/")
        failures = request.session.get(FAILURES, 0) + 1
        if failures >= MOST_FAILURES:
            logout(request)
            return redirect("accounts:sign-in")
        request.session[FAILURES] = failures
        form.add_error("code", "That code is not right, or was used already. Try the next one.")
    context = {
        "form": form,
        "enrolling": not factor.is_confirmed,
        "next": request.GET.get("next", request.POST.get("next", "")),
    }
    if not factor.is_confirmed:
        uri = provisioning_uri(factor.secret, user.username)
        context |= {"qr": segno.make(uri, error="m").svg_inline(scale=4), "secret": factor.secret}
    return render(request, "accounts/two_factor.html", context, status=form_status(request))

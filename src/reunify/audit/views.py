"""The auditor's log browser: every change and view, filtered, a page at a time."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reunify.accounts.permissions import PermissionDenied
from reunify.audit.history import action_in_words
from reunify.audit.log_filters import LogFilterForm, LogFilters, filtered
from reunify.audit.selectors import audit_log
from reunify.web.responses import acting_user, forbidden

ENTRIES_PER_PAGE = 50


@login_required
def log(request: HttpRequest) -> HttpResponse:
    try:
        entries = audit_log(user=acting_user(request))
    except PermissionDenied as refused:
        return forbidden(request, refused)
    form = LogFilterForm(request.GET or None)
    filters = LogFilters(**form.cleaned_data) if form.is_valid() else LogFilters()
    page = Paginator(filtered(entries, filters), ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    keep = request.GET.copy()
    keep.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "page": page,
            "rows": [(entry, action_in_words(entry.action)) for entry in page],
            "keep": keep.urlencode(),
        },
        status=200 if form.is_valid() or not request.GET else 400,
    )

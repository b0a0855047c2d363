"""Pages: the imports done, and each one's quarantined rows with their reasons."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from reunify.accounts.permissions import PermissionDenied
from reunify.imports.selectors import batches_visible_to, quarantined_rows_of
from reunify.web.responses import acting_user, forbidden

BATCHES_PER_PAGE = 50
ROWS_PER_PAGE = 50


@login_required
def batches(request: HttpRequest) -> HttpResponse:
    try:
        found = batches_visible_to(user=acting_user(request))
    except PermissionDenied as refused:
        return forbidden(request, refused)
    page = Paginator(found, BATCHES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "imports/batches.html", {"page": page})


@login_required
def batch(request: HttpRequest, batch_id: UUID) -> HttpResponse:
    user = acting_user(request)
    try:
        found = batches_visible_to(user=user).filter(pk=batch_id).first()
    except PermissionDenied as refused:
        return forbidden(request, refused)
    if found is None:
        raise Http404("No such import.")
    rows = quarantined_rows_of(user=user, batch_id=found.pk)
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "imports/batch.html", {"batch": found, "page": page})

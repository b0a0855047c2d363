"""Pages: the linkage review queue, and one pair side by side with its decision."""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from reunify.accounts.permissions import PermissionDenied
from reunify.accounts.roles import LINK_REVIEWERS
from reunify.linkage.evidence_words import evidence_in_words
from reunify.linkage.forms import FamilyLinkDecisionForm, ReviewDecisionForm
from reunify.linkage.models import FamilyLinkStatus, ReviewStatus
from reunify.linkage.review_fields import COMPARED, CONTEXT, field_pairs, staged_record
from reunify.linkage.review_services import family_link_decide, review_decide
from reunify.linkage.selectors import (
    family_link,
    family_links_for_review,
    records_of_person,
    review_item,
    review_queue,
)
from reunify.web.responses import acting_user, forbidden, form_status

ITEMS_PER_PAGE = 50


def decision_posted(
    request: HttpRequest,
    form: forms.Form,
    decide: Callable[[dict[str, Any]], object],
    *,
    done: str,
    then: str,
) -> HttpResponse | None:
    """Record a posted review decision through `decide`; the response to send, or None
    to show the page again (not posted, or refused with the reasons on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        decide(form.cleaned_data)
    except PermissionDenied as refused:
        return forbidden(request, refused)
    except ValidationError as refused:
        for field, errors in refused.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return None
    messages.success(request, done)
    return redirect(then)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    status = ReviewStatus.DEFERRED if request.GET.get("show") == "deferred" else ReviewStatus.OPEN
    try:
        items = review_queue(user=user, status=status)
    except PermissionDenied as refused:
        return forbidden(request, refused)
    page = Paginator(items, ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "linkage/queue.html",
        {
            "page": page,
            "showing_deferred": status == ReviewStatus.DEFERRED,
            "deferred_count": review_queue(user=user, status=ReviewStatus.DEFERRED).count(),
        },
    )


@login_required
def pair(request: HttpRequest, item_id: UUID) -> HttpResponse:
    user = acting_user(request)
    try:
        item = review_item(user=user, item_id=item_id)
    except PermissionDenied as refused:
        return forbidden(request, refused)
    if item is None:
        raise Http404("No such review item.")
    form = ReviewDecisionForm(request.POST or None)
    decided = decision_posted(
        request,
        form,
        lambda data: review_decide(
            actor=user, item=item, decision=data["decision"], note=data["note"]
        ),
        done="Decision recorded. It applies to the persons at the next linkage run.",
        then="linkage:queue",
    )
    if decided is not None:
        return decided
    left, right = staged_record(item.left_record), staged_record(item.right_record)
    return render(
        request,
        "linkage/pair.html",
        {
            "item": item,
            "left": left,
            "right": right,
            "compared": field_pairs(left, right, COMPARED),
            "context": field_pairs(left, right, CONTEXT),
            "form": form,
            "may_decide": user.role in LINK_REVIEWERS and not item.is_decided,
        },
        status=form_status(request),
    )


@login_required
def family_queue(request: HttpRequest) -> HttpResponse:
    try:
        links = family_links_for_review(user=acting_user(request))
    except PermissionDenied as refused:
        return forbidden(request, refused)
    page = Paginator(links, ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "linkage/family_queue.html", {"page": page})


@login_required
def family_link_page(request: HttpRequest, link_id: UUID) -> HttpResponse:
    user = acting_user(request)
    try:
        link = family_link(user=user, link_id=link_id)
    except PermissionDenied as refused:
        return forbidden(request, refused)
    if link is None:
        raise Http404("No such link: linkage may have run again since.")
    form = FamilyLinkDecisionForm(request.POST or None)
    decided = decision_posted(
        request,
        form,
        lambda data: family_link_decide(
            actor=user, link=link, verdict=data["verdict"], note=data["note"]
        ),
        done="Decision recorded. Every later linkage run keeps it.",
        then="linkage:family-queue",
    )
    if decided is not None:
        return decided
    return render(
        request,
        "linkage/family_link.html",
        {
            "link": link,
            "evidence": [evidence_in_words(code) for code in link.evidence],
            "people": [
                ("Adult", [staged_record(r) for r in records_of_person(link.parent_person_id)]),
                ("Child", [staged_record(r) for r in records_of_person(link.child_person_id)]),
            ],
            "form": form,
            "may_decide": user.role in LINK_REVIEWERS and link.status == FamilyLinkStatus.REVIEW,
        },
        status=form_status(request),
    )

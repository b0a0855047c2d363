"""A parent's decisions page, and the forms for notices and elections.

Each view parses input, calls one service and renders; validity and the gate live in
their own pure modules.
"""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from reunify.accounts.permissions import PermissionDenied
from reunify.accounts.roles import ELECTION_ACKNOWLEDGERS, ELECTION_RECORDERS
from reunify.audit.history import record_view
from reunify.elections.forms import (
    ElectionRecordForm,
    NoticeCodeForm,
    NoticeDeliveryForm,
    NoticePrepareForm,
    WithdrawalForm,
)
from reunify.elections.models import Election, Notice
from reunify.elections.notice_content import notice_content_for, notice_lookup_url
from reunify.elections.notice_document import render_notice_pdf
from reunify.elections.selectors import election_for, notice_by_short_code, notice_for
from reunify.elections.services import (
    ElectionDetails,
    election_acknowledge,
    election_record,
    election_withdraw,
    notice_delivery_record,
    notice_prepare,
)
from reunify.elections.status import parent_status
from reunify.families.forms import apply_service_errors, as_aware
from reunify.families.models import Person
from reunify.families.selectors import (
    children_apart_from,
    family_units_visible_to,
    persons_visible_to,
)
from reunify.web.access import roles_required
from reunify.web.responses import acting_user, forbidden, form_status


def _parent_or_404(request: HttpRequest, person_id: UUID) -> Person:
    parent = persons_visible_to(user=acting_user(request)).filter(pk=person_id).first()
    if parent is None:
        raise Http404("No such person.")
    return parent


def _notice_or_404(request: HttpRequest, notice_id: UUID) -> Notice:
    notice = notice_for(user=acting_user(request), notice_id=notice_id)
    if notice is None:
        raise Http404("No such notice.")
    return notice


def _election_or_404(request: HttpRequest, election_id: UUID) -> Election:
    election = election_for(user=acting_user(request), election_id=election_id)
    if election is None:
        raise Http404("No such election.")
    return election


def _to_parent(parent_id: UUID) -> HttpResponse:
    return redirect("elections:parent", person_id=parent_id)


@login_required
def parent(request: HttpRequest, person_id: UUID) -> HttpResponse:
    found = _parent_or_404(request, person_id)
    membership = (
        found.memberships.filter(family_unit__in=family_units_visible_to(user=acting_user(request)))
        .order_by("-family_unit__apprehended_at")
        .first()
    )
    record_view(
        actor=acting_user(request), what="decisions", subject_type="person",
        subject_id=found.pk, person_ids=[found.pk],
    )  # fmt: skip
    return render(
        request,
        "elections/parent.html",
        {
            "status": parent_status(found),
            "children": children_apart_from(found),
            "unit": membership.family_unit if membership else None,
            "withdrawal_form": WithdrawalForm(),
        },
    )


@roles_required(ELECTION_RECORDERS, action="prepare notices of options")
def notice_new(request: HttpRequest, person_id: UUID) -> HttpResponse:
    found = _parent_or_404(request, person_id)
    children = children_apart_from(found)
    form = NoticePrepareForm(
        request.POST or None, children=children, initial={"children": children}
    )
    if request.method == "POST" and form.is_valid():
        try:
            notice = notice_prepare(
                actor=acting_user(request),
                parent=found,
                language=form.cleaned_data["language"],
                children=list(form.cleaned_data["children"]),
            )
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, f"Notice {notice.short_code} prepared: print it, then record delivery."
            )
            return _to_parent(found.pk)
    return _form_page(request, found, form, "Prepare a notice of options")


@roles_required(ELECTION_RECORDERS, action="record the delivery of notices")
def notice_delivery(request: HttpRequest, notice_id: UUID) -> HttpResponse:
    notice = _notice_or_404(request, notice_id)
    found = notice.parent
    form = NoticeDeliveryForm(request.POST or None, initial={"delivered_at": timezone.now()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            notice_delivery_record(
                actor=acting_user(request),
                notice=notice,
                delivered_at=as_aware(data["delivered_at"]),
                method=data["method"],
                interpreter_name=data["interpreter_name"],
                interpreter_language=data["interpreter_language"],
            )
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Delivery of notice {notice.short_code} recorded.")
            return _to_parent(found.pk)
    return _form_page(request, found, form, f"Record delivery of notice {notice.short_code}")


@login_required
def notice_pdf(request: HttpRequest, notice_id: UUID) -> HttpResponse:
    """The printable notice; its QR code finds it again by its short code."""
    notice = _notice_or_404(request, notice_id)
    verify_url = notice_lookup_url(request, notice)
    pdf = render_notice_pdf(notice_content_for(notice, verify_url=verify_url))
    response = HttpResponse(pdf, content_type="application/pdf")
    # The file name carries the code, never the parent's name.
    response["Content-Disposition"] = f'inline; filename="notice-{notice.short_code}.pdf"'
    return response


@login_required
@require_safe
def notice_find(request: HttpRequest) -> HttpResponse:
    """A notice found by the code printed on it, typed from the paper."""
    form = NoticeCodeForm(request.GET if "code" in request.GET else None)
    status = 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            notice = notice_by_short_code(
                user=acting_user(request), short_code=form.cleaned_data["code"]
            )
            if notice is not None:
                return _to_notice(request, notice)
            status = 404
    return render(request, "elections/notice_find.html", {"form": form}, status=status)


@login_required
@require_safe
def notice_by_code(request: HttpRequest, code: str) -> HttpResponse:
    """Where the QR code on a printed notice leads: its parent's decisions, at the notice.
    A code that exists but lies outside the user's scope answers as one that does not."""
    form = NoticeCodeForm({"code": code})
    if not form.is_valid():
        return render(request, "elections/notice_find.html", {"form": form}, status=400)
    notice = notice_by_short_code(user=acting_user(request), short_code=form.cleaned_data["code"])
    if notice is None:
        raise Http404("No such notice.")
    return _to_notice(request, notice)


def _to_notice(request: HttpRequest, notice: Notice) -> HttpResponse:
    record_view(
        actor=acting_user(request), what="notice", subject_type="notice",
        subject_id=notice.pk, person_ids=[notice.parent_id],
    )  # fmt: skip
    page = reverse("elections:parent", args=[notice.parent_id])
    return redirect(f"{page}#notice-{notice.short_code}")


@roles_required(ELECTION_RECORDERS, action="record elections")
def election_new(request: HttpRequest, person_id: UUID) -> HttpResponse:
    found = _parent_or_404(request, person_id)
    children = children_apart_from(found)
    notices = list(Notice.objects.filter(parent=found, delivered_at__isnull=False))
    form = ElectionRecordForm(
        request.POST or None,
        request.FILES or None,
        children=children,
        notices=notices,
        initial={
            "made_at": timezone.now(),
            "notice": notices[-1] if notices else None,
            "counsel": "NOT_RECORDED",
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            election_record(
                actor=acting_user(request),
                parent=found,
                details=ElectionDetails(
                    option=data["option"],
                    children=list(data["children"]),
                    form=data["form"],
                    made_at=as_aware(data["made_at"]),
                    notice=data["notice"],
                    more_time_until=data["more_time_until"],
                    signature=data["signature"],
                    signed_on=data["signed_on"],
                    witness_name=data["witness_name"],
                    second_witness_name=data["second_witness_name"],
                    interpreter_name=data["interpreter_name"],
                    interpreter_language=data["interpreter_language"],
                    counsel_advised=data["counsel_advised"],
                    counsel=data["counsel"],
                    counsel_name=data["counsel_name"],
                    waiver_explicit=data["waiver_explicit"],
                    signed_form=data["signed_form"],
                ),
            )
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Election recorded. A supervisor must acknowledge it.")
            return _to_parent(found.pk)
    return _form_page(request, found, form, "Record the parent's election", multipart=True)


@roles_required(ELECTION_RECORDERS, action="record withdrawals of elections")
@require_POST
def election_withdrawal(request: HttpRequest, election_id: UUID) -> HttpResponse:
    election = _election_or_404(request, election_id)
    found = election.parent
    form = WithdrawalForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors)
        election_withdraw(
            actor=acting_user(request), election=election, note=form.cleaned_data["note"]
        )
    except PermissionDenied as error:
        return forbidden(request, error)
    except ValidationError as error:
        messages.error(request, "Not withdrawn: " + " ".join(error.messages))
    else:
        messages.success(request, "Withdrawal recorded: no election governs until a new one.")
    return _to_parent(found.pk)


@roles_required(ELECTION_ACKNOWLEDGERS, action="acknowledge elections")
@require_POST
def election_acknowledgment(request: HttpRequest, election_id: UUID) -> HttpResponse:
    election = _election_or_404(request, election_id)
    try:
        election_acknowledge(actor=acting_user(request), election=election)
    except PermissionDenied as error:
        return forbidden(request, error)
    except ValidationError as error:
        messages.error(request, "Not acknowledged: " + " ".join(error.messages))
    else:
        messages.success(request, f"Election of {election.parent.full_name} acknowledged.")
    # Only two places acknowledge: the supervisor's queue and the parent's page.
    if request.POST.get("back_to") == "parent":
        return _to_parent(election.parent_id)
    return redirect("removals:supervision")


def _form_page(
    request: HttpRequest, found: Person, form: object, title: str, *, multipart: bool = False
) -> HttpResponse:
    return render(
        request,
        "elections/form.html",
        {"parent": found, "form": form, "title": title, "multipart": multipart},
        status=form_status(request),
    )

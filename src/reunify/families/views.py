"""Family pages: search, the family unit, and the forms that record its events.

Each view parses input, calls one service, and renders; the rules live elsewhere.
"""

from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from reunify.accounts.permissions import PermissionDenied
from reunify.accounts.roles import (
    CUSTODY_RECORDERS,
    FAMILY_RECORDERS,
    RECORD_HISTORY_READERS,
    REUNION_RECORDERS,
    SEPARATION_AUTHORISERS,
)
from reunify.audit.history import action_in_words, record_view
from reunify.audit.selectors import history_of_person
from reunify.elections.status import parent_status
from reunify.families.choices import PARENTAL_ROLES, MemberRole
from reunify.families.forms import (
    CustodyMoveForm,
    FamilyUnitForm,
    MemberFormSet,
    PersonForm,
    ReunionForm,
    SearchForm,
    SeparationForm,
    apply_service_errors,
    as_aware,
)
from reunify.families.languages import common_language_choices
from reunify.families.models import FamilyUnit
from reunify.families.overview import build_family_overview
from reunify.families.search_tokens import query_for, remember_query
from reunify.families.selectors import (
    family_unit_for,
    family_units_visible_to,
    members_of,
    persons_matching,
    persons_visible_to,
    separations_of,
    with_search_context,
)
from reunify.families.services import (
    NewMember,
    custody_move,
    family_unit_create_at_apprehension,
    membership_add,
    reunion_record,
    separations_record_for_children,
)
from reunify.web.access import roles_required
from reunify.web.responses import acting_user, forbidden


def _family_or_404(request: HttpRequest, family_unit_id: UUID) -> FamilyUnit:
    family_unit = family_unit_for(user=acting_user(request), family_unit_id=family_unit_id)
    if family_unit is None:
        raise Http404("No such family unit.")
    return family_unit


@login_required
def search(request: HttpRequest) -> HttpResponse:
    """Search by name or identifier. The query is posted and kept in the session; the
    results' address holds only a token (`search_tokens`), never the name."""
    if request.method == "POST":
        form = SearchForm(request.POST)
        query = form.cleaned_data["q"].strip() if form.is_valid() else ""
        token = remember_query(request.session, query) if query else ""
        address = f"{reverse('families:search')}?r={token}" if token else reverse("families:search")
        if request.headers.get("HX-Request") != "true":
            return redirect(address)
        response = search_results(request, query, token, template="families/_search_results.html")
        response["HX-Push-Url"] = address
        return response
    token = request.GET.get("r", "")
    template = (
        "families/_search_results.html"
        if request.headers.get("HX-Request") == "true"
        else "families/search.html"
    )
    return search_results(request, query_for(request.session, token), token, template=template)


def search_results(request: HttpRequest, query: str, token: str, *, template: str) -> HttpResponse:
    page = None
    if query:
        matches = persons_matching(user=acting_user(request), query=query)
        page = Paginator(matches, settings.PAGE_SIZE).get_page(request.GET.get("page"))
        page.object_list = list(
            with_search_context(
                matches.filter(pk__in=[p.pk for p in page]), user=acting_user(request)
            )
        )
    form = SearchForm(initial={"q": query})
    return render(request, template, {"form": form, "query": query, "token": token, "page": page})


@login_required
def person(request: HttpRequest, person_id: UUID) -> HttpResponse:
    """A person's page is their family unit's page, scrolled to them; for a user who may
    see the person but not the unit (counsel and their client), the person's decisions."""
    user = acting_user(request)
    found = persons_visible_to(user=user).filter(pk=person_id).first()
    if found is None:
        raise Http404("No such person.")
    membership = (
        found.memberships.filter(family_unit__in=family_units_visible_to(user=user))
        .order_by("-family_unit__apprehended_at")
        .first()
    )
    if membership is None:
        return redirect("elections:parent", person_id=found.pk)
    family_page = reverse("families:family-unit", args=[membership.family_unit_id])
    return redirect(f"{family_page}#person-{found.pk}")


@roles_required(RECORD_HISTORY_READERS, action="read a record's history")
def person_history(request: HttpRequest, person_id: UUID) -> HttpResponse:
    """Who changed and who looked at this person's record, and when."""
    user = acting_user(request)
    found = persons_visible_to(user=user).filter(pk=person_id).first()
    if found is None:
        raise Http404("No such person.")
    try:
        entries = history_of_person(user=user, person_id=found.pk)
    except PermissionDenied as refused:
        return forbidden(request, refused)
    page = Paginator(entries, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(entry, action_in_words(entry.action)) for entry in page]
    return render(
        request, "families/person_history.html", {"person": found, "page": page, "rows": rows}
    )


@login_required
def family_unit(request: HttpRequest, family_unit_id: UUID) -> HttpResponse:
    unit = _family_or_404(request, family_unit_id)
    members = members_of(unit)
    overview = build_family_overview(members, separations_of(unit), today=timezone.localdate())
    record_view(
        actor=acting_user(request),
        what="family_unit",
        subject_type="family_unit",
        subject_id=unit.pk,
        family_unit_id=unit.pk,
        person_ids=[member.person_id for member in members],
    )
    # Each parent with a child apart: notice, election and gate at a glance.
    parents_apart = {
        apart.parent.person.pk: apart.parent.person for apart in overview.open_separations
    }
    return render(
        request,
        "families/family_unit.html",
        {
            "unit": unit,
            "overview": overview,
            "decisions": [parent_status(parent) for parent in parents_apart.values()],
        },
    )


@roles_required(FAMILY_RECORDERS, action="record family units")
def family_unit_new(request: HttpRequest) -> HttpResponse:
    form = FamilyUnitForm(request.POST or None)
    members = MemberFormSet(request.POST or None, prefix="members")
    if request.method == "POST" and form.is_valid() and members.is_valid():
        filled = [m for m in members.forms if m.has_changed()]
        try:
            unit = family_unit_create_at_apprehension(
                actor=acting_user(request),
                apprehended_at=as_aware(form.cleaned_data["apprehended_at"]),
                station=form.cleaned_data["station"],
                apprehension_event_id=form.cleaned_data["apprehension_event_id"],
                members=[
                    NewMember(
                        m.person_details(),
                        role=m.cleaned_data["role"],
                        evidence=m.cleaned_data["evidence"],
                    )
                    for m in filled
                ],
            )
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            _apply_member_errors(form, filled, error)
        else:
            messages.success(request, f"Recorded family unit {unit.reference}.")
            return redirect("families:family-unit", family_unit_id=unit.pk)
    return render(
        request,
        "families/family_unit_new.html",
        {"form": form, "members": members, "language_names": common_language_choices()},
        status=400 if request.method == "POST" else 200,
    )


def _apply_member_errors(
    form: FamilyUnitForm, member_forms: list[PersonForm], error: ValidationError
) -> None:
    unit_errors: dict[str, list[str]] = {}
    for field, messages_ in error.message_dict.items():
        if field.startswith("members."):
            _, index, name = field.split(".", 2)
            member_forms[int(index)].add_error(
                name if name in member_forms[int(index)].fields else None, messages_
            )
        elif len(member_forms) == 1 and field in member_forms[0].fields:
            member_forms[0].add_error(field, messages_)
        else:
            unit_errors[field] = messages_
    if unit_errors:
        apply_service_errors(form, ValidationError(unit_errors))


@roles_required(FAMILY_RECORDERS, action="add family members")
def member_add(request: HttpRequest, family_unit_id: UUID) -> HttpResponse:
    unit = _family_or_404(request, family_unit_id)
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership_add(
                actor=acting_user(request),
                family_unit=unit,
                member=NewMember(
                    form.person_details(),
                    role=form.cleaned_data["role"],
                    evidence=form.cleaned_data["evidence"],
                ),
            )
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Member added.")
            return redirect("families:family-unit", family_unit_id=unit.pk)
    return _event_form(
        request,
        unit,
        form,
        "Add a member",
        "families/member_form.html",
        extra={"language_names": common_language_choices()},
    )


@roles_required(CUSTODY_RECORDERS, action="record custody moves")
def custody_move_new(request: HttpRequest, family_unit_id: UUID) -> HttpResponse:
    unit = _family_or_404(request, family_unit_id)
    form = CustodyMoveForm(
        request.POST or None,
        members=members_of(unit),
        initial={"person": request.GET.get("member")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            custody_move(
                actor=acting_user(request),
                person=data["person"].person,
                kind=data["kind"],
                facility=data["facility"],
                detail=data["detail"],
                country=data["country"],
                moved_at=as_aware(data["moved_at"]),
            )
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Custody move recorded.")
            return redirect("families:family-unit", family_unit_id=unit.pk)
    return _event_form(request, unit, form, "Record a custody move")


@roles_required(SEPARATION_AUTHORISERS, action="authorise separations")
def separation_new(request: HttpRequest, family_unit_id: UUID) -> HttpResponse:
    unit = _family_or_404(request, family_unit_id)
    members = members_of(unit)
    form = SeparationForm(request.POST or None, members=members)
    if not any(m.role in PARENTAL_ROLES for m in members) or not any(
        m.role == MemberRole.CHILD for m in members
    ):
        messages.error(request, "A separation needs a parent or guardian and a child in the unit.")
        return redirect("families:family-unit", family_unit_id=unit.pk)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            separations_record_for_children(
                actor=acting_user(request),
                family_unit=unit,
                parent=data["parent"].person,
                children=[m.person for m in data["children"]],
                separated_at=as_aware(data["separated_at"]),
                reason=data["reason"],
                reason_detail=data["reason_detail"],
            )
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, _child_errors_on_children(error))
        else:
            messages.success(request, "Separation recorded.")
            return redirect("families:family-unit", family_unit_id=unit.pk)
    return _event_form(request, unit, form, "Record a separation")


def _child_errors_on_children(error: ValidationError) -> ValidationError:
    """The service speaks of one child at a time; the form lists them as `children`."""
    renamed = {("children" if f == "child" else f): m for f, m in error.message_dict.items()}
    return ValidationError(renamed)


@roles_required(REUNION_RECORDERS, action="record reunions")
def reunion_new(request: HttpRequest, family_unit_id: UUID) -> HttpResponse:
    unit = _family_or_404(request, family_unit_id)
    open_separations = [s for s in separations_of(unit) if s.is_open]
    if not open_separations:
        messages.info(request, "No one in this family unit is apart: there is nothing to close.")
        return redirect("families:family-unit", family_unit_id=unit.pk)
    form = ReunionForm(request.POST or None, open_separations=open_separations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            reunion_record(
                actor=acting_user(request),
                family_unit=unit,
                separations=list(data["separations"]),
                reunited_at=as_aware(data["reunited_at"]),
                setting=data["setting"],
                method=data["method"],
                place=data["place"],
            )
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Reunion recorded.")
            return redirect("families:family-unit", family_unit_id=unit.pk)
    return _event_form(request, unit, form, "Record a reunion")


def _event_form(
    request: HttpRequest,
    unit: FamilyUnit,
    form: object,
    title: str,
    template: str = "families/event_form.html",
    extra: dict[str, object] | None = None,
) -> HttpResponse:
    return render(
        request,
        template,
        {"unit": unit, "form": form, "title": title, **(extra or {})},
        status=400 if request.method == "POST" else 200,
    )

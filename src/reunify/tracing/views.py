"""Tracing pages: the work queue, a case with its forms, removed parents nobody has
asked, and opening cases. Each POST parses a form and calls one service; a refusal
shows the case again with the reasons beside the fields (status 400)."""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied
from reunify.accounts.roles import TRACERS, TRACING_CONTACT_RECORDERS, TRACING_READERS
from reunify.audit.history import record_view
from reunify.families.forms import apply_service_errors, as_aware
from reunify.families.models import Membership
from reunify.families.selectors import persons_visible_to
from reunify.tracing import services
from reunify.tracing.figures import BREAKDOWNS, BY_KEY, cases_behind, tracing_figures
from reunify.tracing.forms import (
    AssignmentForm,
    AttemptForm,
    ContactForm,
    ParoleForm,
    PlanForm,
    QueueFilterForm,
    ReferralForm,
    ReunionForm,
    StateForm,
)
from reunify.tracing.models import ReunificationPlan, TracingCase
from reunify.tracing.selectors import (
    attempts_of,
    case_for,
    cases_visible_to,
    details_of,
    page_of_cases,
    queue_for,
    removed_parents_without_a_decision,
)
from reunify.tracing.trend_chart import trend_chart
from reunify.web.access import roles_required
from reunify.web.responses import acting_user, forbidden

CASES_PER_PAGE = 50


def _keep(request: HttpRequest) -> str:
    """The query string without `page`, for the pagination links."""
    kept = request.GET.copy()
    kept.pop("page", None)
    return kept.urlencode()


@roles_required(TRACING_READERS, action="read tracing cases")
def queue(request: HttpRequest) -> HttpResponse:
    """The work queue; with `figure` (and `dimension`, `value`) from the dashboard, the
    cases behind that number instead."""
    user = acting_user(request)
    figure = BY_KEY.get(request.GET.get("figure", ""))
    dimension = request.GET.get("dimension", "")
    if figure is not None:
        form = QueueFilterForm()
        behind = cases_behind(
            cases_visible_to(user=user),
            figure=figure.key,
            dimension=dimension,
            value=request.GET.get("value", ""),
        )
        cases = behind.order_by("child__first_surname", "child__given_names", "pk")
    else:
        form = QueueFilterForm(request.GET or None)
        cases = queue_for(user=user, asked=form.question())
    page = page_of_cases(cases, request.GET.get("page"), per_page=CASES_PER_PAGE)
    return render(
        request,
        "tracing/queue.html",
        {"form": form, "page": page, "keep": _keep(request), "today": timezone.localdate(),
         "may_trace": user.role in TRACERS, "figure": figure,
         "dimension": BREAKDOWNS.get(dimension), "value": request.GET.get("value", "")},
    )  # fmt: skip


@roles_required(TRACING_READERS, action="read the tracing dashboard")
def dashboard(request: HttpRequest) -> HttpResponse:
    figures = tracing_figures(cases_visible_to(user=acting_user(request)))
    chart = trend_chart(figures["breakdowns"]["period"]["rows"])
    return render(
        request,
        "tracing/dashboard.html",
        {"figures": figures, "as_of": timezone.now(), "chart": chart},
    )


@roles_required(TRACING_READERS, action="read tracing cases")
def removed_parents(request: HttpRequest) -> HttpResponse:
    cases = removed_parents_without_a_decision(user=acting_user(request))
    page = page_of_cases(cases, request.GET.get("page"), per_page=CASES_PER_PAGE)
    return render(request, "tracing/removed_parents.html", {"page": page})


@roles_required(TRACERS, action="open tracing cases")
@require_POST
def open_cases(request: HttpRequest) -> HttpResponse:
    try:
        done = services.tracing_cases_open_for_separated_children(actor=acting_user(request))
    except PermissionDenied as error:
        return forbidden(request, error)
    messages.success(
        request,
        f"{done['opened']} case(s) opened for separated children; "
        f"{done['closed_as_reunified']} closed by reunions recorded elsewhere.",
    )
    return redirect("tracing:queue")


class NewCaseForm(forms.Form):
    membership = forms.ModelChoiceField(
        queryset=Membership.objects.none(), label="Family unit and parent sought"
    )


def _sought_label(membership: Membership) -> str:
    role = membership.get_role_display().lower()
    return f"{membership.person.full_name} ({role}, {membership.family_unit.reference})"


@roles_required(TRACERS, action="open tracing cases")
def case_new(request: HttpRequest, person_id: UUID) -> HttpResponse:
    """Open a case on demand for a child: choose the family member sought."""
    user = acting_user(request)
    child = persons_visible_to(user=user).filter(pk=person_id).first()
    if child is None:
        raise Http404("No such person.")
    units = Membership.objects.filter(person=child, role="CHILD").values("family_unit_id")
    form = NewCaseForm(request.POST or None)
    field = form.fields["membership"]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = (
        Membership.objects.filter(family_unit_id__in=units)
        .exclude(person=child)
        .select_related("person", "family_unit")
    )
    field.label_from_instance = _sought_label  # type: ignore[method-assign,assignment]
    if request.method == "POST" and form.is_valid():
        sought: Membership = form.cleaned_data["membership"]
        try:
            case = services.tracing_case_open(
                actor=user, child=child, parent=sought.person, family_unit=sought.family_unit
            )
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Tracing case opened.")
            return redirect("tracing:case", case_id=case.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "tracing/case_new.html", {"child": child, "form": form}, status=status)


def _case_or_404(request: HttpRequest, case_id: UUID) -> TracingCase:
    case = case_for(user=acting_user(request), case_id=case_id)
    if case is None:
        raise Http404("No such tracing case.")
    return case


def _plan_of(case: TracingCase) -> ReunificationPlan | None:
    return (
        ReunificationPlan.objects.filter(case=case)
        .prefetch_related("parole_steps", "referrals")
        .first()
    )


def _plan_initial(plan: ReunificationPlan | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    return {"setting": plan.setting, "method": plan.method, "place": plan.place,
            "planned_for": plan.planned_for}  # fmt: skip


def _case_page(
    request: HttpRequest, case: TracingCase, bound: dict[str, forms.Form], status: int = 200
) -> HttpResponse:
    user = acting_user(request)
    plan = _plan_of(case)
    now = timezone.localtime().replace(second=0, microsecond=0, tzinfo=None)
    context: dict[str, Any] = {
        "case": case,
        "plan": plan,
        "attempts": attempts_of(case),
        "details": details_of(case),
        "contacts": list(case.contacts.select_related("recorded_by")),
        "may_trace": user.role in TRACERS,
        "may_log_contact": user.role in TRACING_CONTACT_RECORDERS,
        "attempt_form": AttemptForm(initial={"attempted_at": now}),
        "contact_form": ContactForm(initial={"happened_at": now}),
        "assignment_form": AssignmentForm(
            initial={
                "assigned_to": case.assigned_to_id,
                "organisation": case.assigned_organisation,
                "next_action": case.next_action,
                "next_action_due": case.next_action_due,
            }
        ),
        "state_form": StateForm(),
        "plan_form": PlanForm(initial=_plan_initial(plan)),
        "parole_form": ParoleForm(initial={"reached_on": timezone.localdate()}),
        "referral_form": ReferralForm(initial={"referred_on": timezone.localdate()}),
        "reunion_form": ReunionForm(
            initial={"reunited_at": now, "place": plan.place if plan else ""}
        ),
    }
    context.update(bound)
    return render(request, "tracing/case.html", context, status=status)


@roles_required(TRACING_READERS, action="read tracing cases")
def case(request: HttpRequest, case_id: UUID) -> HttpResponse:
    found = _case_or_404(request, case_id)
    record_view(
        actor=acting_user(request),
        what="tracing_case",
        subject_type="tracing_case",
        subject_id=found.pk,
        family_unit_id=found.family_unit_id,
        person_ids=[found.child_id, found.parent_id],
    )
    return _case_page(request, found, {})


Step = tuple[type[forms.Form], str, Callable[[User, TracingCase, dict[str, Any]], object], str]


def _need_plan(found: TracingCase) -> ReunificationPlan:
    plan = ReunificationPlan.objects.filter(case=found).first()
    if plan is None:
        raise ValidationError("Plan the reunification first: where, and how.")
    return plan


STEPS: dict[str, Step] = {
    "attempt": (
        AttemptForm,
        "attempt_form",
        lambda user, found, data: services.contact_attempt_record(
            actor=user, case=found, channel=data["channel"],
            attempted_at=as_aware(data["attempted_at"]), outcome=data["outcome"],
            detail_text=data["detail_text"], detail_kind=data["detail_kind"] or "PHONE",
            country=data["country"], made_by=data["made_by"],
            partner_organisation=data["partner_organisation"], notes=data["notes"],
            retry_dead=data["retry_dead"],
        ),
        "Attempt recorded.",
    ),
    "assignment": (
        AssignmentForm,
        "assignment_form",
        lambda user, found, data: services.tracing_case_assign(
            actor=user, case=found, assigned_to=data["assigned_to"],
            organisation=data["organisation"], next_action=data["next_action"],
            next_action_due=data["next_action_due"],
        ),
        "Assignment saved.",
    ),
    "state": (
        StateForm,
        "state_form",
        lambda user, found, data: services.tracing_case_set_state(
            actor=user, case=found, to=data["to"], why=data["why"]
        ),
        "Case moved.",
    ),
    "plan": (
        PlanForm,
        "plan_form",
        lambda user, found, data: services.reunification_plan(
            actor=user, case=found, setting=data["setting"], method=data["method"],
            place=data["place"], planned_for=data["planned_for"], notes=data["notes"],
        ),
        "Reunification planned.",
    ),
    "parole": (
        ParoleForm,
        "parole_form",
        lambda user, found, data: services.parole_step_record(
            actor=user, plan=_need_plan(found), milestone=data["milestone"],
            reached_on=data["reached_on"], notes=data["notes"],
        ),
        "Parole milestone recorded.",
    ),
    "referral": (
        ReferralForm,
        "referral_form",
        lambda user, found, data: services.service_referral_record(
            actor=user, plan=_need_plan(found), service=data["service"],
            provider=data["provider"], referred_on=data["referred_on"], notes=data["notes"],
        ),
        "Referral recorded.",
    ),
    "reunification": (
        ReunionForm,
        "reunion_form",
        lambda user, found, data: services.reunification_record(
            actor=user, case=found, reunited_at=as_aware(data["reunited_at"]), place=data["place"]
        ),
        "Reunification recorded: the case is closed.",
    ),
    "decline": (
        forms.Form,
        "decline_form",
        lambda user, found, data: services.tracing_case_decline(actor=user, case=found),
        "Closed: the parent's valid decision is that the child remain.",
    ),
}  # fmt: skip


def _posted(
    request: HttpRequest,
    found: TracingCase,
    form: forms.Form,
    name: str,
    act: Callable[[User, TracingCase, dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    if form.is_valid():
        try:
            act(acting_user(request), found, form.cleaned_data)
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                apply_service_errors(form, error)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, done)
            return redirect("tracing:case", case_id=found.pk)
    messages.error(request, "Nothing was recorded: " + " ".join(_messages_of(form)))
    return _case_page(request, _case_or_404(request, found.pk), {name: form}, status=400)


def _messages_of(form: forms.Form) -> list[str]:
    return [str(message) for errors in form.errors.values() for message in errors]


@roles_required(TRACERS, action="work tracing cases")
@require_POST
def case_step(request: HttpRequest, case_id: UUID, step: str) -> HttpResponse:
    if step not in STEPS:
        raise Http404("No such step.")
    form_class, name, act, done = STEPS[step]
    found = _case_or_404(request, case_id)
    return _posted(request, found, form_class(request.POST), name, act, done)


@roles_required(TRACING_CONTACT_RECORDERS, action="log parent-child contact")
@require_POST
def case_contact(request: HttpRequest, case_id: UUID) -> HttpResponse:
    found = _case_or_404(request, case_id)
    return _posted(
        request,
        found,
        ContactForm(request.POST),
        "contact_form",
        lambda user, case, data: services.parent_child_contact_record(
            actor=user,
            case=case,
            kind=data["kind"],
            happened_at=as_aware(data["happened_at"]),
            minutes=data["minutes"],
            notes=data["notes"],
        ),
        "Contact logged.",
    )

"""Reads of tracing cases that depend on who asks: every page, API answer and figure
starts from `cases_visible_to`, which follows the families selectors' scope (a case is
visible when its child is)."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from django.core.paginator import Page, Paginator
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from reunify.accounts.models import User
from reunify.elections.models import Election
from reunify.families.choices import CustodyKind
from reunify.families.selectors import persons_visible_to
from reunify.tracing.models import ContactAttempt, ContactDetail, TracingCase
from reunify.tracing.transitions import OPEN


def cases_visible_to(*, user: User) -> QuerySet[TracingCase]:
    persons = persons_visible_to(user=user)
    if not persons.query.has_filters():
        # The selector lets this user see every person: joining all of them to the cases
        # would only cost time (a scan of every person on each queue page).
        return TracingCase.objects.all()
    return TracingCase.objects.filter(child__in=persons)


def with_queue_context(cases: QuerySet[TracingCase]) -> QuerySet[TracingCase]:
    """What a queue row shows: both people, the family unit, who holds the case. Where
    the parent is, the case keeps itself (`parent_custody`, `parent_country`)."""
    return cases.select_related("child", "parent", "family_unit", "assigned_to")


def page_of_cases(
    cases: QuerySet[TracingCase], number: str | None, *, per_page: int
) -> "Page[TracingCase]":
    """One page of `cases`, in their order, each with what a queue row shows.

    The page's ids come from a query without the row joins, and only those cases are
    then read with them: PostgreSQL evaluates every join of every row an OFFSET skips, so
    a late page of 10,000 cases read whole took 150-300 ms (measured), and this way about
    a tenth of it."""
    # Counts and numbers the pages; its own rows are ids.
    paginator: Paginator[Any] = Paginator(cases.values_list("pk", flat=True), per_page)
    page = paginator.get_page(number)
    ids = list(page.object_list)
    found = {case.pk: case for case in with_queue_context(TracingCase.objects.filter(pk__in=ids))}
    return Page([found[pk] for pk in ids], page.number, page.paginator)


# Where the parent is now, read from the custody the case keeps (a custody move updates
# it): no join to custody episodes, so every queue filter reads the cases table alone.
def whereabouts_filter(whereabouts: str) -> Q:
    return {
        "removed": Q(parent_custody=CustodyKind.REMOVED),
        "in_country": ~Q(parent_custody__in=["", CustodyKind.REMOVED]),
        "unknown": Q(parent_custody=""),
    }[whereabouts]


def removed_to(country: str) -> Q:
    return Q(parent_custody=CustodyKind.REMOVED, parent_country=country)


AGE_BANDS = {"0-5": (0, 5), "6-12": (6, 12), "13-17": (13, 17)}
LAST_ATTEMPT = {
    "never": "No attempt yet",
    "7": "None in the last 7 days",
    "30": "None in the last 30 days",
}
DUE = {"overdue": "Overdue", "week": "Due within 7 days", "none": "No next action set"}
WHEREABOUTS = {
    "removed": "Parent removed from the country",
    "in_country": "Parent in the country",
    "unknown": "Parent's location unknown",
}


@dataclass(frozen=True)
class QueueFilter:
    """A work-queue question; blank fields ask nothing. Values are checked by the form."""

    state: str = ""
    open_only: bool = True
    age: str = ""
    nationality: str = ""
    parent_country: str = ""
    whereabouts: str = ""
    last_attempt: str = ""
    due: str = ""
    assigned: str = ""  # "me", "nobody", or an organisation's name
    no_contact_info: bool = False


def birth_dates_for_ages(low: int, high: int, *, today: date) -> tuple[date, date]:
    """Birth dates of people aged `low` to `high` today, inclusive."""
    earliest = today.replace(year=today.year - high - 1) + timedelta(days=1)
    latest = today.replace(year=today.year - low)
    return earliest, latest


def queue_for(*, user: User, asked: QueueFilter) -> QuerySet[TracingCase]:
    """The work queue: most urgent first (overdue next actions, then the longest without
    an attempt)."""
    cases = with_queue_context(cases_visible_to(user=user))
    if asked.state:
        cases = cases.filter(state=asked.state)
    elif asked.open_only:
        cases = cases.filter(closed_at__isnull=True)  # open: the queue index's condition
    today = timezone.localdate()
    if asked.age in AGE_BANDS:
        earliest, latest = birth_dates_for_ages(*AGE_BANDS[asked.age], today=today)
        cases = cases.filter(child__birth_date__range=(earliest, latest))
    if asked.nationality:
        cases = cases.filter(child_citizenship=asked.nationality)
    if asked.parent_country:
        cases = cases.filter(removed_to(asked.parent_country))
    if asked.whereabouts in WHEREABOUTS:
        cases = cases.filter(whereabouts_filter(asked.whereabouts))
    if asked.last_attempt == "never":
        cases = cases.filter(last_attempt_at__isnull=True)
    elif asked.last_attempt in LAST_ATTEMPT:
        since = timezone.now() - timedelta(days=int(asked.last_attempt))
        cases = cases.filter(Q(last_attempt_at__isnull=True) | Q(last_attempt_at__lt=since))
    if asked.due == "overdue":
        cases = cases.filter(next_action_due__lt=today)
    elif asked.due == "week":
        cases = cases.filter(next_action_due__lte=today + timedelta(days=7))
    elif asked.due == "none":
        cases = cases.filter(next_action_due__isnull=True)
    if asked.assigned == "me":
        cases = cases.filter(assigned_to=user)
    elif asked.assigned == "nobody":
        cases = cases.filter(assigned_to__isnull=True, assigned_organisation="")
    elif asked.assigned:
        cases = cases.filter(assigned_organisation__iexact=asked.assigned)
    if asked.no_contact_info:
        cases = cases.filter(no_contact_info=True)
    return cases.order_by(
        F("next_action_due").asc(nulls_last=True),
        F("last_attempt_at").asc(nulls_first=True),
        "created_at",
        "pk",
    )


def case_for(*, user: User, case_id: UUID) -> TracingCase | None:
    return with_queue_context(cases_visible_to(user=user)).filter(pk=case_id).first()


def attempts_of(case: TracingCase) -> list[ContactAttempt]:
    return list(case.attempts.select_related("detail", "recorded_by").order_by("-attempted_at"))


def details_of(case: TracingCase) -> list[ContactDetail]:
    return list(
        ContactDetail.objects.filter(person_id=case.parent_id).order_by("dead", "created_at")
    )


def removed_parents_without_a_decision(*, user: User) -> QuerySet[TracingCase]:
    """Open cases whose parent was removed and left no election at all about the child:
    the work queue shared with consulates and partner organisations abroad. (An election
    that exists but is deficient shows on the parent's decisions page and in the removals
    report; here are the parents nobody has even asked.)"""
    named = Election.objects.filter(parent=OuterRef("parent_id"), children=OuterRef("child_id"))
    return (
        with_queue_context(cases_visible_to(user=user))
        .filter(whereabouts_filter("removed"), state__in=sorted(OPEN))
        .annotate(has_election=Exists(named))
        .filter(has_election=False)
        .order_by("parent__first_surname", "parent__given_names", "pk")
    )

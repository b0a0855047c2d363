"""Reads of tracing cases that depend on who asks: every page, API answer and figure
starts from `cases_visible_to`, which follows the families selectors' scope (a case is
visible when its child is)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from reunify.accounts.models import User
from reunify.elections.models import Election
from reunify.families.choices import CustodyKind
from reunify.families.models import CustodyEpisode
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
    the parent is comes from `with_whereabouts`, for the rows of one page only."""
    return cases.select_related("child", "parent", "family_unit", "assigned_to")


def _open_custody() -> QuerySet[CustodyEpisode]:
    return CustodyEpisode.objects.filter(ended_at__isnull=True)


# Filters on where the parent is now, as semi-joins on open custody episodes: PostgreSQL
# runs each subquery once (a hashed subplan) instead of once per case (measured: a join
# or a correlated subquery per case made the queue over 10,000 cases take 200-1,300 ms).
def whereabouts_filter(whereabouts: str) -> Q:
    removed = _open_custody().filter(kind=CustodyKind.REMOVED).values("person_id")
    return {
        "removed": Q(parent_id__in=removed),
        "in_country": Q(
            parent_id__in=_open_custody().exclude(kind=CustodyKind.REMOVED).values("person_id")
        ),
        "unknown": ~Q(parent_id__in=_open_custody().values("person_id")),
    }[whereabouts]


def removed_to(country: str) -> Q:
    removed = _open_custody().filter(kind=CustodyKind.REMOVED, country=country)
    return Q(parent_id__in=removed.values("person_id"))


def with_whereabouts(cases: Iterable[TracingCase]) -> list[TracingCase]:
    """The cases, each with `parent_custody` (the kind of the parent's open custody, or
    None) and `parent_country` (where they were removed to), in one query."""
    rows = list(cases)
    found = {
        person_id: (kind, country)
        for person_id, kind, country in _open_custody()
        .filter(person_id__in={case.parent_id for case in rows})
        .values_list("person_id", "kind", "country")
    }
    for case in rows:
        kind, country = found.get(case.parent_id, (None, ""))
        # Read by templates and the API as if annotated; not columns of the case.
        setattr(case, "parent_custody", kind)  # noqa: B010
        setattr(case, "parent_country", country)  # noqa: B010
    return rows


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
        cases = cases.filter(child__citizenship=asked.nationality)
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
    found = with_queue_context(cases_visible_to(user=user)).filter(pk=case_id).first()
    return with_whereabouts([found])[0] if found else None


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

"""The removals report page: filters, the figures with their charts, and the people
behind a figure, each linked to their page.

The figures come from the report kept in the database for every worker (`report_store`,
`stored_figures`): filtered and counted there, so a visitor waits for a few aggregate
queries, not for the report to be built. The page says the moment the figures reflect;
when changes have been recorded since, it says how many and a rebuild starts out of the
request (`rebuild_behind`). Only when no report has ever been kept for the day asked is it
built while the visitor waits. Figures count every removal the records hold (they are
what oversight publishes); the people listed are only those the signed-in user may see
(`families.selectors`), and each list shown is recorded in the audit log as a view of
those people.
"""

import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from reunify.accounts.models import User
from reunify.audit.history import record_view
from reunify.families.models import Person
from reunify.families.selectors import persons_visible_to
from reunify.oversight.data_quality import FINDING_TITLES
from reunify.oversight.definitions import DEFICIENCY_WORDS, TITLES
from reunify.oversight.filters import ReportFilters
from reunify.oversight.forms import RemovalsFilterForm
from reunify.oversight.models import StoredCountedParent
from reunify.oversight.presentation import deficiency_figures, figures
from reunify.oversight.rebuild_behind import first_build, rebuild_in_background
from reunify.oversight.report import COUNTS
from reunify.oversight.report_store import changes_since, latest_stored
from reunify.oversight.stored_figures import StoredReport
from reunify.vocabulary import Deficiency
from reunify.web.responses import acting_user

PEOPLE_PER_PAGE = 50
DEFICIENCY_PREFIX = "deficiency:"
FINDING_PREFIX = "finding:"


def _kept_report(filters: ReportFilters) -> tuple[StoredReport | None, int]:
    """The kept report for the day asked (None: its first build is under way), and how
    many changes it has not seen."""
    stored = latest_stored(filters.as_of)
    if stored is None:
        stored = first_build(filters.as_of)
        return (None if stored is None else StoredReport(stored, filters)), 0
    behind = changes_since(stored)
    if behind:
        rebuild_in_background(filters.as_of)
    return StoredReport(stored, filters), behind


def _members(report: StoredReport, show: str) -> tuple[str, QuerySet[StoredCountedParent]] | None:
    """The figure named by `show` ("without_any_election", "deficiency:UNSIGNED") and the
    counted parents behind it; None for a name that is neither."""
    if show in COUNTS:
        return TITLES[show], report.members_of(show)
    code = show.removeprefix(DEFICIENCY_PREFIX)
    if show.startswith(DEFICIENCY_PREFIX) and code in Deficiency.__members__:
        deficiency = Deficiency(code)
        return (
            f"Elections that are {code}: {DEFICIENCY_WORDS[deficiency]}",
            report.with_deficiency(deficiency),
        )
    return None


def _visible(user: User, ids: QuerySet[Any]) -> QuerySet[Person]:
    """The people of `ids` (a query of person ids) this user may see, by name."""
    return (
        persons_visible_to(user=user)
        .filter(pk__in=ids)
        .only("id", "given_names", "first_surname", "second_surname")
        .order_by("first_surname", "second_surname", "given_names", "id")
    )


def _record_list_view(request: HttpRequest, user: User, people: list[Person]) -> None:
    if people:
        record_view(
            actor=user,
            what="removals_report",
            subject_type="report",
            subject_id=uuid.uuid5(uuid.NAMESPACE_URL, request.get_full_path()),
            person_ids=[person.pk for person in people],
        )


def _listing(
    request: HttpRequest, title: str, total: int, visible: int, page: Any
) -> dict[str, object]:
    keep = request.GET.copy()
    keep.pop("page", None)
    return {
        "show": request.GET.get("show"),
        "show_title": title,
        "show_total": total,
        "show_hidden": total - visible,
        "page": page,
        "show_keep": keep.urlencode(),
    }


@login_required
def removals(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    today = timezone.now().date()
    form = RemovalsFilterForm(request.GET or None, today=today)
    filters = form.report_filters()
    report, behind = _kept_report(filters)
    status = 400 if request.GET and not form.is_valid() else 200
    if report is None:
        waiting = {"form": form, "filters": filters, "being_built": True}
        return render(request, "oversight/removals.html", waiting, status=status)
    keep = request.GET.copy()
    keep.pop("page", None)
    keep.pop("show", None)
    finding_counts = report.finding_counts()
    context: dict[str, object] = {
        "form": form,
        "filters": filters,
        "report": report,
        "changes_since": behind,
        "figures": figures(report),
        "deficiencies": deficiency_figures(report),
        "findings": [
            (kind, title, finding_counts.get(kind, 0)) for kind, title in FINDING_TITLES.items()
        ],
        "keep": keep.urlencode(),
    }
    show = request.GET.get("show", "")
    chosen = _members(report, show)
    kind = show.removeprefix(FINDING_PREFIX)
    if chosen is not None:
        title, members = chosen
        people = _visible(user, members.values("person_id"))
        page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
        shown = list(page)
        by_id = {
            str(row.person_id): row for row in members.filter(person_id__in=[p.pk for p in shown])
        }
        rows = [(person, by_id[str(person.pk)]) for person in shown]
        _record_list_view(request, user, shown)
        total = members.count()
        context |= _listing(request, title, total, page.paginator.count, page) | {"rows": rows}
    elif show.startswith(FINDING_PREFIX) and kind in FINDING_TITLES:
        found = report.findings().filter(kind=kind)
        people = _visible(user, found.values("person_id"))
        page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
        shown = list(page)
        details: dict[str, list[str]] = {}
        for person_id, detail in found.filter(person_id__in=[p.pk for p in shown]).values_list(
            "person_id", "detail"
        ):
            details.setdefault(str(person_id), []).append(detail)
        finding_rows = [(person, details[str(person.pk)]) for person in shown]
        _record_list_view(request, user, shown)
        total = found.values("person_id").distinct().count()
        context |= _listing(request, FINDING_TITLES[kind], total, page.paginator.count, page)
        context["finding_rows"] = finding_rows
    return render(request, "oversight/removals.html", context, status=status)

"""The removals report page: filters, the figures with their charts, and the people
behind a figure, each linked to their page.

The report is built at most once a minute per set of filters (`report_cache`; the page
says when it was generated). Figures count every removal the records hold (they are what
oversight publishes); the people listed are only those the signed-in user may see
(`families.selectors`), and each list shown is recorded in the audit log as a view of
those people.
"""

import uuid
from typing import Any, cast
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from reunify.accounts.models import User
from reunify.audit.history import record_view
from reunify.families.models import Person
from reunify.families.selectors import persons_visible_to
from reunify.oversight.classification import CountedParent
from reunify.oversight.data_quality import FINDING_TITLES
from reunify.oversight.definitions import DEFICIENCY_WORDS, TITLES
from reunify.oversight.forms import RemovalsFilterForm
from reunify.oversight.id_sets import one_of
from reunify.oversight.presentation import deficiency_figures, figures
from reunify.oversight.report import COUNTS, RemovalsReport
from reunify.oversight.report_cache import recent_data_quality, recent_removals_report
from reunify.vocabulary import Deficiency
from reunify.web.responses import acting_user

PEOPLE_PER_PAGE = 50
DEFICIENCY_PREFIX = "deficiency:"
FINDING_PREFIX = "finding:"


def _members(report: RemovalsReport, show: str) -> tuple[str, list[CountedParent]] | None:
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


def _visible(user: User, ids: list[UUID]) -> list[Person]:
    """The people of `ids` this user may see, by name."""
    return list(
        persons_visible_to(user=user)
        .filter(pk__in=one_of(ids))
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
    report = recent_removals_report(form.report_filters(), today=today)
    keep = request.GET.copy()
    keep.pop("page", None)
    keep.pop("show", None)
    context: dict[str, object] = {
        "form": form,
        "report": report,
        "figures": figures(report),
        "deficiencies": deficiency_figures(report),
        "keep": keep.urlencode(),
    }

    quality = recent_data_quality(report, today=today)
    context["findings"] = [
        (kind, FINDING_TITLES[kind], len(found)) for kind, found in quality.findings.items()
    ]
    show = request.GET.get("show", "")
    chosen = _members(report, show)
    if chosen is not None:
        title, members = chosen
        by_id = {str(parent.person_id): parent for parent in members}
        people = _visible(user, [cast(UUID, parent.person_id) for parent in members])
        page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
        rows = [(person, by_id[str(person.pk)]) for person in page]
        _record_list_view(request, user, [person for person, _ in rows])
        context |= _listing(request, title, len(members), len(people), page) | {"rows": rows}
    elif show.removeprefix(FINDING_PREFIX) in quality.findings:
        kind = show.removeprefix(FINDING_PREFIX)
        found = quality.findings[kind]
        details: dict[str, list[str]] = {}
        for finding in found:
            details.setdefault(finding.person_id, []).append(finding.detail)
        people = _visible(user, [UUID(person_id) for person_id in details])
        page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
        finding_rows = [(person, details[str(person.pk)]) for person in page]
        _record_list_view(request, user, [person for person, _ in finding_rows])
        context |= _listing(request, FINDING_TITLES[kind], len(details), len(people), page)
        context["finding_rows"] = finding_rows
    status = 400 if request.GET and not form.is_valid() else 200
    return render(request, "oversight/removals.html", context, status=status)

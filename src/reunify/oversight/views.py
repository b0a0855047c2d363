"""The removals report page: filters, the figures with their charts, and the people
behind a figure, each linked to their page.

Figures count every removal the records hold (they are what oversight publishes); the
people listed are only those the signed-in user may see (`families.selectors`), and each
list shown is recorded in the audit log as a view of those people.
"""

import uuid

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
from reunify.oversight.definitions import DEFICIENCY_WORDS, TITLES
from reunify.oversight.forms import RemovalsFilterForm
from reunify.oversight.presentation import deficiency_figures, figures
from reunify.oversight.read_model import removals_report, removed_parents
from reunify.oversight.report import COUNTS, RemovalsReport
from reunify.vocabulary import Deficiency
from reunify.web.responses import acting_user

PEOPLE_PER_PAGE = 50
IDS_IN_ONE_QUERY = 5000
DEFICIENCY_PREFIX = "deficiency:"


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


def _visible(user: User, report: RemovalsReport, members: list[CountedParent]) -> list[Person]:
    """The members this user may see, by name."""
    ids = [parent.person_id for parent in members]
    persons = persons_visible_to(user=user).only(
        "id", "given_names", "first_surname", "second_surname"
    )
    if len(ids) <= IDS_IN_ONE_QUERY:
        persons = persons.filter(pk__in=ids)
    else:  # PostgreSQL takes at most 65,535 parameters: ask through the removed parents
        persons = persons.filter(pk__in=removed_parents(report.filters.cut))
    wanted = {str(person_id) for person_id in ids}
    ordered = persons.order_by("first_surname", "second_surname", "given_names", "id")
    return [person for person in ordered if str(person.pk) in wanted]


@login_required
def removals(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = RemovalsFilterForm(request.GET or None, today=timezone.now().date())
    report = removals_report(form.report_filters())
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

    chosen = _members(report, request.GET.get("show", ""))
    if chosen is not None:
        title, members = chosen
        by_id = {str(parent.person_id): parent for parent in members}
        people = _visible(user, report, members)
        page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
        rows = [(person, by_id[str(person.pk)]) for person in page]
        if rows:
            record_view(
                actor=user,
                what="removals_report",
                subject_type="report",
                subject_id=uuid.uuid5(uuid.NAMESPACE_URL, request.get_full_path()),
                person_ids=[person.pk for person, _ in rows],
            )
        show_keep = request.GET.copy()
        show_keep.pop("page", None)
        context |= {
            "show": request.GET.get("show"),
            "show_title": title,
            "show_total": len(members),
            "show_hidden": len(members) - len(people),
            "page": page,
            "rows": rows,
            "show_keep": show_keep.urlencode(),
        }
    status = 400 if request.GET and not form.is_valid() else 200
    return render(request, "oversight/removals.html", context, status=status)

"""The page's figures read from a kept build (`models`), filtered and counted by the
database: the same filters as `filters.ReportFilters.keeps`, the same figures as
`report.RemovalsReport`, in a few aggregate queries however many parents there are.
`tests/oversight/test_stored_figures.py` holds them to the report built afresh.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from django.db.models import Count, Q, QuerySet

from reunify.oversight.classification import RemovalClass
from reunify.oversight.data_quality import LINKS_IN_REVIEW
from reunify.oversight.filters import ReportFilters
from reunify.oversight.models import StoredCountedParent, StoredFinding, StoredRemovalsReport
from reunify.oversight.report import (
    ACKNOWLEDGMENT_UNKNOWN,
    COUNTS,
    GATE_OVERRIDES,
    TOTAL,
    months_between,
)
from reunify.vocabulary import Deficiency


def _figure_condition(count: str) -> Q:
    """The rows behind one of `report.COUNTS`."""
    if count == TOTAL:
        return Q()
    if count == ACKNOWLEDGMENT_UNKNOWN:
        return Q(acknowledgment_unknown=True)
    if count == GATE_OVERRIDES:
        return Q(passed_by_override=True)
    return Q(removal_class=RemovalClass(count).value)


def _deficiency_condition(code: Deficiency) -> Q:
    return Q(deficiencies__contains=f"|{code.value}|")


@dataclass(frozen=True)
class StoredReport:
    """A kept build seen through the page's filters."""

    stored: StoredRemovalsReport
    filters: ReportFilters

    @property
    def generated_at(self) -> datetime:
        """The moment the figures reflect: when the build read the records."""
        return self.stored.read_at

    @cached_property
    def rows(self) -> QuerySet[StoredCountedParent]:
        """`ReportFilters.keeps`, in SQL."""
        rows = StoredCountedParent.objects.filter(report=self.stored).order_by()
        filters = self.filters
        if filters.removed_from:
            rows = rows.filter(removal_day__gte=filters.removed_from)
        if filters.removed_to:
            rows = rows.filter(removal_day__lte=filters.removed_to)
        if filters.facilities:
            rows = rows.filter(facility_folded__in=[name.casefold() for name in filters.facilities])
        if filters.nationality:
            rows = rows.filter(nationality=filters.nationality)
        return rows

    @cached_property
    def _tallies(self) -> dict[str, int]:
        # `report` is a field name of the rows, so the aggregates are named apart from it.
        asked = {f"count_{count}": Count("pk", filter=_figure_condition(count)) for count in COUNTS}
        asked |= {
            f"code_{code.value}": Count("pk", filter=_deficiency_condition(code))
            for code in Deficiency
        }
        return {name: int(value or 0) for name, value in self.rows.aggregate(**asked).items()}

    @property
    def counts(self) -> dict[str, int]:
        return {count: self._tallies[f"count_{count}"] for count in COUNTS}

    @property
    def deficiency_counts(self) -> dict[str, int]:
        return {code.value: self._tallies[f"code_{code.value}"] for code in Deficiency}

    def over_time(self) -> list[dict[str, Any]]:
        """`RemovalsReport.over_time`: each count by month of removal, every month from the
        first to the last."""
        tallies: dict[str, Counter[str]] = {}
        for month, removal_class, parents, unknown, overridden in (
            self.rows.values("removal_month", "removal_class")
            .annotate(
                parents=Count("pk"),
                unknown=Count("pk", filter=Q(acknowledgment_unknown=True)),
                overridden=Count("pk", filter=Q(passed_by_override=True)),
            )
            .values_list("removal_month", "removal_class", "parents", "unknown", "overridden")
        ):
            tally = tallies.setdefault(month, Counter())
            tally[TOTAL] += parents
            tally[removal_class] += parents
            tally[ACKNOWLEDGMENT_UNKNOWN] += unknown
            tally[GATE_OVERRIDES] += overridden
        if not tallies:
            return []
        return [
            {"month": month, **{count: tallies.get(month, Counter())[count] for count in COUNTS}}
            for month in months_between(min(tallies), max(tallies))
        ]

    def members_of(self, count: str) -> QuerySet[StoredCountedParent]:
        return self.rows.filter(_figure_condition(count))

    def with_deficiency(self, code: Deficiency) -> QuerySet[StoredCountedParent]:
        return self.rows.filter(_deficiency_condition(code))

    def findings(self) -> QuerySet[StoredFinding]:
        """`data_quality.data_quality` of the filtered report: links in review of anyone
        removed, the other findings only of the parents the filters keep."""
        found = StoredFinding.objects.filter(report=self.stored)
        return found.filter(
            Q(kind=LINKS_IN_REVIEW) | Q(person_id__in=self.rows.values("person_id"))
        ).order_by("kind", "position")

    def finding_counts(self) -> dict[str, int]:
        return dict(
            self.findings()
            .order_by()
            .values("kind")
            .annotate(n=Count("pk"))
            .values_list("kind", "n")
        )

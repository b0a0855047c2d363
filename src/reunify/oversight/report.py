"""The removals report as a value: the counted parents, the figures and the people behind
each, in the published JSON form (DESIGN.md "Oversight: the removals report").

Pure: built by `read_model.removals_report` from the database, or by tests from plain
records, and rendered by every format (JSON, CSV, XLSX, PDF, the page).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from reunify.oversight.classification import CountedParent, RemovalClass
from reunify.oversight.filters import ReportFilters
from reunify.vocabulary import Deficiency

TOTAL = "removed_parents_with_separated_children"
ACKNOWLEDGMENT_UNKNOWN = "acknowledgment_unknown"
GATE_OVERRIDES = "gate_overrides"
# Every count the report publishes, in the order it presents them.
COUNTS: tuple[str, ...] = (
    TOTAL,
    *(removal_class.value for removal_class in RemovalClass),
    ACKNOWLEDGMENT_UNKNOWN,
    GATE_OVERRIDES,
)


def _ids(parents: Iterable[CountedParent]) -> list[str]:
    return sorted(parent.person_key for parent in parents)


@dataclass(frozen=True)
class RemovalsReport:
    parents: tuple[CountedParent, ...]
    filters: ReportFilters
    generated_at: datetime

    @cached_property
    def by_person(self) -> dict[str, CountedParent]:
        return {parent.person_key: parent for parent in self.parents}

    def members_of(self, count: str) -> list[CountedParent]:
        """The counted parents behind one of `COUNTS`."""
        return self._members[count]

    def _find_members(self, count: str) -> list[CountedParent]:
        if count == TOTAL:
            return list(self.parents)
        if count == ACKNOWLEDGMENT_UNKNOWN:
            return [p for p in self.parents if p.acknowledgment_unknown]
        if count == GATE_OVERRIDES:
            return [p for p in self.parents if p.passed_by_override]
        wanted = RemovalClass(count)
        return [p for p in self.parents if p.removal_class is wanted]

    def with_deficiency(self, code: Deficiency) -> list[CountedParent]:
        return [p for p in self.parents if code in p.deficiencies]

    @cached_property
    def _members(self) -> dict[str, list[CountedParent]]:
        return {count: self._find_members(count) for count in COUNTS}

    @cached_property
    def counts(self) -> dict[str, int]:
        return {count: len(self.members_of(count)) for count in COUNTS}

    @cached_property
    def deficiency_counts(self) -> dict[str, int]:
        return {code.value: len(self.with_deficiency(code)) for code in Deficiency}

    def over_time(self) -> list[dict[str, Any]]:
        """Each count by the month of the removal, every month from first to last."""
        tallies: dict[str, Counter[str]] = {}
        for count in COUNTS:
            for parent in self.members_of(count):
                tallies.setdefault(parent.removal_month, Counter())[count] += 1
        if not tallies:
            return []
        months = months_between(min(tallies), max(tallies))
        return [
            {"month": month, **{count: tallies.get(month, Counter())[count] for count in COUNTS}}
            for month in months
        ]

    def to_json(self) -> dict[str, Any]:
        report: dict[str, Any] = {
            "report": "removals",
            "generated_at": self.generated_at.isoformat(),
            "as_of": self.filters.as_of.isoformat() if self.filters.as_of else None,
            "filters": self.filters.to_json(),
        }
        for count in COUNTS:
            report[count] = self.counts[count]
            report[f"persons_{count}"] = _ids(self.members_of(count))
        report["deficiencies"] = dict(self.deficiency_counts)
        report["persons_by_deficiency"] = {
            code.value: _ids(self.with_deficiency(code)) for code in Deficiency
        }
        report["overrides"] = [
            {
                "person": str(parent.person_id),
                "removed_at": parent.removal.at.isoformat(),
                "justifications": list(parent.override_justifications),
            }
            for parent in sorted(
                self.members_of(GATE_OVERRIDES), key=lambda found: found.person_key
            )
        ]
        report["over_time"] = self.over_time()
        return report


def months_between(first: str, last: str) -> list[str]:
    year, month = (int(part) for part in first.split("-"))
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months

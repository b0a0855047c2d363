"""One row per counted parent, the same for CSV, XLSX, the PDF's table and the page.

Every value that reaches a spreadsheet is made inert (`web.spreadsheet_safety`): names
and facilities come from agency extracts.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC

from reunify.families.countries import country_name
from reunify.oversight.classification import CountedParent, RemovalClass
from reunify.oversight.report import RemovalsReport
from reunify.web.spreadsheet_safety import inert

CLASS_WORDS = {
    RemovalClass.VALID: "valid",
    RemovalClass.NO_ELECTION: "none",
    RemovalClass.DEFICIENT: "deficient",
    RemovalClass.CONTRARY: "contrary",
}
COLUMNS = (
    "person_id",
    "name",
    "removed_on",
    "removed_to",
    "held_at",
    "nationality",
    "class",
    "deficiencies",
    "acknowledgment_unknown",
    "gate_override",
    "election_option",
    "election_made_on",
    "election_origin",
    "children_left",
)


@dataclass(frozen=True, slots=True)
class CaseRow:
    parent: CountedParent
    name: str

    def values(self) -> tuple[str, ...]:
        parent = self.parent
        verdict = parent.verdict
        return (
            str(parent.person_id),
            self.name,
            parent.removal.at.astimezone(UTC).date().isoformat(),
            parent.removal.country,
            parent.removal.facility,
            parent.nationality,
            parent.removal_class.value,
            " ".join(code.value for code in parent.deficiencies),
            "yes" if parent.acknowledgment_unknown else "no",
            "yes" if parent.passed_by_override else "no",
            verdict.option.value if verdict else "",
            verdict.made_at.astimezone(UTC).date().isoformat() if verdict else "",
            verdict.origin.value if verdict else "",
            " ".join(sorted(str(child) for child in parent.children_left)),
        )

    def inert_values(self) -> tuple[str, ...]:
        return tuple(inert(value) for value in self.values())

    @property
    def destination(self) -> str:
        return country_name(self.parent.removal.country)

    @property
    def class_word(self) -> str:
        """The class in one word, for a printed table."""
        return CLASS_WORDS[self.parent.removal_class]

    @property
    def option_words(self) -> str:
        verdict = self.parent.verdict
        return verdict.option.value.replace("_", " ").lower() if verdict else ""


def case_rows(report: RemovalsReport, names: Mapping[str, str]) -> Iterator[CaseRow]:
    """Rows by removal date, then person id: the order an auditor reads a case list in."""
    for parent in sorted(
        report.parents, key=lambda found: (found.removal.at, str(found.person_id))
    ):
        yield CaseRow(parent, names.get(str(parent.person_id), ""))

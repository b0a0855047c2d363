"""Findings that make the removals report uncertain, listed so someone can resolve them.

- removed persons with a parent-child link linkage proposed but nobody has decided
  (`linkage.FamilyLink` status REVIEW): until decided, no separation exists for it, so the
  report may miss a parent or a child left behind;
- elections of the counted parents whose fields contradict each other (`contradictions`);
- counted parents whose agencies recorded languages with none in common: the
  LANGUAGE_NOT_UNDERSTOOD verdict rests on which agency was right.

Read set-wise, like the report. Linkage tables say what the records are now; as of an
earlier day, only the set of removed persons follows `--as-of`.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast
from uuid import UUID

from reunify.elections.models import Election
from reunify.imports.models import RECORD_MODELS
from reunify.linkage.models import FamilyLink, FamilyLinkStatus, LinkedRecord
from reunify.oversight.contradictions import (
    CONTRADICTION_WORDS,
    election_contradictions,
    languages_conflict,
)
from reunify.oversight.id_sets import one_of
from reunify.oversight.read_model import removal_episodes
from reunify.oversight.report import RemovalsReport

LINKS_IN_REVIEW = "removed_persons_with_links_in_review"
CONTRADICTORY_ELECTIONS = "contradictory_elections"
CONFLICTING_LANGUAGES = "removed_parents_with_conflicting_languages"

FINDING_TITLES = {
    LINKS_IN_REVIEW: "Removed people with a parent-child link still in review",
    CONTRADICTORY_ELECTIONS: "Elections of removed parents with contradictory fields",
    CONFLICTING_LANGUAGES: "Removed parents whose agencies recorded different languages",
}
ELECTION_COLUMNS = (
    "id",
    "parent_id",
    "option",
    "form",
    "made_at",
    "signature",
    "signed_on",
    "waiver_explicit",
    "more_time_until",
    "counsel_advised",
    "counsel",
    "acknowledged_at",
    "withdrawn_at",
)


@dataclass(frozen=True, slots=True)
class Finding:
    person_id: str
    detail: str


@dataclass(frozen=True)
class DataQuality:
    findings: dict[str, list[Finding]]

    def to_json(self) -> dict[str, Any]:
        return {
            kind: {
                "count": len(found),
                "persons": sorted({finding.person_id for finding in found}),
                "details": [
                    {"person": finding.person_id, "detail": finding.detail} for finding in found
                ],
            }
            for kind, found in self.findings.items()
        }


def data_quality(report: RemovalsReport) -> DataQuality:
    """The findings that bear on `report`: links in review of anyone removed (as of its
    day), contradictions and language conflicts of the parents it counts."""
    cut = report.filters.cut
    parents = [cast(UUID, parent.person_id) for parent in report.parents]
    return DataQuality(
        {
            LINKS_IN_REVIEW: links_in_review(cut),
            CONTRADICTORY_ELECTIONS: contradictory_elections(parents, cut),
            CONFLICTING_LANGUAGES: conflicting_languages(parents),
        }
    )


def links_in_review(cut: datetime | None) -> list[Finding]:
    # Few links wait for review: each side is looked up among the removed by the database.
    removed = removal_episodes(cut).values("person_id")
    in_review = FamilyLink.objects.filter(status=FamilyLinkStatus.REVIEW).order_by(
        "parent_person_id", "child_person_id"
    )
    found: dict[str, list[str]] = defaultdict(list)
    for parent_id, child_id, confidence in in_review.filter(
        parent_person_id__in=removed
    ).values_list("parent_person_id", "child_person_id", "confidence"):
        found[str(parent_id)].append(f"parent of {child_id}? (confidence {confidence:.2f})")
    for parent_id, child_id, confidence in in_review.filter(
        child_person_id__in=removed
    ).values_list("parent_person_id", "child_person_id", "confidence"):
        found[str(child_id)].append(f"child of {parent_id}? (confidence {confidence:.2f})")
    return [Finding(person_id, "; ".join(words)) for person_id, words in sorted(found.items())]


def contradictory_elections(parents: list[UUID], cut: datetime | None) -> list[Finding]:
    elections = Election.objects.filter(parent_id__in=one_of(parents))
    if cut is not None:
        elections = elections.filter(created_at__lt=cut, made_at__lt=cut)
    findings = []
    for values in elections.order_by("parent_id", "made_at").values(*ELECTION_COLUMNS):
        codes = election_contradictions(values)
        if codes:
            words = "; ".join(f"{code.value}: {CONTRADICTION_WORDS[code]}" for code in codes)
            made = values["made_at"].date().isoformat()
            findings.append(Finding(str(values["parent_id"]), f"election of {made}: {words}"))
    return findings


def conflicting_languages(parents: list[UUID]) -> list[Finding]:
    """Languages by agency, from each removed parent's linked extract records."""
    linked = LinkedRecord.objects.filter(person_id__in=one_of(parents)).order_by()
    person_of = {
        (source, record_id): str(person_id)
        for source, record_id, person_id in linked.values_list("source", "record_id", "person_id")
    }
    by_person: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for source, model in RECORD_MODELS.items():
        for record_id, languages in (
            model.objects.filter(record_id__in=linked.filter(source=source).values("record_id"))
            .exclude(languages="")
            .values_list("record_id", "languages")
        ):
            by_person[person_of[(source, record_id)]][source].update(languages.split())
    return [
        Finding(person_id, _languages_words(agencies))
        for person_id, agencies in sorted(by_person.items())
        if languages_conflict(agencies)
    ]


def _languages_words(agencies: dict[str, set[str]]) -> str:
    return "; ".join(
        f"{source}: {' '.join(sorted(codes))}"
        for source, codes in sorted(agencies.items())
        if codes
    )

"""What the report needs to know about one removed parent, however it was read, and how
the report is made from it.

Two readers fill `GatheredParent`: the ORM path (`read_model`, every database) and one
PostgreSQL statement (`report_sql`). Both hand their rows to `report_from`, so the
election rules, the classes and the filters run the same code whichever read them;
`tests/oversight/test_report_sql.py` holds the two readers to the same report.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from uuid import UUID

from django.db.models.base import ModelState
from django.utils import timezone

from reunify.elections.facts import election_facts, rules_the_record_cannot_show
from reunify.elections.models import Election, Notice
from reunify.elections.validity import deficiencies_of
from reunify.oversight.classification import CountedParent, GoverningVerdict
from reunify.oversight.counted_removals import Removal
from reunify.oversight.filters import ReportFilters
from reunify.oversight.report import RemovalsReport
from reunify.vocabulary import ElectionOption, ElectionOrigin

# The election columns the rules read (`elections.facts.election_facts`), and the two the
# report needs to pick the governing one, in the model's own order (`from_db` wants it).
ELECTION_FIELDS = tuple(
    field.attname
    for field in Election._meta.concrete_fields
    if field.attname
    in {
        "id",
        "parent_id",
        "notice_id",
        "option",
        "form",
        "made_at",
        "created_at",
        "signature",
        "signed_on",
        "witness_name",
        "second_witness_name",
        "notice_language",
        "interpreter_language",
        "counsel_advised",
        "counsel",
        "waiver_explicit",
        "acknowledged_at",
        "withdrawn_at",
        "origin",
    }
)
NOTICE_FIELDS = tuple(
    field.attname
    for field in Notice._meta.concrete_fields
    if field.attname in {"id", "delivered_at", "language", "interpreter_language"}
)


@dataclass(frozen=True, slots=True)
class GatheredParent:
    """A removed parent whose counted removal left `children_left` behind, with the facts
    of their governing election (`election` holds `ELECTION_FIELDS`, None: no election)."""

    person_id: UUID
    removal: Removal
    children_left: tuple[UUID, ...]
    nationality: str
    election: dict[str, Any] | None
    notice: dict[str, Any] | None
    children_named: frozenset[UUID]
    spoken: frozenset[str]
    apart_when_elected: frozenset[UUID]
    # None when the removal did not pass the gate by an override.
    override_justifications: tuple[str, ...] | None


def _loaded_election(values: dict[str, Any]) -> Election:
    """An Election as `Model.from_db` would load these columns.

    `from_db` walks every field of the model (about 55 µs a row, measured); the report
    builds one election per counted parent, a hundred thousand at national scale. This
    fills a fresh instance's attributes with the same values instead (about 6 µs). Only
    `ELECTION_FIELDS` are set, and `election_facts` reads only those.
    """
    election = Election.__new__(Election)
    election._state = ModelState()
    election._state.adding = False
    election._state.db = Election.objects.db
    election.__dict__.update(values)
    return election


def election_as_known(
    values: dict[str, Any], notice: dict[str, Any] | None, cut: datetime | None
) -> Election:
    """The election as the records stood at `cut`: an acknowledgment, a withdrawal or a
    notice's delivery recorded later had not happened yet."""
    election = _loaded_election(values)
    if cut is not None:
        if election.acknowledged_at is not None and election.acknowledged_at >= cut:
            election.acknowledged_at = None
        if election.withdrawn_at is not None and election.withdrawn_at >= cut:
            election.withdrawn_at = None
    if notice is not None:
        if cut is not None and notice["delivered_at"] is not None and notice["delivered_at"] >= cut:
            notice = notice | {"delivered_at": None}
        election.notice = Notice.from_db(
            Notice.objects.db, list(NOTICE_FIELDS), [notice[name] for name in NOTICE_FIELDS]
        )
    return election


def verdict_on(parent: GatheredParent, cut: datetime | None) -> GoverningVerdict | None:
    if parent.election is None:
        return None
    election = election_as_known(parent.election, parent.notice, cut)
    facts = election_facts(
        election,
        is_latest=True,
        parent_languages=parent.spoken,
        children_named=parent.children_named,
        children_separated_at_the_time=parent.apart_when_elected,
        removed_at=parent.removal.at,
    )
    unjudged = rules_the_record_cannot_show(election)
    return GoverningVerdict(
        election_id=election.pk,
        option=ElectionOption(election.option),
        origin=ElectionOrigin(election.origin),
        made_at=election.made_at,
        deficiencies=deficiencies_of(facts, cannot_show=unjudged),
        unjudged=unjudged,
    )


def report_from(
    gathered: Iterable[GatheredParent], filters: ReportFilters, *, now: datetime | None = None
) -> RemovalsReport:
    """Filter, judge and classify the gathered parents."""
    parents = []
    for parent in gathered:
        if not filters.keeps(
            removed_at=parent.removal.at,
            facility=parent.removal.facility,
            nationality=parent.nationality,
        ):
            continue
        parents.append(
            CountedParent(
                person_id=parent.person_id,
                removal=parent.removal,
                children_left=parent.children_left,
                nationality=parent.nationality,
                verdict=verdict_on(parent, filters.cut),
                passed_by_override=parent.override_justifications is not None,
                override_justifications=parent.override_justifications or (),
            )
        )
    parents.sort(key=lambda counted: counted.person_key)
    return RemovalsReport(
        parents=tuple(parents), filters=filters, generated_at=now or timezone.now()
    )


def with_facility(removal: Removal, facility: str | None) -> Removal:
    return replace(removal, facility=facility or "")

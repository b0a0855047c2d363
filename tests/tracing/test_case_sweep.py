"""The sweep opens, in bulk, the cases that opening them one at a time in the order of
their separations would open, with the same history entries, and closes reunited cases
as closing them one at a time would; the audit chain holds after it."""

from datetime import datetime
from typing import Any
from uuid import UUID

import pytest
from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.audit.models import HistoryEntry
from reunify.audit.verification import verify_log
from reunify.demo.load_world import load_world
from reunify.families.choices import SeparationReason
from reunify.families.models import Facility, FamilyUnit, Person, Separation
from reunify.synth import build_world
from reunify.tracing.choices import DetailKind
from reunify.tracing.models import TracingCase
from reunify.tracing.services import (
    case_sweep,
    contact_detail_add,
    tracing_case_open,
    tracing_case_set_state,
    tracing_cases_open_for_separated_children,
)
from reunify.tracing.services.case_facts import KEPT_FIELDS
from reunify.tracing.services.cases import reunion_close, tracing_case_open_for_separation
from reunify.tracing.transitions import TracingState
from tests.elections.factories import days_ago, kiche_mother_with_children
from tests.families.factories import mother_and_daughter, reunite, separate
from tests.tracing.factories import CastMember

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

NOTHING = {"opened": 0, "closed_as_reunified": 0, "facts_refreshed": 0}


def written_in_bulk(*, unit: FamilyUnit, parent: Person, child: Person, at: datetime) -> Separation:
    """A separation as a linkage run writes it: no service, so no case opens with it."""
    return Separation.objects.create(
        family_unit=unit,
        parent=parent,
        child=child,
        separated_at=at,
        reason=SeparationReason.PARENT_PROSECUTED,
        authoriser_name="Watch commander, Ursula",
    )


def swept_one_case_at_a_time(*, actor: User | None) -> None:
    """The sweep as it was before it worked in sets: each reunited case through the
    service that closes one; then each open separation without a case, in order, through
    the service that opens one."""
    reunited = TracingCase.objects.filter(closed_at__isnull=True, separation__reunion__isnull=False)
    for case in reunited.select_related("separation__reunion"):
        assert case.separation is not None
        assert case.separation.reunion is not None
        reunion_close(actor=actor, case=case, reunion=case.separation.reunion)
    untraced = Separation.objects.filter(reunion__isnull=True, tracing_cases__isnull=True)
    for separation in untraced.order_by("separated_at", "pk"):
        tracing_case_open_for_separation(actor=actor, separation=separation)


def what_was_written(*, after: int) -> tuple[set[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The cases, and the history entries appended past sequence `after` in their order,
    with each entry's case named by its separation (case ids are new each time)."""
    cases = {
        case.pk: (
            case.separation_id,
            case.child_id,
            case.parent_id,
            case.family_unit_id,
            case.opened_by_id,
            case.no_contact_info,
            case.state,
            case.closed_at is None,
            case.reunion_id,
            *(getattr(case, field) for field in KEPT_FIELDS),
        )
        for case in TracingCase.objects.all()
    }
    entries = [
        (
            entry.action,
            entry.actor_id,
            entry.actor_label,
            entry.subject_type,
            cases[UUID(str(entry.subject_id))][0],
            entry.family_unit_id,
            entry.person_ids,
            entry.changes,
        )
        for entry in HistoryEntry.objects.filter(sequence__gt=after).order_by("sequence")
    ]
    return set(cases.values()), entries


def newest_sequence() -> int:
    newest = HistoryEntry.objects.order_by("-sequence").first()
    return newest.sequence if newest else 0


def as_one_case_at_a_time(*, actor: User | None, after: int) -> tuple[set[Any], list[Any]]:
    """What sweeping one case at a time writes, in a savepoint rolled back afterwards."""
    with transaction.atomic():
        swept_one_case_at_a_time(actor=actor)
        written = what_was_written(after=after)
        transaction.set_rollback(True)
    return written


def a_world_written_in_bulk(tomas: User, olivia: User, station: Facility) -> None:
    """Generated families loaded as `reunify demo` loads them (no cases), and beside them:
    a mother with a telephone number on record; a daughter sought on demand before her
    separation was written; a daughter reunited with her mother (recorded on the family
    page, her case still open) and separated from her again."""
    load_world(build_world(300, 11))
    _, reachable, _ = kiche_mother_with_children(
        actor=olivia, station=station, children=("Tomás", "Luis")
    )
    TracingCase.objects.all().delete()  # as if every separation had come from an extract
    contact_detail_add(actor=tomas, person=reachable, kind=DetailKind.PHONE, text="+502 5123 4567")

    unit, mother, daughter = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=days_ago(30)
    )
    tracing_case_open(actor=tomas, child=daughter, parent=mother, family_unit=unit)
    written_in_bulk(unit=unit, parent=mother, child=daughter, at=days_ago(29))

    again_apart(olivia, station)


def again_apart(olivia: User, station: Facility) -> tuple[Person, Separation]:
    """A daughter separated from her mother, reunited with her on the family page (which
    leaves the case to the sweep), then separated from her again; the daughter and the
    second separation."""
    unit, mother, daughter = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=days_ago(30)
    )
    first = separate(actor=olivia, unit=unit, parent=mother, child=daughter, at=days_ago(29))
    reunite(actor=olivia, unit=unit, separations=[first], at=days_ago(20))
    return daughter, written_in_bulk(unit=unit, parent=mother, child=daughter, at=days_ago(10))


@pytest.mark.parametrize("batch", [3, case_sweep.BATCH])
def test_the_sweep_opens_what_opening_one_at_a_time_opens(
    cast: CastMember, station: Facility, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    olivia, tomas = cast("olivia"), cast("tomas")
    a_world_written_in_bulk(tomas, olivia, station)
    monkeypatch.setattr(case_sweep, "BATCH", batch)
    start = newest_sequence()

    cases, entries = as_one_case_at_a_time(actor=tomas, after=start)
    done = tracing_cases_open_for_separated_children(actor=tomas)
    assert done["opened"] + done["closed_as_reunified"] == len(entries)
    assert done["facts_refreshed"] == 0  # each case opened with its facts right

    assert what_was_written(after=start) == (cases, entries)
    # The world is varied enough for the comparison to mean something.
    assert len(cases) > 30
    assert {no_contact_info for _, _, _, _, _, no_contact_info, *_ in cases} == {True, False}
    assert len({facts[-2:] for facts in cases}) > 2  # the parents' custody and country
    assert len({facts[-3] for facts in cases}) > 3  # apprehension quarters


def test_a_child_separated_again_after_a_reunion_is_sought_again_in_the_same_sweep(
    cast: CastMember, station: Facility
) -> None:
    olivia = cast("olivia")
    daughter, again = again_apart(olivia, station)

    done = tracing_cases_open_for_separated_children(actor=None)

    assert (done["closed_as_reunified"], done["opened"]) == (1, 1)
    first, second = TracingCase.objects.filter(child=daughter).order_by("created_at")
    assert first.state == TracingState.REUNIFIED_IN_COUNTRY
    assert (second.separation_id, second.closed_at) == (again.pk, None)
    assert tracing_cases_open_for_separated_children(actor=None) == NOTHING


def test_a_case_opened_on_demand_is_not_opened_again(cast: CastMember, station: Facility) -> None:
    olivia, tomas = cast("olivia"), cast("tomas")
    unit, mother, daughter = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=days_ago(30)
    )
    on_demand = tracing_case_open(actor=tomas, child=daughter, parent=mother, family_unit=unit)
    written_in_bulk(unit=unit, parent=mother, child=daughter, at=days_ago(29))

    assert tracing_cases_open_for_separated_children(actor=tomas)["opened"] == 0
    assert list(TracingCase.objects.filter(child=daughter)) == [on_demand]


def test_the_audit_chain_holds_after_a_sweep_and_a_rerun_writes_nothing(
    cast: CastMember, station: Facility, monkeypatch: pytest.MonkeyPatch
) -> None:
    olivia, tomas = cast("olivia"), cast("tomas")
    a_world_written_in_bulk(tomas, olivia, station)
    monkeypatch.setattr(case_sweep, "BATCH", 7)  # several appends in one transaction
    start = newest_sequence()

    done = tracing_cases_open_for_separated_children(actor=None)

    verdict = verify_log()
    assert verdict.problem is None
    assert verdict.entries == start + done["opened"] + done["closed_as_reunified"]
    assert done["opened"] > 30
    assert done["closed_as_reunified"] == 1
    assert tracing_cases_open_for_separated_children(actor=tomas) == NOTHING
    assert newest_sequence() == verdict.entries


def test_reunited_cases_close_as_closing_one_at_a_time_closes(
    cast: CastMember, station: Facility, monkeypatch: pytest.MonkeyPatch
) -> None:
    olivia, tomas = cast("olivia"), cast("tomas")
    families = [
        kiche_mother_with_children(actor=olivia, station=station, children=("Tomás", "Ana"))
        for _ in range(3)
    ]
    searching = TracingCase.objects.filter(child=families[0][2][0]).get()
    tracing_case_set_state(actor=tomas, case=searching, to=TracingState.SEARCHING)
    for unit, _, _ in families[:2]:
        reunite(actor=olivia, unit=unit, separations=list(unit.separations.all()), at=days_ago(1))
    monkeypatch.setattr(case_sweep, "BATCH", 3)
    start = newest_sequence()

    cases, entries = as_one_case_at_a_time(actor=None, after=start)
    before = timezone.now()
    assert tracing_cases_open_for_separated_children(actor=None)["closed_as_reunified"] == 4

    assert what_was_written(after=start) == (cases, entries)
    closed = TracingCase.objects.filter(closed_at__isnull=False)
    assert closed.count() == 4
    assert all(case.updated_at >= before for case in closed)
    assert {entry[-1]["from"] for entry in entries} == {"SEARCHING", "NOT_STARTED"}
    assert verify_log().problem is None
    assert tracing_cases_open_for_separated_children(actor=None) == NOTHING

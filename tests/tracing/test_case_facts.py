"""The facts a tracing case keeps for the queue and the dashboard (the child's citizenship,
the apprehension's sector and quarter, where the parent is now) stay equal to the tables
that hold them: when the case opens, after a custody move, after a removal, and after a
bulk rewrite followed by the refresh."""

from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from reunify.accounts.models import User
from reunify.elections.choices import ElectionOption
from reunify.families.choices import CustodyKind
from reunify.families.models import CustodyEpisode, Facility
from reunify.families.services import custody_move
from reunify.removals.services import removal_execute
from reunify.tracing.figures import tracing_figures
from reunify.tracing.models import TracingCase
from reunify.tracing.services import (
    tracing_cases_open_for_separated_children,
    tracing_cases_refresh_denormalised,
)
from reunify.tracing.services.case_facts import KEPT_FIELDS, quarter_of
from tests.elections.factories import (
    days_ago,
    elect_after_notice,
    kiche_mother_with_children,
)
from tests.removals.test_gate_scenarios import plan_for

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def facts_from_their_tables(case: TracingCase) -> dict[str, str]:
    """What the case should keep, read the plain way, one table at a time."""
    unit = case.family_unit
    custody = CustodyEpisode.objects.filter(person=case.parent, ended_at__isnull=True).first()
    return {
        "child_citizenship": case.child.citizenship,
        "apprehension_sector": unit.station.sector if unit.station else "",
        "apprehension_quarter": quarter_of(unit.apprehended_at),
        "parent_custody": custody.kind if custody else "",
        "parent_country": custody.country if custody else "",
    }


def kept(case: TracingCase) -> dict[str, str]:
    case.refresh_from_db()
    return {field: getattr(case, field) for field in KEPT_FIELDS}


def assert_every_case_keeps_its_facts() -> None:
    for case in TracingCase.objects.select_related("family_unit__station", "child", "parent"):
        assert kept(case) == facts_from_their_tables(case), case


def figures() -> dict[str, Any]:
    answer = tracing_figures(TracingCase.objects.all())
    return {"figures": answer["figures"], "breakdowns": answer["breakdowns"]}


def test_a_case_opens_with_the_facts_of_its_child_unit_and_parent(
    olivia: User, station: Facility
) -> None:
    unit, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    case = TracingCase.objects.get(child=son, parent=mother)  # opened with the separation
    assert kept(case) == {
        "child_citizenship": "GT",
        "apprehension_sector": "Rio Grande Valley",
        "apprehension_quarter": quarter_of(unit.apprehended_at),
        "parent_custody": CustodyKind.BORDER_STATION,
        "parent_country": "",
    }
    # What the services wrote is what the set-based refresh computes: it finds nothing.
    assert tracing_cases_refresh_denormalised() == 0


def test_a_custody_move_moves_the_cases_seeking_that_parent(
    olivia: User, station: Facility
) -> None:
    _, mother, (son, daughter) = kiche_mother_with_children(
        actor=olivia, station=station, children=("Tomás", "Ana")
    )
    before = {f["key"]: f["count"] for f in figures()["figures"]}
    assert (before["parent_in_country"], before["parent_removed"]) == (2, 0)  # at the station

    custody_move(
        actor=olivia, person=mother, kind=CustodyKind.REMOVED, moved_at=days_ago(2), country="HN"
    )

    for child in (son, daughter):
        case = TracingCase.objects.get(child=child, parent=mother)
        assert (case.parent_custody, case.parent_country) == (CustodyKind.REMOVED, "HN")
    assert_every_case_keeps_its_facts()
    after = {f["key"]: f["count"] for f in figures()["figures"]}
    assert (after["parent_in_country"], after["parent_removed"]) == (0, 2)

    custody_move(
        actor=olivia,
        person=son,
        kind=CustodyKind.SPONSOR,
        moved_at=days_ago(1),
        detail="His aunt, Houston",
    )
    assert TracingCase.objects.get(child=son).parent_custody == CustodyKind.REMOVED  # his move


def test_a_removal_moves_the_case_of_the_child_who_stays(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        option=ElectionOption.CHILDREN_REMAIN,
        acknowledged_by=sam,
    )
    removal_execute(actor=olivia, plan=plan_for(olivia, mother), executed_at=timezone.now())

    case = TracingCase.objects.get(child=son, parent=mother)
    assert (case.parent_custody, case.parent_country) == (CustodyKind.REMOVED, "GT")
    assert_every_case_keeps_its_facts()
    counts = {f["key"]: f["count"] for f in figures()["figures"]}
    assert (counts["parent_removed"], counts["parent_in_country"]) == (1, 0)


def test_the_refresh_catches_up_with_a_bulk_rewrite_and_the_figures_come_back(
    olivia: User, station: Facility
) -> None:
    _, mother, (son, _) = kiche_mother_with_children(
        actor=olivia, station=station, children=("Tomás", "Ana")
    )
    custody_move(actor=olivia, person=mother, kind=CustodyKind.RELEASED, moved_at=days_ago(3))
    right = figures()

    # What a linkage run does: custody and persons rewritten in bulk, past the services.
    CustodyEpisode.objects.filter(person=mother, ended_at__isnull=True).update(ended_at=days_ago(1))
    CustodyEpisode.objects.create(
        person=mother, kind=CustodyKind.REMOVED, country="SV", started_at=days_ago(1)
    )
    son.citizenship = "SV"
    son.save(update_fields=["citizenship"])
    station.sector = "El Paso"
    station.save(update_fields=["sector"])
    assert figures() == right  # stale until refreshed

    # The sweep a schedule (or whoever ran the link) runs refreshes them too.
    assert tracing_cases_open_for_separated_children(actor=None)["facts_refreshed"] == 2
    assert_every_case_keeps_its_facts()
    moved = figures()
    counts = {f["key"]: f["count"] for f in moved["figures"]}
    assert (counts["parent_removed"], counts["parent_in_country"]) == (2, 0)
    nationality = {row["value"] for row in moved["breakdowns"]["nationality"]["rows"]}
    assert nationality == {"GT", "SV"}

    # Put back, and refreshed, the figures are exactly those read before.
    CustodyEpisode.objects.filter(person=mother, ended_at__isnull=True).delete()
    CustodyEpisode.objects.filter(person=mother, kind=CustodyKind.RELEASED).update(ended_at=None)
    son.citizenship = "GT"
    son.save(update_fields=["citizenship"])
    station.sector = "Rio Grande Valley"
    station.save(update_fields=["sector"])
    assert tracing_cases_refresh_denormalised() == 2
    assert figures() == right
    assert tracing_cases_refresh_denormalised(parent_ids=[mother.pk]) == 0
    assert tracing_cases_refresh_denormalised(parent_ids=[]) == 0


@pytest.mark.postgres_only
def test_refreshing_every_case_first_reads_fresh_statistics_of_the_tables_it_joins(
    olivia: User, station: Facility
) -> None:
    """Statistics saying "empty" over tables a bulk write has just filled made PostgreSQL
    join them by nested loops: a 300-family world hung the suite. The refresh of every
    case analyzes what it joins first (ANALYZE counts this transaction's rows)."""
    joined = ("families_person", "families_familyunit", "families_custodyepisode",
              "tracing_tracingcase")  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(joined)}")  # while empty, as autovacuum may
    kiche_mother_with_children(actor=olivia, station=station, children=("Tomás", "Luis"))
    assert TracingCase.objects.count() == 2

    tracing_cases_refresh_denormalised()

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relname = ANY(%s)", [list(joined)]
        )
        counted = dict(cursor.fetchall())
    assert all(counted[table] > 0 for table in joined), counted

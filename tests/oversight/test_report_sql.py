"""The one PostgreSQL statement gathers what the ORM path gathers: the same report.

Given a generated world loaded with extract elections, and live removals made through the
services beside it (recorded elections, an override, a joint removal), both readers give
the same JSON document — now, and as of earlier days.
"""

from datetime import UTC, datetime
from typing import Any

import pytest
from django.db.models import F
from django.utils import timezone

from reunify.accounts.models import User
from reunify.elections.models import Election
from reunify.families.models import (
    CustodyEpisode,
    Facility,
    PersonLanguage,
    Reunion,
    Separation,
)
from reunify.oversight.filters import ReportFilters, parse_filters
from reunify.oversight.read_model import removals_report
from reunify.synth import build_world
from tests.elections.factories import (
    elect_after_notice,
    kiche_mother_with_children,
)
from tests.oversight.loaded_world import load_as_extracts
from tests.oversight.test_report_on_live_removals import removed_by_override

pytestmark = [pytest.mark.django_db, pytest.mark.postgres_only]


def both(filters: ReportFilters) -> tuple[dict[str, Any], dict[str, Any]]:
    now = timezone.now()
    by_sql = removals_report(filters, now=now, use_sql=True).to_json()
    by_orm = removals_report(filters, now=now, use_sql=False).to_json()
    return by_sql, by_orm


def test_both_readers_give_the_same_report(olivia: User, sam: User, station: Facility) -> None:
    load_as_extracts(build_world(800, 11))
    _, mother, (ana, _tomas) = kiche_mother_with_children(
        actor=olivia, station=station, children=("Ana", "Tomás")
    )
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[ana],
        acknowledged_by=sam,
    )
    removed_by_override(olivia, sam, mother)

    by_sql, by_orm = both(ReportFilters())
    assert by_sql["removed_parents_with_separated_children"] > 50
    assert by_sql["gate_overrides"] == 1
    assert by_sql == by_orm

    for as_of in ("2018-06-30", "2019-01-01", timezone.now().date().isoformat()):
        by_sql, by_orm = both(parse_filters(as_of=as_of))
        assert by_sql == by_orm, as_of
    # As if each record had been entered as it happened.
    CustodyEpisode.objects.update(created_at=F("started_at"))
    Separation.objects.update(created_at=F("separated_at"))
    Reunion.objects.update(created_at=F("reunited_at"))
    Election.objects.update(created_at=F("made_at"))
    PersonLanguage.objects.update(created_at=datetime(2017, 1, 1, tzinfo=UTC))
    for as_of in ("2018-06-30", "2018-09-15", "2019-01-01"):
        by_sql, by_orm = both(parse_filters(as_of=as_of))
        assert by_sql["removed_parents_with_separated_children"] > 0, as_of
        assert by_sql == by_orm, as_of
    filtered = parse_filters(removed_from="2018-06-01", nationality="GT")
    by_sql, by_orm = both(filtered)
    assert by_sql == by_orm

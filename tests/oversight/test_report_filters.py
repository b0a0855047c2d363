"""The report narrowed by period, facility and nationality, and as the records stood.

The cast: Ana (Guatemalan, removed from Port Isabel in August 2018), Berta (Honduran,
removed from Otero in March 2019).
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from reunify.elections.models import Election
from reunify.families.models import CustodyEpisode, PersonLanguage, Reunion, Separation
from reunify.oversight.filters import BadFilter, ReportFilters, parse_filters
from reunify.oversight.read_model import removals_report
from tests.oversight.records import Family, day, extract_election, removed_parent, reunite

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def ana() -> Family:
    return removed_parent("Ana", removed="2018-08-01", citizenship="GT")


@pytest.fixture
def berta() -> Family:
    return removed_parent(
        "Berta",
        removed="2019-03-10",
        country="HN",
        citizenship="HN",
        facility="Otero County Processing Center",
    )


def counted(filters: ReportFilters) -> list[str]:
    return removals_report(filters).to_json()["persons_removed_parents_with_separated_children"]


def test_a_period_keeps_removals_between_its_days(ana: Family, berta: Family) -> None:
    assert counted(parse_filters(removed_from="2019-01-01")) == [str(berta.parent.pk)]
    assert counted(parse_filters(removed_to="2018-08-01")) == [str(ana.parent.pk)]
    assert counted(parse_filters(removed_from="2018-08-02", removed_to="2019-03-09")) == []


def test_a_facility_keeps_the_parents_held_there_when_removed(ana: Family, berta: Family) -> None:
    filters = parse_filters(facilities=["otero county processing center"])
    assert counted(filters) == [str(berta.parent.pk)]
    both = parse_filters(
        facilities=["Otero County Processing Center", "Port Isabel Service Processing Center"]
    )
    assert len(counted(both)) == 2


def test_a_nationality_keeps_that_countrys_citizens(ana: Family, berta: Family) -> None:
    assert counted(parse_filters(nationality="hn")) == [str(berta.parent.pk)]
    assert counted(parse_filters(nationality="Guatemala")) == [str(ana.parent.pk)]


def test_as_of_a_day_only_what_was_recorded_by_then_counts(ana: Family) -> None:
    # Ana's removal was recorded in 2018, her election only on 2019-06-01.
    recorded_2018 = day("2018-08-02")
    CustodyEpisode.objects.filter(person=ana.parent).update(created_at=recorded_2018)
    Separation.objects.filter(parent=ana.parent).update(created_at=recorded_2018)
    PersonLanguage.objects.filter(person=ana.parent).update(created_at=recorded_2018)
    extract_election(ana)
    Election.objects.filter(parent=ana.parent).update(created_at=day("2019-06-01"))

    before = removals_report(parse_filters(as_of="2019-01-01")).to_json()
    after = removals_report(parse_filters(as_of="2019-06-01")).to_json()
    assert before["persons_without_any_election"] == [str(ana.parent.pk)]
    assert after["persons_with_valid_election"] == [str(ana.parent.pk)]
    assert (
        removals_report(parse_filters(as_of="2018-07-31")).counts[
            "removed_parents_with_separated_children"
        ]
        == 0
    )


def test_as_of_a_day_a_reunion_recorded_later_has_not_happened(ana: Family) -> None:
    reunite(ana, on="2018-07-01")
    CustodyEpisode.objects.filter(person=ana.parent).update(created_at=day("2018-08-02"))
    Separation.objects.filter(parent=ana.parent).update(created_at=day("2018-05-02"))
    Reunion.objects.update(created_at=day("2020-01-01"))

    assert counted(parse_filters(as_of="2019-01-01")) == [str(ana.parent.pk)]
    assert counted(parse_filters()) == []


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"as_of": "2019-13-01"}, "--as-of '2019-13-01' is not a date"),
        ({"removed_from": "yesterday"}, "--from 'yesterday' is not a date"),
        ({"removed_from": "2019-02-01", "removed_to": "2019-01-01"}, "starts (2019-02-01) after"),
        ({"nationality": "Atlantis"}, "nationality 'Atlantis' is not a country"),
        (
            {"as_of": (date.today() + timedelta(days=30)).isoformat(), "today": date.today()},
            "is in the future",
        ),
    ],
)
def test_bad_filters_are_refused_in_one_line(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(BadFilter, match=message.replace("(", r"\(").replace(")", r"\)")) as bad:
        parse_filters(**arguments)  # type: ignore[arg-type]
    assert "\n" not in str(bad.value)


def test_as_of_today_equals_now(ana: Family, berta: Family) -> None:
    today = timezone.now().date()
    assert counted(parse_filters(as_of=today.isoformat())) == counted(ReportFilters())

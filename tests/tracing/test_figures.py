"""The dashboard's figures: definitions, as-of, breakdowns, and the cases behind each."""

import json

import pytest
from django.test import Client
from django.utils import timezone

from reunify.cli.main import main
from reunify.families.choices import ReunionMethod, ReunionSetting
from reunify.families.models import Facility
from reunify.tracing.choices import Channel, Outcome, ParoleMilestone
from reunify.tracing.figures import FIGURES, cases_behind, tracing_figures
from reunify.tracing.models import TracingCase
from reunify.tracing.services import (
    contact_attempt_record,
    parole_step_record,
    reunification_plan,
    reunification_record,
    tracing_case_open,
    tracing_cases_open_for_separated_children,
)
from tests.elections.factories import kiche_mother_with_children
from tests.tracing.factories import CastMember, reach, removed_mother_and_son

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def counts() -> dict[str, int]:
    answer = tracing_figures(TracingCase.objects.all())
    return {figure["key"]: figure["count"] for figure in answer["figures"]}


def test_every_figure_has_a_definition_and_the_answer_an_as_of() -> None:
    answer = tracing_figures(TracingCase.objects.none())
    assert answer["as_of"]
    assert all(figure["definition"].endswith(".") for figure in answer["figures"])
    assert {f["key"] for f in answer["figures"]} == {f.key for f in FIGURES}


def test_the_counts_follow_a_removed_mother_from_search_to_reunion(
    cast: CastMember, station: Facility
) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    kiche_mother_with_children(actor=cast("olivia"), station=station, children=("Ana",))
    tracing_cases_open_for_separated_children(actor=tomas)
    before = counts()
    assert before["children_traced"] == 2
    assert before["parent_removed"] == 1
    assert before["parent_in_country"] == 1  # the other mother, held at the station
    assert before["parent_not_located"] == 2
    assert before["no_contact_information"] == 2

    contact_attempt_record(
        actor=tomas, case=world.case, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER,
        attempted_at=timezone.now(), detail_text="+502 5123 4567",
    )  # fmt: skip
    case = reach(tracer=tomas, case=world.case)
    middle = counts()
    assert middle["parent_located"] == 1
    assert middle["no_contact_information"] == 1

    plan = reunification_plan(
        actor=tomas, case=case, setting=ReunionSetting.IN_COUNTRY,
        method=ReunionMethod.PAROLE_OF_REMOVED_PARENT,
    )  # fmt: skip
    parole_step_record(
        actor=tomas, plan=plan, milestone=ParoleMilestone.GRANTED, reached_on=timezone.localdate()
    )
    reunification_record(actor=tomas, case=case, reunited_at=timezone.now())
    after = counts()
    assert after["reunified_in_country"] == 1
    assert after["reunified_after_tracing"] == 1
    assert after["reunified_before_tracing"] == 0
    assert after["open"] == 1
    assert after["parent_removed"] == 0

    behind = cases_behind(TracingCase.objects.all(), figure="reunified_in_country")
    assert [c.child for c in behind] == [world.son]
    by_sector = tracing_figures(TracingCase.objects.all())["breakdowns"]["sector"]["rows"]
    assert by_sector == [
        {"value": "Rio Grande Valley", "counts": {**{f.key: 0 for f in FIGURES}, **{
            "children_traced": 2, "open": 1, "parent_in_country": 1,
            "parent_not_located": 1, "no_contact_information": 1, "reunified": 1,
            "reunified_in_country": 1, "reunified_after_tracing": 1}}},
    ]  # fmt: skip
    behind = cases_behind(
        TracingCase.objects.all(), figure="open", dimension="sector", value="Rio Grande Valley"
    )
    assert behind.count() == 1


def test_each_number_on_the_dashboard_opens_its_cases(cast: CastMember, station: Facility) -> None:
    world = removed_mother_and_son(officer=cast("olivia"), tracer=cast("tomas"), station=station)
    client = Client()
    client.force_login(cast("ada"))
    page = client.get("/tracing/dashboard/").content.decode()
    assert "?figure=parent_removed" in page
    assert "As of" in page
    assert "Still apart 1</title>" in page  # the trend chart
    behind = client.get("/tracing/", {"figure": "parent_removed"}).content.decode()
    assert world.son.full_name in behind
    assert "Parent removed" in behind
    none = client.get("/tracing/", {"figure": "reunified_abroad"}).content.decode()
    assert world.son.full_name not in none


def test_the_command_line_prints_the_figures_as_json(
    cast: CastMember, station: Facility, capsys: pytest.CaptureFixture[str]
) -> None:
    removed_mother_and_son(officer=cast("olivia"), tracer=cast("tomas"), station=station)
    assert main(["tracing", "figures"]) == 0
    answer = json.loads(capsys.readouterr().out)
    figures = {figure["key"]: figure for figure in answer["figures"]}
    assert figures["parent_removed"]["count"] == 1
    assert figures["parent_removed"]["definition"]
    assert answer["as_of"]
    assert main(["tracing", "open-cases"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "opened": 0,
        "closed_as_reunified": 0,
        "facts_refreshed": 0,
    }


@pytest.mark.postgres_only
def test_postgres_and_python_count_alike(cast: CastMember, station: Facility) -> None:
    """The dashboard counts in one GROUPING SETS query on PostgreSQL and in Python on
    SQLite; both must give the same numbers."""
    from reunify.tracing.figures import (
        BREAKDOWNS,
        _counted_in_postgres,
        _counted_in_python,
        _flag,
        with_dimensions,
    )

    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    _, other, _ = kiche_mother_with_children(
        actor=cast("olivia"), station=station, children=("Ana", "Luis")
    )
    tracing_cases_open_for_separated_children(actor=tomas)
    reach(tracer=tomas, case=world.case)
    # A second person sought for the same boy: four cases, three children.
    tracing_case_open(actor=tomas, child=world.son, parent=other, family_unit=world.unit)
    assert TracingCase.objects.count() == 4
    flags = {f"is_{figure.key}": _flag(figure) for figure in FIGURES}
    rows = (
        with_dimensions(TracingCase.objects.all())
        .annotate(**flags)
        .order_by()
        .values_list("child_id", *BREAKDOWNS, *flags)
    )
    assert _counted_in_postgres(rows) == _counted_in_python(rows)
    totals = _counted_in_python(rows)[("", "")]
    assert (totals["children_traced"], totals["parent_located"]) == (3, 1)
    assert totals["parent_in_country"] == 3  # the boy through the second case, Ana, Luis

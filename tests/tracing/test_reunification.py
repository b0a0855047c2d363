"""Planning and recording a reunification, parole, referrals; and declining by decision."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reunify.families.choices import ReunionMethod, ReunionSetting
from reunify.families.models import Facility, Separation
from reunify.tracing.choices import ContactKind, ParoleMilestone, ServiceKind
from reunify.tracing.models import TracingCase
from reunify.tracing.services import (
    parent_child_contact_record,
    parole_step_record,
    reunification_plan,
    reunification_record,
    service_referral_record,
    tracing_case_decline,
    tracing_case_open,
    tracing_case_set_state,
    tracing_cases_open_for_separated_children,
)
from reunify.tracing.transitions import TracingState
from tests.elections.factories import delivered_notice, elect, kiche_mother_with_children
from tests.families.factories import aunt_and_nephew, history
from tests.tracing.factories import CastMember, reach, removed_mother_and_son

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_a_removed_mother_is_paroled_back_to_her_son(cast: CastMember, station: Facility) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    case = reach(tracer=tomas, case=world.case)
    today = timezone.localdate()

    plan = reunification_plan(
        actor=tomas, case=case, setting=ReunionSetting.IN_COUNTRY,
        method=ReunionMethod.PAROLE_OF_REMOVED_PARENT, place="Casa Esperanza, Brownsville",
    )  # fmt: skip
    case.refresh_from_db()
    assert case.state == TracingState.REUNIFICATION_PLANNED
    for milestone in (ParoleMilestone.APPLICATION_FILED, ParoleMilestone.GRANTED):
        parole_step_record(actor=tomas, plan=plan, milestone=milestone, reached_on=today)
    for service in ServiceKind.values:
        service_referral_record(
            actor=tomas, plan=plan, service=service, provider="Catholic Charities RGV",
            referred_on=today,
        )  # fmt: skip

    case = reunification_record(actor=tomas, case=case, reunited_at=timezone.now())
    assert case.state == TracingState.REUNIFIED_IN_COUNTRY
    assert case.closed_at is not None
    assert case.reunion is not None
    assert case.reunion.method == ReunionMethod.PAROLE_OF_REMOVED_PARENT
    assert not Separation.objects.filter(child=world.son, reunion__isnull=True).exists()
    assert [e.action for e in history()][-3:] == [
        "tracing.service_referral_recorded", "reunion.recorded", "tracing.state_changed",
    ]  # fmt: skip

    with pytest.raises(ValidationError, match="closed"):
        tracing_case_set_state(actor=tomas, case=case, to=TracingState.SEARCHING)
    with pytest.raises(ValidationError, match="closed"):
        parent_child_contact_record(
            actor=tomas, case=case, kind=ContactKind.CALL, happened_at=timezone.now()
        )


def test_parole_must_be_granted_before_the_parent_is_reunited_here(
    cast: CastMember, station: Facility
) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    case = reach(tracer=tomas, case=world.case)
    reunification_plan(
        actor=tomas, case=case, setting=ReunionSetting.IN_COUNTRY,
        method=ReunionMethod.PAROLE_OF_REMOVED_PARENT,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="parole is not recorded as granted"):
        reunification_record(actor=tomas, case=case, reunited_at=timezone.now())


def test_a_plan_needs_contact_first(cast: CastMember, station: Facility) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    with pytest.raises(ValidationError, match="cannot become reunification planned"):
        reunification_plan(
            actor=tomas, case=world.case, setting=ReunionSetting.ABROAD,
            method=ReunionMethod.JOINT_REMOVAL,
        )  # fmt: skip


def test_no_reunification_with_someone_not_a_parent_in_the_unit(
    cast: CastMember, station: Facility
) -> None:
    tomas = cast("tomas")
    unit, aunt, nephew = aunt_and_nephew(
        actor=cast("olivia"), station=station, apprehended_at=timezone.now() - timedelta(days=5)
    )
    case = tracing_case_open(actor=tomas, child=nephew, parent=aunt, family_unit=unit)
    case = reach(tracer=tomas, case=case)
    with pytest.raises(ValidationError, match="is not recorded as a parent or guardian"):
        reunification_plan(
            actor=tomas, case=case, setting=ReunionSetting.IN_COUNTRY,
            method=ReunionMethod.RELEASE_TO_PARENT,
        )  # fmt: skip


def test_parole_abroad_is_refused(cast: CastMember, station: Facility) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    case = reach(tracer=tomas, case=world.case)
    with pytest.raises(ValidationError, match="paroled back is reunited in the country"):
        reunification_plan(
            actor=tomas, case=case, setting=ReunionSetting.ABROAD,
            method=ReunionMethod.PAROLE_OF_REMOVED_PARENT,
        )  # fmt: skip


def test_declined_only_with_a_valid_decision_that_the_child_remain(
    cast: CastMember, station: Facility
) -> None:
    olivia, tomas, sam = cast("olivia"), cast("tomas"), cast("sam")
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    tracing_cases_open_for_separated_children(actor=tomas)
    case = reach(tracer=tomas, case=TracingCase.objects.get(child=son))

    with pytest.raises(ValidationError, match="no election by the parent is recorded"):
        tracing_case_decline(actor=tomas, case=case)
    notice = delivered_notice(actor=olivia, parent=mother)
    elect(actor=olivia, parent=mother, children=[son], notice=notice)
    with pytest.raises(ValidationError, match="acknowledg"):
        tracing_case_decline(actor=tomas, case=case)

    elect(actor=olivia, parent=mother, children=[son], notice=notice, acknowledged_by=sam)
    case = tracing_case_decline(actor=tomas, case=case)
    assert case.state == TracingState.DECLINED
    assert case.declining_election is not None
    assert case.closed_at is not None


def test_a_call_between_parent_and_child_is_logged_and_means_contact(
    cast: CastMember, station: Facility
) -> None:
    tomas, carmen = cast("tomas"), cast("carmen")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    contact = parent_child_contact_record(
        actor=carmen, case=world.case, kind=ContactKind.VIDEO_CALL,
        happened_at=timezone.now() - timedelta(hours=1), minutes=25,
    )  # fmt: skip
    world.case.refresh_from_db()
    assert world.case.state == TracingState.IN_CONTACT
    assert contact.minutes == 25
    with pytest.raises(ValidationError, match="between 1 minute and a day"):
        parent_child_contact_record(
            actor=carmen, case=world.case, kind=ContactKind.CALL,
            happened_at=timezone.now(), minutes=0,
        )  # fmt: skip

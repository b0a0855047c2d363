"""Contact attempts: numbers in E.164, dead numbers kept dead, the flag, and the states."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reunify.families.models import Facility
from reunify.tracing.choices import Channel, DetailKind, Outcome
from reunify.tracing.models import ContactAttempt, ContactDetail
from reunify.tracing.services import contact_attempt_record, contact_detail_add
from reunify.tracing.transitions import TracingState
from tests.families.factories import history
from tests.tracing.factories import CastMember, removed_mother_and_son

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_two_failed_calls_and_a_success_put_the_case_in_contact(
    cast: CastMember, station: Facility
) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    now = timezone.now()

    # Written as a Guatemalan writes it: the country she was removed to fills in +502.
    contact_attempt_record(
        actor=tomas, case=world.case, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER,
        attempted_at=now - timedelta(days=2), detail_text="5123-4567",
    )  # fmt: skip
    world.case.refresh_from_db()
    assert world.case.state == TracingState.SEARCHING
    assert world.case.search_started_at is not None
    assert not world.case.no_contact_info

    contact_attempt_record(
        actor=tomas, case=world.case, channel=Channel.PHONE, outcome=Outcome.DETAIL_DEAD,
        attempted_at=now - timedelta(days=1), detail_text="+502 5123 4567",
    )  # fmt: skip
    dead = ContactDetail.objects.get(person=world.mother)
    assert dead.value == "+50251234567"
    assert dead.dead
    world.case.refresh_from_db()
    assert world.case.no_contact_info  # nothing left to try

    contact_attempt_record(
        actor=tomas, case=world.case, channel=Channel.PARTNER_VISIT, outcome=Outcome.REACHED,
        attempted_at=now, partner_organisation="Kids in Need of Defense, Huehuetenango",
        notes="Found her at her sister's house in San Juan Ixcoy.",
    )  # fmt: skip
    world.case.refresh_from_db()
    assert world.case.state == TracingState.IN_CONTACT
    assert world.case.last_attempt_at == now
    moves = [entry.changes["to"] for entry in history("tracing.state_changed")]
    assert moves == ["SEARCHING", "LOCATED", "IN_CONTACT"]
    assert ContactAttempt.objects.filter(case=world.case).count() == 3


def test_a_dead_number_is_retried_only_knowingly(cast: CastMember, station: Facility) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    contact_attempt_record(
        actor=tomas, case=world.case, channel=Channel.PHONE, outcome=Outcome.WRONG_PERSON,
        attempted_at=timezone.now(), detail_text="+502 5123 4567",
    )  # fmt: skip

    with pytest.raises(ValidationError, match=r"marked dead on .* Retry it only knowingly"):
        contact_attempt_record(
            actor=tomas, case=world.case, channel=Channel.MESSAGE, outcome=Outcome.NO_ANSWER,
            attempted_at=timezone.now(), detail_text="51234567",
        )  # fmt: skip
    contact_attempt_record(
        actor=tomas, case=world.case, channel=Channel.MESSAGE, outcome=Outcome.REACHED,
        attempted_at=timezone.now(), detail_text="51234567", retry_dead=True,
    )  # fmt: skip
    assert not ContactDetail.objects.get(person=world.mother).dead


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("call her sister", "Not a telephone number"),
        ("12", "no telephone number"),
        ("+99 1234 5678 9012", "Cannot tell the country"),
    ],
)
def test_a_number_that_cannot_be_read_is_refused(
    cast: CastMember, station: Facility, text: str, message: str
) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    with pytest.raises(ValidationError, match=message):
        contact_attempt_record(
            actor=tomas, case=world.case, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER,
            attempted_at=timezone.now(), detail_text=text,
        )  # fmt: skip
    assert not ContactAttempt.objects.exists()


def test_an_attempt_in_the_future_is_refused(cast: CastMember, station: Facility) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    with pytest.raises(ValidationError, match="in the future"):
        contact_attempt_record(
            actor=tomas, case=world.case, channel=Channel.CONSULATE, outcome=Outcome.NOT_FOUND,
            attempted_at=timezone.now() + timedelta(hours=2),
        )  # fmt: skip


def test_a_new_detail_lifts_the_no_contact_flag(cast: CastMember, station: Facility) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    assert world.case.no_contact_info
    contact_detail_add(
        actor=tomas, person=world.mother, kind=DetailKind.ADDRESS,
        text="Aldea Chemal, Todos Santos Cuchumatán", source="Her brother, by phone",
    )  # fmt: skip
    world.case.refresh_from_db()
    assert not world.case.no_contact_info

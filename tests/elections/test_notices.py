"""Preparing a notice of options and recording its delivery."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied
from reunify.elections.services import notice_delivery_record, notice_prepare
from reunify.families.models import Facility
from tests.elections.factories import kiche_mother_with_children
from tests.families.factories import history, mother_and_daughter

pytestmark = pytest.mark.django_db


def test_a_notice_names_each_separated_child_and_carries_a_short_code(
    olivia: User, station: Facility
) -> None:
    _, mother, children = kiche_mother_with_children(
        actor=olivia, station=station, children=("Ana", "Tomás")
    )
    notice = notice_prepare(actor=olivia, parent=mother, language="spa")
    assert set(notice.children.all()) == set(children)
    assert len(notice.short_code) == 9
    assert notice.short_code[4] == "-"
    assert history("notice.prepared")[0].changes["short_code"] == notice.short_code


def test_no_notice_for_a_parent_with_no_separated_child(olivia: User, station: Facility) -> None:
    _, mother, _ = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=timezone.now() - timedelta(days=3)
    )
    with pytest.raises(ValidationError) as refused:
        notice_prepare(actor=olivia, parent=mother, language="spa")
    assert "No child is separated" in str(refused.value)


def test_there_is_no_written_notice_in_kiche(olivia: User, station: Facility) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    with pytest.raises(ValidationError) as refused:
        notice_prepare(actor=olivia, parent=mother, language="quc")
    assert refused.value.message_dict["language"] == [
        "A written notice exists in English, Spanish, Portuguese; choose one of them."
    ]


def test_a_spanish_notice_to_a_kiche_speaker_needs_a_named_kiche_interpreter(
    olivia: User, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    notice = notice_prepare(actor=olivia, parent=mother, language="spa")
    delivered_at = timezone.now()
    with pytest.raises(ValidationError) as refused:
        notice_delivery_record(
            actor=olivia, notice=notice, delivered_at=delivered_at, method="HANDED_OVER"
        )
    assert refused.value.message_dict["interpreter_name"] == [
        "The notice is in Spanish and the parent speaks K'iche': name the interpreter of "
        "K'iche' who read it to them."
    ]
    with pytest.raises(ValidationError) as wrong_language:
        notice_delivery_record(
            actor=olivia,
            notice=notice,
            delivered_at=delivered_at,
            method="READ_ALOUD",
            interpreter_name="Pedro Ramírez",
            interpreter_language="mam",
        )
    assert "The parent speaks K'iche', not Mam." in str(wrong_language.value)

    notice_delivery_record(
        actor=olivia,
        notice=notice,
        delivered_at=delivered_at,
        method="READ_ALOUD",
        interpreter_name="Juana Tzoc Us",
        interpreter_language="quc",
    )
    notice.refresh_from_db()
    assert notice.delivered_by == olivia
    assert notice.interpreter_language == "quc"
    assert history("notice.delivered")[0].changes["interpreter_name"] == "Juana Tzoc Us"


def test_a_notice_in_a_language_the_parent_speaks_needs_no_interpreter(
    olivia: User, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(
        actor=olivia, station=station, mother_languages=("quc", "spa")
    )
    notice = notice_prepare(actor=olivia, parent=mother, language="spa")
    notice_delivery_record(
        actor=olivia, notice=notice, delivered_at=timezone.now(), method="HANDED_OVER"
    )
    assert notice.is_delivered


def test_a_delivery_is_recorded_once(olivia: User, station: Facility) -> None:
    _, mother, _ = kiche_mother_with_children(
        actor=olivia, station=station, mother_languages=("spa",)
    )
    notice = notice_prepare(actor=olivia, parent=mother, language="spa")
    notice_delivery_record(
        actor=olivia, notice=notice, delivered_at=timezone.now(), method="HANDED_OVER"
    )
    with pytest.raises(ValidationError, match="already recorded"):
        notice_delivery_record(
            actor=olivia, notice=notice, delivered_at=timezone.now(), method="HANDED_OVER"
        )


def test_counsel_cannot_prepare_notices(olivia: User, cast: object, station: Facility) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    luis = cast("luis")  # type: ignore[operator]
    with pytest.raises(PermissionDenied):
        notice_prepare(actor=luis, parent=mother, language="spa")

"""Recording elections, acknowledging and withdrawing them; refusing what cannot be true."""

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied
from reunify.elections.choices import CounselChoice, ElectionForm, ElectionOption, SignatureKind
from reunify.elections.facts import judge_election
from reunify.elections.models import Election
from reunify.elections.services import (
    election_acknowledge,
    election_record,
    election_withdraw,
)
from reunify.families.models import Facility
from reunify.vocabulary import Deficiency
from tests.elections.factories import (
    SIGNED_PDF,
    delivered_notice,
    documented,
    elect,
    elect_after_notice,
    kiche_mother_with_children,
    signed_form,
)
from tests.families.factories import history

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_a_documented_acknowledged_election_is_valid_and_keeps_its_signed_form(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    election = elect(actor=olivia, parent=mother, children=[son], notice=notice)
    assert judge_election(election, is_latest=True).deficiencies == (Deficiency.NOT_ACKNOWLEDGED,)

    election_acknowledge(actor=sam, election=election)
    judged = judge_election(election, is_latest=True)
    assert judged.is_valid
    assert election.signed_form_sha256 == hashlib.sha256(SIGNED_PDF).hexdigest()
    election.signed_form.open("rb")
    assert election.signed_form.read() == SIGNED_PDF
    assert mother.full_name not in election.signed_form.name
    assert [entry.action for entry in history()][-2:] == [
        "election.recorded",
        "election.acknowledged",
    ]


def test_a_verbal_waiver_is_recorded_as_spoken_and_is_deficient(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    election = elect(
        actor=olivia,
        parent=mother,
        children=[son],
        notice=notice,
        form=ElectionForm.VERBAL,
        signature="",
        signed_on=None,
        signed_form=None,
        acknowledged_by=sam,
    )
    assert judge_election(election, is_latest=True).deficiencies == (Deficiency.VERBAL_ONLY,)


def test_an_election_for_a_child_not_separated_from_that_parent_is_refused(
    olivia: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    _, _, (other_child,) = kiche_mother_with_children(
        actor=olivia, station=station, children=("Ana",)
    )
    notice = delivered_notice(actor=olivia, parent=mother)
    with pytest.raises(ValidationError) as refused:
        election_record(
            actor=olivia,
            parent=mother,
            details=documented(children=[son, other_child], notice=notice),
        )
    assert refused.value.message_dict["children"] == [
        "Ana López Xiloj is not separated from this parent."
    ]
    assert not Election.objects.exists()
    assert history("election.recorded") == []


@pytest.mark.parametrize(
    ("content", "name"),
    [(b"MZ\x90\x00 an executable", "form.pdf"), (b"<html>form</html>", "form.png"), (b"", "x")],
)
def test_a_signed_form_that_is_not_a_pdf_or_image_is_refused(
    olivia: User, station: Facility, content: bytes, name: str
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    with pytest.raises(ValidationError) as refused:
        election_record(
            actor=olivia,
            parent=mother,
            details=documented(
                children=[son], notice=notice, signed_form=signed_form(content, name)
            ),
        )
    assert refused.value.message_dict["signed_form"] == [
        "The signed form must be a PDF or an image."
    ]
    assert not Election.objects.exists()


def test_a_refused_election_keeps_no_file_and_writes_no_history(
    olivia: User, station: Facility, tmp_path: Path
) -> None:
    """A good PDF with a bad election: nothing of it is kept, not even the upload."""
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    _, _, (other_child,) = kiche_mother_with_children(
        actor=olivia, station=station, children=("Ana",)
    )
    notice = delivered_notice(actor=olivia, parent=mother)
    for details in (
        documented(children=[son, other_child], notice=notice),
        documented(children=[son], notice=notice, signed_form=signed_form(b"GIF89a", "f.gif")),
    ):
        with override_settings(MEDIA_ROOT=tmp_path), pytest.raises(ValidationError):
            election_record(actor=olivia, parent=mother, details=details)
    assert not Election.objects.exists()
    assert history("election.recorded") == []
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


def test_a_paper_notice_cannot_be_stated_in_a_language_with_no_written_notice(
    olivia: User, station: Facility
) -> None:
    """K'iche' has no written notice: stating one would skip the interpreter it needs."""
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    with pytest.raises(ValidationError) as refused:
        election_record(
            actor=olivia,
            parent=mother,
            details=documented(
                children=[son],
                notice=None,
                notice_language="quc",
                interpreter_name="",
                interpreter_language="",
            ),
        )
    assert refused.value.message_dict["notice_language"] == [
        "No written notice exists in K'iche'; give the language of the paper the parent "
        "was handed (English, Spanish or Portuguese) and name the interpreter who read it "
        "to them."
    ]
    assert not Election.objects.exists()


def test_a_mark_is_recorded_with_its_two_witnesses_and_refused_with_one(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    marked = {"signature": SignatureKind.MARK_BEFORE_WITNESSES, "witness_name": "Rosa Us"}
    with pytest.raises(ValidationError) as refused:
        election_record(
            actor=olivia,
            parent=mother,
            details=documented(children=[son], notice=notice, **marked),
        )
    assert refused.value.message_dict["second_witness_name"] == [
        "A mark needs two witnesses, named."
    ]
    election = elect(
        actor=olivia,
        parent=mother,
        children=[son],
        notice=notice,
        second_witness_name="Pedro Tzoc",
        acknowledged_by=sam,
        **marked,
    )
    assert (election.witness_name, election.second_witness_name) == ("Rosa Us", "Pedro Tzoc")
    assert judge_election(election, is_latest=True).is_valid


def test_counsel_consulted_is_recorded_by_name(olivia: User, sam: User, station: Facility) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    with pytest.raises(ValidationError) as refused:
        election_record(
            actor=olivia,
            parent=mother,
            details=documented(children=[son], notice=notice, counsel=CounselChoice.CONSULTED),
        )
    assert refused.value.message_dict["counsel_name"] == ["Name the lawyer the parent consulted."]
    election = elect(
        actor=olivia,
        parent=mother,
        children=[son],
        notice=notice,
        counsel=CounselChoice.CONSULTED,
        counsel_name="Lic. Ana Pérez, Florence Project",
        acknowledged_by=sam,
    )
    assert election.counsel_name == "Lic. Ana Pérez, Florence Project"
    assert judge_election(election, is_latest=True).is_valid


def test_a_signed_election_needs_its_form(olivia: User, station: Facility) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    with pytest.raises(ValidationError) as refused:
        election_record(
            actor=olivia,
            parent=mother,
            details=documented(children=[son], notice=notice, signed_form=None),
        )
    assert "signed_form" in refused.value.message_dict


def test_counsel_unknown_belongs_to_imported_history_only(olivia: User, station: Facility) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    with pytest.raises(ValidationError) as refused:
        election_record(
            actor=olivia,
            parent=mother,
            details=documented(children=[son], notice=notice, counsel="UNKNOWN"),
        )
    assert "counsel" in refused.value.message_dict
    assert not Election.objects.exists()


def test_more_time_needs_a_deadline_after_the_election(olivia: User, station: Facility) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    with pytest.raises(ValidationError) as refused:
        election_record(
            actor=olivia,
            parent=mother,
            details=documented(
                option=ElectionOption.MORE_TIME,
                children=[son],
                notice=notice,
                more_time_until=None,
            ),
        )
    assert "more_time_until" in refused.value.message_dict


def test_the_recorder_cannot_acknowledge_their_own_election(
    cast: Callable[[str], User], station: Facility
) -> None:
    sam = cast("sam")
    _, mother, (son,) = kiche_mother_with_children(actor=sam, station=station)
    notice = delivered_notice(actor=sam, parent=mother)
    election = elect(actor=sam, parent=mother, children=[son], notice=notice)
    with pytest.raises(PermissionDenied, match="cannot acknowledge it"):
        election_acknowledge(actor=sam, election=election)
    election.refresh_from_db()
    assert not election.is_acknowledged


def test_only_a_supervisor_acknowledges(
    olivia: User, cast: Callable[[str], User], station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    election = elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
    )
    with pytest.raises(PermissionDenied):
        election_acknowledge(actor=cast("abel"), election=election)


def test_changing_ones_mind_is_a_new_election_and_the_old_one_is_superseded(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    first = elect(
        actor=olivia,
        parent=mother,
        children=[son],
        notice=notice,
        acknowledged_by=sam,
    )
    second = elect(
        actor=olivia,
        parent=mother,
        children=[son],
        notice=notice,
        option=ElectionOption.DEPART_WITH_CHILDREN,
        acknowledged_by=sam,
    )
    first.refresh_from_db()
    assert first.option == ElectionOption.CHILDREN_REMAIN  # nothing overwritten
    assert judge_election(first, is_latest=False).deficiencies == (Deficiency.SUPERSEDED,)
    assert judge_election(second, is_latest=True).is_valid


def test_a_withdrawn_election_no_longer_governs(olivia: User, sam: User, station: Facility) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    election = elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        acknowledged_by=sam,
    )
    with pytest.raises(ValidationError):
        election_withdraw(actor=olivia, election=election, note="  ")
    election_withdraw(
        actor=olivia, election=election, note="Told the officer through the interpreter."
    )
    election.refresh_from_db()
    assert judge_election(election, is_latest=True).deficiencies == (Deficiency.SUPERSEDED,)

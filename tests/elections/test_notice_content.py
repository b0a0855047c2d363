"""A stored notice prints what its record says: the parent, the A-number as agencies print
it, every child named with as much of the birth date as is known, and the interpreter's
language when the parent does not read the notice's own."""

from datetime import date

import pytest

from reunify.accounts.models import User
from reunify.elections.notice_content import notice_content_for
from reunify.elections.notice_document import NoticeChild
from reunify.elections.services import notice_prepare
from reunify.families.models import Facility
from tests.elections.factories import delivered_notice, kiche_mother_with_children

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_a_spanish_notice_for_a_kiche_speaker_is_read_by_an_interpreter_of_kiche(
    olivia: User, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(
        actor=olivia, station=station, children=("Tomás", "Ana")
    )
    notice = notice_prepare(actor=olivia, parent=mother, language="spa")

    content = notice_content_for(notice)

    assert content.short_code == notice.short_code
    assert content.language == "spa"
    assert content.parent_full_name == mother.full_name
    assert content.parent_a_number == "A-212-345-678"
    assert content.children == (
        NoticeChild("Ana López Xiloj", date(2017, 2, 1), "DAY"),
        NoticeChild("Tomás López Xiloj", date(2019, 4, 2), "DAY"),
    )
    assert content.interpreter_language_name == "K'iche'"
    assert content.verify_url is None


def test_the_interpreter_recorded_at_delivery_is_the_one_printed(
    olivia: User, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(
        actor=olivia, station=station, mother_languages=("quc", "mam")
    )
    notice = delivered_notice(actor=olivia, parent=mother, interpreter=("Pedro Mam", "mam"))

    assert notice_content_for(notice).interpreter_language_name == "Mam"


def test_a_notice_in_a_language_the_parent_reads_needs_no_interpreter(
    olivia: User, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(
        actor=olivia, station=station, mother_languages=("quc", "spa")
    )
    notice = notice_prepare(actor=olivia, parent=mother, language="spa")

    content = notice_content_for(notice, verify_url="https://reunify.example/n/X")

    assert content.interpreter_language_name is None
    assert content.verify_url == "https://reunify.example/n/X"

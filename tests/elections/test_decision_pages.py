"""A parent's decision on the pages, through Django's test client: the family page's
status at a glance, the parent's decisions page, and the election form's refusals."""

import re
from collections.abc import Callable
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reunify.accounts.models import User
from reunify.elections.choices import ElectionForm
from reunify.elections.models import Election
from reunify.families.models import Facility
from tests.elections.factories import (
    delivered_notice,
    elect,
    elect_after_notice,
    kiche_mother_with_children,
)
from tests.families.factories import history

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def client_of(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text_of(client: Client, url: str) -> str:
    """The page as read: tags dropped, entities decoded, whitespace folded."""
    answer = client.get(url)
    assert answer.status_code == 200
    return " ".join(unescape(re.sub(r"<[^>]+>", "", answer.content.decode())).split())


def test_the_family_page_shows_each_parents_decision_at_a_glance(
    olivia: User, sam: User, station: Facility
) -> None:
    unit, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        form=ElectionForm.VERBAL,
        signature="",
        signed_on=None,
        signed_form=None,
        acknowledged_by=sam,
    )

    page = text_of(client_of(olivia), reverse("families:family-unit", args=[unit.pk]))

    assert "Given " in page
    assert "interpreter Juana Tzoc Us (quc)" in page  # notice given, through whom
    assert "not valid: VERBAL_ONLY" in page  # election, valid or not, and why
    assert "Blocked: no valid election for Tomás López Xiloj" in page  # gate, and why
    assert "the election was only spoken, never written" in page


def test_the_parents_page_shows_notices_elections_with_their_faults_and_the_gate(
    olivia: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    election = elect(actor=olivia, parent=mother, children=[son], notice=notice)

    page = text_of(client_of(olivia), reverse("elections:parent", args=[mother.pk]))

    assert notice.short_code in page
    assert "Print (PDF)" in page
    assert "Not valid" in page
    assert "NOT_ACKNOWLEDGED — a supervisor has not acknowledged the election" in page
    assert election.signed_form_sha256[:8] in page
    assert "Removal gate: blocked" in page


def test_the_election_form_refuses_a_file_that_is_not_a_pdf_or_image_and_keeps_nothing(
    olivia: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    posted = client_of(olivia).post(
        reverse("elections:election-new", args=[mother.pk]),
        {
            "option": "CHILDREN_REMAIN",
            "children": [str(son.pk)],
            "made_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "notice": str(notice.pk),
            "form": "SIGNED",
            "signature": "SIGNATURE",
            "signed_on": timezone.localdate().isoformat(),
            "signed_form": SimpleUploadedFile("form.pdf", b"MZ\x90\x00", "application/pdf"),
            "counsel_advised": "on",
            "counsel": "DECLINED_IN_WRITING",
            "waiver_explicit": "on",
        },
    )
    assert posted.status_code == 400
    assert "The signed form must be a PDF or an image." in posted.content.decode()
    assert not Election.objects.exists()
    assert history("election.recorded") == []


def test_the_recorder_cannot_acknowledge_their_own_election_from_a_page(
    cast: Callable[[str], User], station: Facility
) -> None:
    sam = cast("sam")
    _, mother, (son,) = kiche_mother_with_children(actor=sam, station=station)
    election = elect(
        actor=sam, parent=mother, children=[son], notice=delivered_notice(actor=sam, parent=mother)
    )
    answer = client_of(sam).post(reverse("elections:election-acknowledgment", args=[election.pk]))
    assert answer.status_code == 403
    assert "cannot acknowledge it" in unescape(answer.content.decode())
    election.refresh_from_db()
    assert not election.is_acknowledged
    assert history("election.acknowledged") == []

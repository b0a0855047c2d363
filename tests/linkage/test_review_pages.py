"""The review pages: reviewers (administrators, tracing) decide; auditors read without a
form; other roles are refused."""

import pytest
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import User
from reunify.linkage.models import LinkageRun, ReviewItem

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def item(db: None) -> ReviewItem:
    run = LinkageRun.objects.create(
        engine="duckdb", threshold=0.5, started_at="2026-11-23T10:00Z", starter_label="test"
    )
    return ReviewItem.objects.create(
        left_record="cbp:E1",
        right_record="orr:U1",
        match_probability=0.3,
        match_weight=-1.2,
        run=run,
    )


def test_a_field_officer_may_not_read_the_queue(
    client: Client, olivia: User, item: ReviewItem
) -> None:
    client.force_login(olivia)

    assert client.get(reverse("linkage:queue")).status_code == 403
    assert client.get(reverse("linkage:pair", args=[item.pk])).status_code == 403


def test_an_auditor_reads_a_pair_but_has_no_decision_form(
    client: Client, ada: User, item: ReviewItem
) -> None:
    client.force_login(ada)

    page = client.get(reverse("linkage:pair", args=[item.pk]))

    assert page.status_code == 200
    assert "Record the decision" not in page.content.decode()
    refused = client.post(reverse("linkage:pair", args=[item.pk]), {"decision": "SAME"})
    assert refused.status_code == 403
    item.refresh_from_db()
    assert item.status == "OPEN"


def test_a_decision_without_a_choice_is_refused_with_a_message(
    client: Client, abel: User, item: ReviewItem
) -> None:
    client.force_login(abel)

    page = client.post(reverse("linkage:pair", args=[item.pk]), {"note": "hm"})

    assert page.status_code == 400
    assert "Nothing was recorded" in page.content.decode()

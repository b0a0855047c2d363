"""A reviewer's decision on a parent-child link holds on every later run: a rejected
link is never proposed again, an accepted one stays accepted."""

from pathlib import Path

import pandas as pd
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied
from reunify.imports.services import extract_import
from reunify.linkage.family_decisions import REVIEWER_ACCEPTED, apply_family_decisions
from reunify.linkage.family_links import LINK_COLUMNS
from reunify.linkage.models import FamilyLink, FamilyLinkStatus, FamilyLinkVerdict
from reunify.linkage.review_services import family_link_decide
from reunify.linkage.services import linkage_run
from reunify.synth import build_world, write_extracts

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def links(*rows: tuple[str, str, float, str]) -> pd.DataFrame:
    return pd.DataFrame([(*row, ("shared_surname",)) for row in rows], columns=list(LINK_COLUMNS))


def test_decisions_accept_drop_and_restore_links() -> None:
    found = links(
        ("m", "a", 0.7, "review"), ("f", "a", 0.95, "accepted"), ("m", "b", 0.6, "review")
    )

    decided = apply_family_decisions(
        found,
        {
            ("m", "a"): "ACCEPTED",
            ("f", "a"): "REJECTED",
            ("x", "b"): "ACCEPTED",
            ("gone", "b"): "ACCEPTED",
        },
        persons={"m", "f", "a", "b", "x"},
    )

    rows = {(row.parent_person_id, row.child_person_id): row for row in decided.itertuples()}
    assert rows[("m", "a")].status == "accepted"
    assert REVIEWER_ACCEPTED in rows[("m", "a")].evidence
    assert ("f", "a") not in rows
    assert rows[("m", "b")].status == "review"
    assert rows[("x", "b")].evidence == (REVIEWER_ACCEPTED,)
    assert ("gone", "b") not in rows


@pytest.fixture
def linked(tmp_path: Path) -> None:
    write_extracts(build_world(300, 12), tmp_path, 12)
    for source in ("cbp", "ice", "orr"):
        extract_import(
            actor=None, actor_label="test", source=source, path=tmp_path / f"{source}.csv"
        )
    linkage_run(actor=None, actor_label="test")


def test_a_rejected_link_stays_gone_and_an_accepted_one_stays_on_the_next_run(
    linked: None, abel: User
) -> None:
    accepted = FamilyLink.objects.filter(status=FamilyLinkStatus.ACCEPTED).order_by("pk")
    wrong, right = accepted[0], accepted[1]
    wrong.status = right.status = FamilyLinkStatus.REVIEW  # as if the model had doubted them
    wrong.save()
    right.save()

    family_link_decide(
        actor=abel, link=wrong, verdict=FamilyLinkVerdict.REJECTED, note="DNA says no"
    )
    family_link_decide(actor=abel, link=right, verdict=FamilyLinkVerdict.ACCEPTED)
    linkage_run(actor=None, actor_label="test")

    assert not FamilyLink.objects.filter(
        parent_person_id=wrong.parent_person_id, child_person_id=wrong.child_person_id
    ).exists()
    kept = FamilyLink.objects.get(
        parent_person_id=right.parent_person_id, child_person_id=right.child_person_id
    )
    assert kept.status == FamilyLinkStatus.ACCEPTED
    assert REVIEWER_ACCEPTED in kept.evidence


def test_only_reviewers_decide_once_and_auditors_only_read(
    linked: None, abel: User, ada: User, client: Client
) -> None:
    link = FamilyLink.objects.order_by("pk").first()
    assert link is not None
    link.status = FamilyLinkStatus.REVIEW
    link.save()

    with pytest.raises(PermissionDenied):
        family_link_decide(actor=ada, link=link, verdict=FamilyLinkVerdict.ACCEPTED)
    client.force_login(ada)
    page = client.get(reverse("linkage:family-link", args=[link.pk]))
    assert page.status_code == 200
    assert "The evidence" in page.content.decode()
    assert "Record the decision" not in page.content.decode()

    client.force_login(abel)
    queue = client.get(reverse("linkage:family-queue"))
    waiting = FamilyLink.objects.filter(status=FamilyLinkStatus.REVIEW).count()
    assert f"Waiting for a decision ({waiting})" in queue.content.decode()
    decided = client.post(reverse("linkage:family-link", args=[link.pk]), {"verdict": "ACCEPTED"})
    assert decided.status_code == 302
    with pytest.raises(ValidationError, match="already decided"):
        family_link_decide(actor=abel, link=link, verdict=FamilyLinkVerdict.REJECTED)

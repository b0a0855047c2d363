"""In a real browser: a reviewer opens the linkage review queue, compares two imported
records field by field and decides they are different people."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from reunify.accounts.models import User
from reunify.imports.models import CbpRecord, OrrRecord
from reunify.imports.services import extract_import
from reunify.linkage.models import LinkageRun, ReviewItem, ReviewStatus
from reunify.synth import build_world, write_extracts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_compares_a_pair_and_decides(
    signed_in: Callable[[str], Page],
    live_server: LiveServer,
    cast: Callable[[str], User],
    tmp_path: Path,
) -> None:
    cast("tomas")
    write_extracts(build_world(40, 5), tmp_path, 5)
    for source in ("cbp", "orr"):
        extract_import(
            actor=None, actor_label="test", source=source, path=tmp_path / f"{source}.csv"
        )
    adult = CbpRecord.objects.exclude(birth_date__isnull=True).order_by("record_id").first()
    child = OrrRecord.objects.order_by("record_id").first()
    assert adult is not None
    assert child is not None
    # As a linkage run leaves a pair it was unsure of.
    run = LinkageRun.objects.create(
        engine="duckdb", threshold=0.5, started_at="2026-11-23T10:00Z", starter_label="test"
    )
    item = ReviewItem.objects.create(
        left_record=f"cbp:{adult.record_id}", right_record=f"orr:{child.record_id}",
        match_probability=0.41, match_weight=-0.5, run=run,
    )  # fmt: skip

    reviewer = signed_in("tomas")
    reviewer.get_by_role("link", name="Linkage review").click()
    expect(reviewer.get_by_role("heading", name="Waiting for a decision (1)")).to_be_visible()
    reviewer.get_by_role(
        "link", name=f"Compare cbp:{adult.record_id} with orr:{child.record_id}"
    ).click()

    comparison = reviewer.get_by_role("table", name="The two records, field by field")
    expect(comparison).to_contain_text(adult.given_names)
    expect(comparison).to_contain_text(child.given_names)
    expect(reviewer.locator("body")).to_contain_text("match probability of 0.41")

    reviewer.get_by_label("Different people").check()
    reviewer.get_by_role("textbox", name=re.compile("^Note")).fill(
        "Different birth years and mothers."
    )
    reviewer.get_by_role("button", name="Record the decision").click()

    expect(reviewer.locator("body")).to_contain_text("Decision recorded")
    expect(reviewer.get_by_role("heading", name="Waiting for a decision (0)")).to_be_visible()
    item.refresh_from_db()
    assert item.status == ReviewStatus.DIFFERENT
    assert item.decided_by is not None
    assert item.decided_by.username == "tomas"

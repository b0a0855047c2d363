"""Re-running linkage respects every human decision: a pair decided "different" is kept
apart, one decided "same" is joined, and neither is proposed again."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied
from reunify.imports.services import extract_import
from reunify.linkage.models import LinkageRun, LinkedRecord, ReviewItem, ReviewStatus
from reunify.linkage.review_services import review_decide
from reunify.linkage.services import linkage_run
from reunify.synth import build_world, write_extracts

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture(scope="module")
def extracts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("review")
    write_extracts(build_world(300, 33), directory, 33)
    return directory


def person_of(unique_id: str) -> object:
    source, record_id = unique_id.split(":", 1)
    return LinkedRecord.objects.get(source=source, record_id=record_id).person_id


def proposed(left: str, right: str, run: LinkageRun) -> ReviewItem:
    first, second = sorted((left, right))
    return ReviewItem.objects.create(
        left_record=first, right_record=second, match_probability=0.4, match_weight=-0.6, run=run
    )


def test_decisions_hold_on_the_next_run_and_are_not_proposed_again(
    extracts: Path, abel: User
) -> None:
    for source in ("cbp", "ice", "orr"):
        extract_import(
            actor=None, actor_label="test", source=source, path=extracts / f"{source}.csv"
        )
    run = linkage_run(actor=None, actor_label="test")
    by_person: dict[object, list[str]] = {}
    for source, record_id, person in LinkedRecord.objects.values_list(
        "source", "record_id", "person_id"
    ):
        by_person.setdefault(person, []).append(f"{source}:{record_id}")
    together = next(records for records in by_person.values() if len(records) >= 2)
    apart = [records[0] for records in list(by_person.values())[:2]]
    assert person_of(apart[0]) != person_of(apart[1])

    review_decide(
        actor=abel, item=proposed(together[0], together[1], run), decision=ReviewStatus.DIFFERENT
    )
    review_decide(
        actor=abel,
        item=proposed(apart[0], apart[1], run),
        decision=ReviewStatus.SAME,
        note="Same A-number on paper file",
    )
    linkage_run(actor=None, actor_label="test")

    assert person_of(together[0]) != person_of(together[1])
    assert person_of(apart[0]) == person_of(apart[1])
    decided = ReviewItem.objects.filter(status__in=(ReviewStatus.SAME, ReviewStatus.DIFFERENT))
    assert decided.count() == 2
    for item in decided:
        assert not ReviewItem.objects.filter(
            left_record=item.left_record, right_record=item.right_record, status=ReviewStatus.OPEN
        ).exists()


def test_only_reviewers_decide_and_a_decision_is_final(
    extracts: Path, abel: User, ada: User
) -> None:
    run = LinkageRun.objects.create(
        engine="duckdb", threshold=0.5, started_at="2026-11-23T10:00Z", starter_label="test"
    )
    item = proposed("cbp:A", "orr:B", run)

    with pytest.raises(PermissionDenied):
        review_decide(actor=ada, item=item, decision=ReviewStatus.SAME)
    review_decide(actor=abel, item=item, decision=ReviewStatus.DEFERRED)
    review_decide(actor=abel, item=item, decision=ReviewStatus.DIFFERENT)
    with pytest.raises(ValidationError, match="already decided"):
        review_decide(actor=abel, item=item, decision=ReviewStatus.SAME)

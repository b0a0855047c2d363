"""Which scored pairs go to a person, and keeping the queue in step with each run.

A pair scored between `REVIEW_FLOOR` and `REVIEW_CEILING` is one the model is unsure of:
below the match threshold it was left apart, above it joined, either way on thin
evidence. Decided pairs are never proposed again; open and deferred ones follow the
newest run's score; open ones the new run no longer doubts leave the queue.
"""

import pandas as pd

from reunify.linkage.models import DECIDED, LinkageRun, ReviewItem, ReviewStatus

REVIEW_FLOOR = 0.2
REVIEW_CEILING = 0.9


def doubtful_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """Scored pairs in the review band, each in sorted order (left < right)."""
    band = pairs[
        (pairs["match_probability"] >= REVIEW_FLOOR) & (pairs["match_probability"] < REVIEW_CEILING)
    ]
    left = band[["unique_id_l", "unique_id_r"]].min(axis=1)
    right = band[["unique_id_l", "unique_id_r"]].max(axis=1)
    return pd.DataFrame(
        {
            "left": left,
            "right": right,
            "match_probability": band["match_probability"],
            "match_weight": band["match_weight"],
        }
    )


def decided_pairs(status: ReviewStatus) -> list[tuple[str, str]]:
    return list(ReviewItem.objects.filter(status=status).values_list("left_record", "right_record"))


def queue_update(run: LinkageRun, doubtful: pd.DataFrame) -> int:
    """Bring the queue in step with `run`; returns how many pairs wait for a person."""
    existing = {
        (item.left_record, item.right_record): item
        for item in ReviewItem.objects.exclude(status__in=DECIDED)
    }
    decided = set(
        ReviewItem.objects.filter(status__in=DECIDED).values_list("left_record", "right_record")
    )
    fresh: list[ReviewItem] = []
    updated: list[ReviewItem] = []
    seen: set[tuple[str, str]] = set()
    for left, right, probability, weight in doubtful.itertuples(index=False):
        key = (left, right)
        if key in decided or key in seen:
            continue
        seen.add(key)
        item = existing.get(key)
        if item is None:
            fresh.append(
                ReviewItem(
                    left_record=left,
                    right_record=right,
                    match_probability=probability,
                    match_weight=weight,
                    run=run,
                )
            )
        else:
            item.match_probability, item.match_weight, item.run = probability, weight, run
            updated.append(item)
    stale = [
        item.pk
        for key, item in existing.items()
        if key not in seen and item.status == ReviewStatus.OPEN
    ]
    ReviewItem.objects.filter(pk__in=stale).delete()
    ReviewItem.objects.bulk_create(fresh, batch_size=2000)
    ReviewItem.objects.bulk_update(
        updated, ["match_probability", "match_weight", "run"], batch_size=2000
    )
    return ReviewItem.objects.filter(status=ReviewStatus.OPEN).count()

"""People's decisions on parent-child links, applied to each run's links (pure)."""

from collections.abc import Mapping

import pandas as pd

from reunify.linkage.family_links import LINK_COLUMNS

REVIEWER_ACCEPTED = "reviewer_accepted"


def apply_family_decisions(
    links: pd.DataFrame, verdicts: Mapping[tuple[str, str], str], persons: set[str]
) -> pd.DataFrame:
    """`links` (LINK_COLUMNS) with each decided pair accepted or dropped: a rejected link
    leaves, an accepted one is accepted whatever its confidence — and kept even if this
    run no longer proposes it, carrying the evidence `reviewer_accepted`, as long as both
    its persons still exist in `persons`."""
    if links.empty and not verdicts:
        return links
    pairs = list(
        zip(
            links["parent_person_id"].astype(str), links["child_person_id"].astype(str), strict=True
        )
    )
    verdict = pd.Series([verdicts.get(pair) for pair in pairs], index=links.index, dtype=object)
    kept = links[verdict != "REJECTED"].copy()
    accepted = verdict.loc[kept.index] == "ACCEPTED"
    kept.loc[accepted, "status"] = "accepted"
    kept.loc[accepted, "evidence"] = kept.loc[accepted, "evidence"].map(
        lambda codes: (*codes, REVIEWER_ACCEPTED)
    )
    proposed = set(pairs)
    missing = [
        (parent, child, 1.0, "accepted", (REVIEWER_ACCEPTED,))
        for (parent, child), decided in verdicts.items()
        if decided == "ACCEPTED"
        and (parent, child) not in proposed
        and parent in persons
        and child in persons
    ]
    if missing:
        kept = pd.concat(
            [kept, pd.DataFrame(missing, columns=list(LINK_COLUMNS))], ignore_index=True
        )
    return kept

"""Family reconstruction: parent-child links between persons, each with a confidence
and the evidence behind it.

`family_links(frame, clusters)` takes the linkage table and the person each record was
linked to, gathers the evidence for every candidate pair (`family_evidence`) and scores
it as a sum of log-odds: `BIAS` plus the `WEIGHTS` of the evidence present, turned into
a probability. The weights were fitted once by logistic regression on generated data
(`reunify synth`, seed 11, 5,000 families) and rounded, then three were moved by hand
where the generated data is cleaner than real records (an impossible age gap, an
A-number and a full name naming an adult outside the child's event, which generated
data rarely tests); nothing is learned at run time, and no label is read.

Per child, the best candidate of each sex (a mother, a father; a legal guardian counts
under their sex) is kept. It is accepted at `ACCEPT` or above and goes to review from
`REVIEW_FLOOR`; a runner-up above the floor goes to review as a conflict, and when it
too reaches `ACCEPT` and the best does not lead it by `CONFLICT_MARGIN`, the best goes to
review with it, since a person must choose.
"""

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from reunify.linkage.family_evidence import EVIDENCE, PAIR, candidate_evidence

ACCEPT = 0.9
REVIEW_FLOOR = 0.5
# A best candidate leads a runner-up that also reaches ACCEPT by at least this much
# log-odds (odds about 20 times higher), or both go to review.
CONFLICT_MARGIN = 3.0

# Log-odds of "parent of" for a candidate pair before any evidence, and what each kind
# of evidence adds. Positive weights argue for a link, negative against.
BIAS = -8.0
WEIGHTS: dict[str, float] = {
    "co_apprehended_same_event": 0.5,  # apprehended together
    "same_family_group": 4.5,  # the agent put them in one family unit
    "different_family_group": -5.0,  # ... or in two
    "parent_word": 7.5,  # the adult was written down as MOTHER, PADRE, GUARDIAN…
    "child_word": 0.5,  # the child as SON, HIJA, MINOR…
    "adult_relative_word": -2.5,  # the adult as TIA, ABUELO, HERMANA…: not a parent
    "child_relative_word": -2.0,  # the child as SOBRINA, NIETO…: a relative's child
    "roles_reversed": -3.5,  # the "adult" called CHILD or the "child" MOTHER
    "word_sex_conflict": -2.0,  # MOTHER on a man's record
    "age_gap_14_to_60": 1.0,
    "age_gap_implausible": -5.0,  # fitted -2.7; a data error must not pass unseen
    "shared_surname": 1.5,
    "no_shared_surname": -3.0,
    "reported_parent_name_matches": 2.0,  # the shelter child named this adult
    "reported_parent_given_name_matches": 1.0,  # ... by given name alone
    "reported_parent_name_differs": -2.0,  # ... named someone else
    "reported_kinship_sex_conflict": -1.0,  # "MADRE" but a man
    "reported_as_relative": -1.0,  # the child named them as "TIA"
    "parent_a_number_matches": 7.0,  # the shelter record gives this adult's A-number
    "parent_a_number_differs": -1.5,  # ... gives another (one in 25 is mistyped)
    "parent_phone_matches": 0.5,  # a sibling named this adult and gave the same phone
}
assert set(WEIGHTS) == set(EVIDENCE)

LINK_COLUMNS = ("parent_person_id", "child_person_id", "confidence", "status", "evidence")


def _evidence_codes(scored: pd.DataFrame) -> list[tuple[str, ...]]:
    """Each row's evidence as codes, "parent_word" written out as the words recorded.

    Rows share few combinations, so each row's present evidence is read as a bit mask
    and the codes are built once per mask (and words)."""
    present = scored[list(EVIDENCE)].to_numpy(dtype=bool)
    masks = present.astype(np.int64) @ (np.int64(1) << np.arange(len(EVIDENCE), dtype=np.int64))
    words = [
        word if said else None
        for word, said in zip(scored["words"].tolist(), present[:, _PARENT_WORD], strict=True)
    ]
    return [_codes(mask, word) for mask, word in zip(masks.tolist(), words, strict=True)]


_PARENT_WORD = EVIDENCE.index("parent_word")


@cache
def _codes(mask: int, words: str | None) -> tuple[str, ...]:
    codes = []
    for bit, code in enumerate(EVIDENCE):
        if not mask >> bit & 1:
            continue
        if code == "parent_word":
            codes.append(f"relationship_word:{words}")
        elif code == "child_word" and words is not None:
            continue  # said by the relationship_word code already
        else:
            codes.append(code)
    return tuple(codes)


def score_evidence(evidence: pd.DataFrame) -> pd.Series:
    """The confidence (0..1) of each candidate row of `candidate_evidence`."""
    weights = np.array([WEIGHTS[code] for code in EVIDENCE])
    log_odds = BIAS + evidence[list(EVIDENCE)].to_numpy(dtype=float) @ weights
    return pd.Series(1 / (1 + np.exp(-log_odds)), index=evidence.index)


def _log_odds(confidence: pd.Series) -> pd.Series:
    clipped = confidence.clip(1e-12, 1 - 1e-12)
    return pd.Series(np.log(clipped / (1 - clipped)), index=confidence.index)


def _role(evidence: pd.DataFrame) -> pd.Series:
    """The parent's role for "one of each per child": their sex, else the word's."""
    word_sex = evidence["words"].str.split("/").str[0].map({"MOTHER": "F", "FATHER": "M"})
    return evidence["parent_sex"].fillna(word_sex).fillna("?")


def choose_links(
    evidence: pd.DataFrame, *, accept: float = ACCEPT, floor: float = REVIEW_FLOOR
) -> pd.DataFrame:
    """Scored candidates down to at most one accepted parent per child and role."""
    scored = evidence.assign(confidence=score_evidence(evidence), role=_role(evidence))
    scored = scored[scored["confidence"] >= floor]
    scored = scored.sort_values(["child_person_id", "role", "confidence"],
                                ascending=[True, True, False])  # fmt: skip
    rank = scored.groupby(["child_person_id", "role"]).cumcount()
    runner_up = scored.groupby(["child_person_id", "role"])["confidence"].shift(-1)
    log_odds_lead = _log_odds(scored["confidence"]) - _log_odds(runner_up)
    best_contested = (rank == 0) & (runner_up >= accept) & (log_odds_lead < CONFLICT_MARGIN)
    accepted = (rank == 0) & (scored["confidence"] >= accept) & ~best_contested
    scored["status"] = np.where(accepted, "accepted", "review")
    codes = _evidence_codes(scored)
    conflict = (rank > 0) | best_contested
    scored["evidence"] = [
        (*found, "conflicting_candidate") if contested else found
        for found, contested in zip(codes, conflict, strict=True)
    ]
    links = scored[list(LINK_COLUMNS)].sort_values(["child_person_id", "confidence"],
                                                    ascending=[True, False])  # fmt: skip
    return links.reset_index(drop=True)


@dataclass
class FamilyLinks:
    links: pd.DataFrame  # LINK_COLUMNS: accepted and for-review links
    candidates: int  # candidate pairs scored

    @property
    def accepted(self) -> pd.DataFrame:
        return self.links[self.links["status"] == "accepted"]

    @property
    def for_review(self) -> pd.DataFrame:
        return self.links[self.links["status"] == "review"]


def family_links(
    frame: pd.DataFrame,
    clusters: pd.DataFrame,
    *,
    accept: float = ACCEPT,
    floor: float = REVIEW_FLOOR,
) -> FamilyLinks:
    """Parent-child links between the persons of `clusters` (unique_id, person_id),
    from the linkage table `frame` (`records_frame` or `staged_frame`)."""
    evidence = candidate_evidence(frame, clusters)
    return FamilyLinks(choose_links(evidence, accept=accept, floor=floor), len(evidence))


__all__ = ["ACCEPT", "BIAS", "LINK_COLUMNS", "PAIR", "REVIEW_FLOOR", "WEIGHTS", "FamilyLinks",
           "choose_links", "family_links", "score_evidence"]  # fmt: skip

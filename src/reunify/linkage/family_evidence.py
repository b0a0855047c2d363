"""The evidence that one person is another's parent, gathered pair by pair.

Candidates come from three places a real extract holds: adults and children apprehended
in one border event; an adult whose A-number a shelter record gives as the parent's;
and an adult anywhere whose name is the one a shelter child reported. For each
candidate pair of persons (parent, child) `candidate_evidence` returns one row of
yes/no columns, one per kind of evidence (`EVIDENCE`), that `family_links` weighs.

Relationship words in the border extract say what each member is to the group's head:
a parent is "MOTHER" or "FATHER" (a legal guardian "GUARDIAN") and the children "SON",
"HIJA", "MINOR"…; when the adult is an aunt or a grandmother the children are "NIECE"
or "NIETO", so a child's word tells a parent's child from a relative's.
"""

from typing import Any

import duckdb
import pandas as pd

from reunify.linkage.contract import each_value

PARENT_WORDS = frozenset({"MOTHER", "FATHER", "PARENT", "GUARDIAN", "STEP_PARENT"})
CHILD_WORDS = frozenset({"CHILD", "WARD", "STEP_CHILD"})
# An adult so called is a relative of the children, not their parent.
RELATIVE_WORDS = frozenset({"AUNT_UNCLE", "GRANDPARENT", "SIBLING", "COUSIN", "SPOUSE",
                            "OTHER_RELATIVE", "NOT_RELATED"})  # fmt: skip
# A child so called came with a relative: a niece, a grandchild, a younger sister.
RELATIVE_CHILD_WORDS = frozenset({"NIECE_NEPHEW", "GRANDCHILD", "SIBLING", "COUSIN"})
_SEX_OF_WORD = {"MOTHER": "F", "FATHER": "M"}

# A parent is at least this many years older than the child, at most the second.
AGE_GAP_YEARS = (14.0, 60.0)
# Border records of people this old are not anyone's child in a family unit.
CHILD_AGE_LIMIT = 18.5
DAYS_PER_YEAR = 365.2425
# Names this alike (Jaro-Winkler of folded words) are taken as the same name.
NAME_SIMILAR = 0.92
NAME_DIFFERENT = 0.80

EVIDENCE = (
    "co_apprehended_same_event",
    "same_family_group",
    "different_family_group",
    "parent_word",
    "child_word",
    "adult_relative_word",
    "child_relative_word",
    "roles_reversed",
    "word_sex_conflict",
    "age_gap_14_to_60",
    "age_gap_implausible",
    "shared_surname",
    "no_shared_surname",
    "reported_parent_name_matches",
    "reported_parent_given_name_matches",
    "reported_parent_name_differs",
    "reported_kinship_sex_conflict",
    "reported_as_relative",
    "parent_a_number_matches",
    "parent_a_number_differs",
    "parent_phone_matches",
)
PAIR = ["parent_person_id", "child_person_id"]


def _words(names: "pd.Series[Any]") -> "pd.Series[Any]":
    """Each name's words (None for no name), split once per distinct name."""
    return each_value(names, lambda name: name.split() if isinstance(name, str) else None)


def person_records(frame: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """The linkage table with each record's person (a record in no cluster is its own)."""
    records = frame.merge(clusters[["unique_id", "person_id"]], on="unique_id", how="left")
    alone = records["person_id"].isna()
    records.loc[alone, "person_id"] = "record:" + records.loc[alone, "unique_id"]
    records["person_id"] = records["person_id"].astype(str)
    records["born"] = pd.to_datetime(records["birth_date"], errors="coerce")
    # days since 1970 as a float: NaN, unlike NaT, is skipped by a grouped median
    records["born_day"] = (records["born"] - pd.Timestamp(0)).dt.days.astype(float)
    return records


def person_profiles(records: pd.DataFrame) -> pd.DataFrame:
    """Per person: median birth day (days since 1970) and the commonest sex of its
    records."""
    born = records.groupby("person_id")["born_day"].median()
    sex = (
        records.dropna(subset=["sex"])
        .groupby(["person_id", "sex"])
        .size()
        .reset_index(name="n")
        .sort_values(["person_id", "n"], ascending=[True, False])
        .drop_duplicates("person_id")
        .set_index("person_id")["sex"]
    )
    return pd.DataFrame({"born": born}).join(sex)


def _event_pairs(records: pd.DataFrame) -> pd.DataFrame:
    """Record pairs (a possible parent, a possible child) of one border event."""
    cbp = records.loc[
        (records["source"] == "cbp") & records["event_id"].notna(),
        ["person_id", "event_id", "family_group", "relationship", "sex", "born",
         "apprehended_on"],
    ].copy()  # fmt: skip
    apprehended = pd.to_datetime(cbp["apprehended_on"], errors="coerce")
    cbp["age"] = (apprehended - cbp["born"]).dt.days / DAYS_PER_YEAR
    cbp = cbp.drop(columns=["apprehended_on", "born"])
    adults = cbp[~(cbp["age"] < AGE_GAP_YEARS[0])]
    children = cbp[~(cbp["age"] >= CHILD_AGE_LIMIT)]
    pairs = adults.merge(children, on="event_id", suffixes=("_p", "_c"))
    pairs = pairs[pairs["person_id_p"] != pairs["person_id_c"]]
    return pairs.rename(columns={"person_id_p": PAIR[0], "person_id_c": PAIR[1]})


def _event_evidence(records: pd.DataFrame) -> pd.DataFrame:
    pairs = _event_pairs(records)
    word_p, word_c = pairs["relationship_p"], pairs["relationship_c"]
    groups_known = pairs["family_group_p"].notna() & pairs["family_group_c"].notna()
    same_group = pairs["family_group_p"] == pairs["family_group_c"]
    expected_sex = word_p.map(_SEX_OF_WORD)
    out = pairs[PAIR].copy()
    out["co_apprehended_same_event"] = True
    out["same_family_group"] = groups_known & same_group
    out["different_family_group"] = groups_known & ~same_group
    out["parent_word"] = word_p.isin(PARENT_WORDS)
    out["child_word"] = word_c.isin(CHILD_WORDS)
    out["adult_relative_word"] = word_p.isin(RELATIVE_WORDS)
    out["child_relative_word"] = word_c.isin(RELATIVE_CHILD_WORDS)
    out["roles_reversed"] = word_p.isin(CHILD_WORDS) | word_c.isin(PARENT_WORDS)
    out["word_sex_conflict"] = (
        expected_sex.notna() & pairs["sex_p"].notna() & (expected_sex != pairs["sex_p"])
    )
    # the words as recorded, to show a reviewer: "MOTHER/CHILD"
    out["words"] = word_p.fillna("-") + "/" + word_c.fillna("-")
    return _any_per_pair(out, keep_first=["words"])


def _any_per_pair(pairs: pd.DataFrame, keep_first: list[str] | None = None) -> pd.DataFrame:
    flags = [column for column in pairs.columns if pairs[column].dtype == bool]
    aggregations: dict[str, str] = dict.fromkeys(flags, "any")
    aggregations.update(dict.fromkeys(keep_first or [], "first"))
    return pairs.groupby(PAIR, as_index=False, sort=False).agg(aggregations)


def _reported(records: pd.DataFrame) -> pd.DataFrame:
    """Shelter records with something said about a parent."""
    orr = records[records["source"] == "orr"]
    said = (
        orr["reported_parent_given_names"].notna()
        | orr["reported_parent_surnames"].notna()
        | orr["parent_a_number"].notna()
    )
    reported = orr.loc[said, ["unique_id", "person_id", "reported_parent_given_names",
                              "reported_parent_surnames", "reported_parent_relationship",
                              "parent_a_number", "parent_phone"]].copy()  # fmt: skip
    reported["reported_given"] = _words(reported["reported_parent_given_names"]).str[0]
    reported["reported_surname"] = _words(reported["reported_parent_surnames"]).str[0]
    return reported.rename(columns={"person_id": PAIR[1]})


def _adult_records(records: pd.DataFrame) -> pd.DataFrame:
    """Records that could name a parent: border and detention records with a name."""
    named = records[records["source"].isin(["cbp", "ice"]) & records["first_given"].notna()]
    return named[["person_id", "first_given", "surnames", "a_number"]]


def _reported_candidates(
    reported: pd.DataFrame,
    adults: pd.DataFrame,
    event_pairs: pd.DataFrame,
    phone_siblings: pd.DataFrame,
) -> pd.DataFrame:
    """(shelter record, parent person) pairs worth comparing: adults of the child's
    events, the holder of the reported A-number, and namesakes of the reported parent.

    A namesake is compared only where it can change a link: when the adult is already a
    candidate for the child (from an event or an A-number), or for a brother or sister
    who gave the same parent phone (`parent_phone_matches`). A namesake and nothing else
    scores at most `WEIGHTS`' name, age, surname and phone evidence over `BIAS`, far
    below the review floor (tests/linkage/test_family_links.py holds that bound), and a
    common name has thousands: comparing them all made a national run's largest table.
    """
    from_event = reported[["unique_id", PAIR[1]]].merge(event_pairs[PAIR], on=PAIR[1])
    by_a_number = reported.dropna(subset=["parent_a_number"]).merge(
        adults.dropna(subset=["a_number"]), left_on="parent_a_number", right_on="a_number"
    )
    by_a_number = by_a_number.rename(columns={"person_id": PAIR[0]})
    candidates = pd.concat([event_pairs[PAIR], by_a_number[PAIR]]).drop_duplicates()
    for_a_sibling = phone_siblings.merge(candidates, left_on="person_id_sibling", right_on=PAIR[1])[
        [PAIR[0], "person_id"]
    ].rename(columns={"person_id": PAIR[1]})
    worth_naming = pd.concat([candidates, for_a_sibling]).drop_duplicates()
    surname_words = adults.assign(word=_words(adults["surnames"])).explode("word")
    by_name = (
        reported.dropna(subset=["reported_given", "reported_surname"])[
            ["unique_id", PAIR[1], "reported_given", "reported_surname"]
        ]
        .merge(worth_naming, on=PAIR[1])
        .merge(
            surname_words.rename(columns={"person_id": PAIR[0]}),
            left_on=[PAIR[0], "reported_given", "reported_surname"],
            right_on=[PAIR[0], "first_given", "word"],
        )
    )
    found = pd.concat(
        [
            from_event[["unique_id", PAIR[0]]],
            by_a_number[["unique_id", PAIR[0]]],
            by_name[["unique_id", PAIR[0]]],
        ]
    ).drop_duplicates()
    found = found.merge(reported, on="unique_id")
    return found[found[PAIR[0]] != found[PAIR[1]]]


_NAME_COMPARISON = """
select c.unique_id, c.parent_person_id, c.child_person_id,
    max(coalesce(jaro_winkler_similarity(c.reported_given, a.first_given), 0)) as given_sim,
    max(case when c.reported_parent_surnames is null or a.surnames is null then null
        when list_has_any(string_split(c.reported_parent_surnames, ' '),
                          string_split(a.surnames, ' ')) then 1.0
        else jaro_winkler_similarity(c.reported_surname, split_part(a.surnames, ' ', 1))
        end) as surname_sim,
    bool_or(c.parent_a_number = a.a_number) as a_number_same,
    bool_or(a.a_number is not null) as a_number_known
from candidates c join adults a on a.person_id = c.parent_person_id
group by all
"""


def _reported_evidence(
    records: pd.DataFrame, event_pairs: pd.DataFrame, phone_siblings: pd.DataFrame
) -> pd.DataFrame:
    reported = _reported(records)
    adults = _adult_records(records)
    candidates = _reported_candidates(reported, adults, event_pairs, phone_siblings)
    connection = duckdb.connect()
    connection.register("candidates", candidates)
    connection.register("adults", adults)
    compared = connection.execute(_NAME_COMPARISON).df()
    connection.close()
    compared = compared.merge(
        candidates[["unique_id", PAIR[0], "reported_given", "reported_parent_surnames",
                    "reported_parent_relationship", "parent_a_number"]],
        on=["unique_id", PAIR[0]],
    )  # fmt: skip
    given_said = compared["reported_given"].notna()
    surname_said = compared["reported_parent_surnames"].notna()
    given_same = given_said & (compared["given_sim"] >= NAME_SIMILAR)
    surname_same = compared["surname_sim"] >= NAME_SIMILAR
    named = given_same & (surname_same | ~surname_said)
    kinship = compared["reported_parent_relationship"]
    out = compared[PAIR].copy()
    out["reported_parent_name_matches"] = given_same & surname_same
    out["reported_parent_given_name_matches"] = given_same & ~surname_said
    out["reported_parent_name_differs"] = (
        given_said & (compared["given_sim"] < NAME_DIFFERENT)
    ) | (surname_said & (compared["surname_sim"] < NAME_DIFFERENT))
    out["reported_as_relative"] = named & kinship.notna() & ~kinship.isin(PARENT_WORDS)
    out["expected_sex"] = kinship.map(_SEX_OF_WORD).where(named)
    a_number_said = compared["parent_a_number"].notna()
    out["parent_a_number_matches"] = a_number_said & compared["a_number_same"].fillna(False)
    out["parent_a_number_differs"] = (
        a_number_said & compared["a_number_known"].fillna(False) & ~out["parent_a_number_matches"]
    )
    flags = [column for column in out.columns if column in EVIDENCE]
    out[flags] = out[flags].astype(bool)
    return _any_per_pair(out, keep_first=["expected_sex"])


def _phone_siblings(records: pd.DataFrame) -> pd.DataFrame:
    """Pairs of shelter children (person_id, person_id_sibling) who gave one parent phone."""
    phones = records.loc[
        (records["source"] == "orr") & records["parent_phone"].notna(),
        ["person_id", "parent_phone"],
    ].drop_duplicates()
    siblings = phones.merge(phones, on="parent_phone", suffixes=("", "_sibling"))
    siblings = siblings[siblings["person_id"] != siblings["person_id_sibling"]]
    return siblings[["person_id", "person_id_sibling"]].drop_duplicates()


def _phone_evidence(siblings: pd.DataFrame, pairs: pd.DataFrame) -> pd.Series:
    """True where the child shares a reported parent phone with another shelter child
    who named the same parent (by name or A-number): one parent, two children."""
    named = pairs[pairs["reported_parent_name_matches"] | pairs["parent_a_number_matches"]]
    shared = (
        pairs[PAIR]
        .merge(siblings, left_on=PAIR[1], right_on="person_id")
        .merge(
            named[PAIR].rename(columns={PAIR[1]: "person_id_sibling"}),
            on=[PAIR[0], "person_id_sibling"],
        )
    )
    keys = set(zip(shared[PAIR[0]], shared[PAIR[1]], strict=True))
    return pd.Series(
        [key in keys for key in zip(pairs[PAIR[0]], pairs[PAIR[1]], strict=True)],
        index=pairs.index,
        dtype=bool,
    )


def _surname_evidence(records: pd.DataFrame, pairs: pd.DataFrame) -> pd.Series:
    words = records[["person_id", "surnames"]].dropna()
    words = words.assign(word=_words(words["surnames"])).explode("word")
    words = words[["person_id", "word"]].drop_duplicates()
    shared = (
        pairs[PAIR]
        .merge(words, left_on=PAIR[0], right_on="person_id")
        .merge(words, left_on=[PAIR[1], "word"], right_on=["person_id", "word"])
    )
    keys = set(zip(shared[PAIR[0]], shared[PAIR[1]], strict=True))
    return pd.Series(
        [key in keys for key in zip(pairs[PAIR[0]], pairs[PAIR[1]], strict=True)],
        index=pairs.index,
        dtype=bool,
    )


def candidate_evidence(frame: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """One row per candidate (parent person, child person) with a column per `EVIDENCE`
    code, plus `words` (the relationship words recorded, for a reviewer) and the
    parent's sex. `frame` is the linkage table, `clusters` its unique_id → person_id."""
    records = person_records(frame, clusters)
    # Persons by number while comparing: a million records' joins on integers, not on
    # text ids (a third of the time). Named again, and put in their order, at the end.
    numbers, persons = pd.factorize(records["person_id"])
    records["person_id"] = numbers
    profiles = person_profiles(records)
    event = _event_evidence(records)
    phone_siblings = _phone_siblings(records)
    reported = _reported_evidence(records, event, phone_siblings)
    pairs = event.merge(reported, on=PAIR, how="outer")
    for column in EVIDENCE:
        if column in pairs:
            pairs[column] = pairs[column].astype("boolean").fillna(False).astype(bool)
    pairs = pairs.merge(
        profiles.rename(columns={"born": "born_p", "sex": "sex_p"}),
        left_on=PAIR[0],
        right_index=True,
    ).merge(
        profiles[["born"]].rename(columns={"born": "born_c"}), left_on=PAIR[1], right_index=True
    )
    gap = (pairs["born_c"] - pairs["born_p"]) / DAYS_PER_YEAR
    pairs["age_gap_years"] = gap
    pairs["age_gap_14_to_60"] = gap.between(*AGE_GAP_YEARS)
    pairs["age_gap_implausible"] = gap.notna() & ~pairs["age_gap_14_to_60"]
    pairs["reported_kinship_sex_conflict"] = (
        pairs["expected_sex"].notna()
        & pairs["sex_p"].notna()
        & (pairs["expected_sex"] != pairs["sex_p"])
    )
    shared = _surname_evidence(records, pairs)
    pairs["shared_surname"] = shared
    both_named = pairs[PAIR[0]].isin(set(records.loc[records["surnames"].notna(), "person_id"]))
    # a legal guardian (a grandmother, most often) seldom carries the child's surnames
    guardian = pairs["words"].fillna("").str.startswith("GUARDIAN/")
    pairs["no_shared_surname"] = ~shared & both_named & ~guardian
    pairs["parent_phone_matches"] = _phone_evidence(phone_siblings, pairs)
    columns = [*PAIR, *EVIDENCE, "words", "sex_p", "age_gap_years"]
    found = pairs[columns].rename(columns={"sex_p": "parent_sex"})
    for person in PAIR:
        found[person] = persons.take(found[person].to_numpy())
    return found.sort_values(list(PAIR), kind="stable").reset_index(drop=True)


__all__ = ["EVIDENCE", "PAIR", "candidate_evidence", "person_records"]

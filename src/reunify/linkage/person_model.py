"""The Splink model that says which extract records are the same person.

Comparisons are written for Hispanic names (two surnames, either of which a clerk may
drop or put first; a second given name often left out) and for birth dates copied with
day and month swapped or the year off by one. Every pair Splink looks at obeys what the
sources guarantee: the border extract holds each person once (one row per apprehended
person) and so does the shelter extract (one referral per child), so two cbp records
or two orr records are never the same person and are never compared. Detention
bookings repeat per person, and share the detention subject id when it was recorded.

Parameters are estimated with no labels: u by random sampling, m by expectation
maximisation blocked on birth date and on A-number (blocking EM on names alone learns
"same common name" instead of "same person"), the share of matches from near-certain
rules.
"""

from typing import Any

from splink import SettingsCreator
from splink import comparison_library as cl

# The pairs Splink may compare: never two border rows, never two shelter rows, and
# never a shelter row (a child's) with an adult's border row (`adult_at_apprehension`
# from `with_blocking_keys`: a parent's relationship word, or 19 or older by the dates).
SAME_PERSON_POSSIBLE = (
    "(l.source <> r.source or l.source = 'ice')"
    " and not (l.adult_at_apprehension and r.source = 'orr')"
    " and not (r.adult_at_apprehension and l.source = 'orr')"
)

DUPLICATE_FREE_SOURCES = ("cbp", "orr")


def _null(column: str) -> dict[str, Any]:
    return {
        "sql_condition": f"{column}_l is null or {column}_r is null",
        "label_for_charts": "null",
        "is_null_level": True,
    }


def _level(sql: str, label: str, tf_column: str | None = None) -> dict[str, Any]:
    level: dict[str, Any] = {"sql_condition": sql, "label_for_charts": label}
    if tf_column is not None:
        level["tf_adjustment_column"] = tf_column
        level["tf_adjustment_weight"] = 1.0
    return level


_ELSE: dict[str, Any] = {"sql_condition": "ELSE", "label_for_charts": "else"}


def given_names_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="given_names",
        comparison_levels=[
            _null("first_given"),
            _level("given_names_l = given_names_r", "all given names", "given_names"),
            _level("first_given_l = first_given_r", "first given name", "first_given"),
            _level(
                "jaro_winkler_similarity(first_given_l, first_given_r) >= 0.9"
                " or jaro_winkler_similarity(given_names_l, given_names_r) >= 0.92",
                "given names alike",
            ),
            _level(
                "(length(first_given_l) = 1 or length(first_given_r) = 1)"
                " and left(first_given_l, 1) = left(first_given_r, 1)",
                "initial",
            ),
            _ELSE,
        ],
    )


def surnames_comparison() -> cl.CustomComparison:
    """Both surnames; swapped; one of the two missing on one side; a slip in spelling."""
    one_missing = "(second_surname_l is null or second_surname_r is null)"
    return cl.CustomComparison(
        output_column_name="surnames",
        comparison_levels=[
            _null("first_surname"),
            _level("surnames_l = surnames_r", "both surnames", "surnames"),
            _level(
                "first_surname_l = second_surname_r and second_surname_l = first_surname_r",
                "both surnames, swapped",
            ),
            _level(
                f"first_surname_l = first_surname_r and {one_missing}",
                "first surname, other missing",
                "first_surname",
            ),
            _level(
                "jaro_winkler_similarity(surnames_l, surnames_r) >= 0.92"
                " or levenshtein(surnames_l, surnames_r) <= 2",
                "surnames alike",
            ),
            _level(
                f"{one_missing} and (first_surname_l = second_surname_r"
                " or second_surname_l = first_surname_r)",
                "one surname, other missing",
            ),
            _level("first_surname_l = first_surname_r", "first surname only", "first_surname"),
            _ELSE,
        ],
    )


def birth_date_comparison() -> cl.CustomComparison:
    year, month, day = (
        ("substr(birth_date_{s}, 1, 4)"),
        ("substr(birth_date_{s}, 6, 2)"),
        ("substr(birth_date_{s}, 9, 2)"),
    )

    def same(part: str) -> str:
        return f"{part.format(s='l')} = {part.format(s='r')}"

    swapped = (
        f"{same(year)} and {month.format(s='l')} = {day.format(s='r')}"
        f" and {day.format(s='l')} = {month.format(s='r')}"
    )
    two_of_three = (
        f"({same(year)} and {same(month)}) or ({same(year)} and {same(day)})"
        f" or ({same(month)} and {same(day)} and abs(birth_year_l - birth_year_r) <= 1)"
    )
    return cl.CustomComparison(
        output_column_name="birth_date",
        comparison_levels=[
            _null("birth_date"),
            _level("birth_date_l = birth_date_r", "exact"),
            _level(swapped, "day and month swapped"),
            _level(two_of_three, "one part off"),
            _level("birth_year_l = birth_year_r", "same year"),
            _ELSE,
        ],
    )


def a_number_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="a_number",
        comparison_levels=[
            _null("a_number"),
            _level("a_number_l = a_number_r", "exact"),
            _level("damerau_levenshtein(a_number_l, a_number_r) <= 1", "one slip"),
            _ELSE,
        ],
    )


def _exact(column: str) -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name=column,
        comparison_levels=[_null(column), _level(f"{column}_l = {column}_r", "exact"), _ELSE],
    )


def _rule(*conditions: str) -> str:
    return " and ".join((*conditions, SAME_PERSON_POSSIBLE))


def _equal(*columns: str) -> str:
    return " and ".join(f"l.{column} = r.{column}" for column in columns)


# Each rule was counted with `splink.blocking_analysis` on a million records (see
# bench/linkage_quality.py): none joins on a surname alone, which explodes on "lopez".
# The derived keys (sounds, swapped and partial dates) come from `with_blocking_keys`.
PREDICTION_BLOCKING_RULES = (
    _rule(_equal("a_number")),
    _rule(_equal("subject_id")),
    _rule(_equal("birth_date", "first_surname")),
    _rule(_equal("birth_date", "first_given")),
    _rule(_equal("birth_date", "surname_sound")),
    _rule(_equal("first_given", "surnames")),
    _rule(_equal("name_key")),
    _rule(_equal("surnames", "birth_year")),
    _rule(_equal("given_sound", "surname_sound", "birth_year")),
    # A year copied wrong. Month, day and first surname alone made 16 million pairs.
    _rule(_equal("birth_month_day", "surnames")),
    _rule(_equal("birth_month_day", "first_given", "citizenship")),
    _rule("l.birth_date = r.birth_date", "l.first_surname = r.second_surname"),
    # A day-first date read month-first, or the other way round.
    _rule("l.birth_date = r.birth_date_swapped", "l.first_surname = r.first_surname"),
    _rule("l.birth_date = r.birth_date_swapped", "l.first_given = r.first_given"),
)

TRAINING_BLOCKING_RULES = (
    _rule(_equal("birth_date")),
    _rule(_equal("a_number")),
)

# Expectation maximisation needs many matching pairs, not every one: past this many
# records it learns from a share of the birth dates, whole blocks (no pair is cut in
# two). At a million records a quarter of the dates took 88 s where all took 282 (a
# loaded machine) and learned the same m probabilities to three decimals.
RECORDS_PER_TRAINING_SHARE = 250_000


def training_rules(records: int) -> tuple[str, ...]:
    """The EM blocking rules for `records` records: all birth-date blocks for up to
    `RECORDS_PER_TRAINING_SHARE` records, one block in N for N times as many."""
    shares = records // RECORDS_PER_TRAINING_SHARE
    if shares <= 1:
        return TRAINING_BLOCKING_RULES
    sampled = _rule(_equal("birth_date"), f"hash(l.birth_date) % {shares} = 0")
    return (sampled, *TRAINING_BLOCKING_RULES[1:])


# Pairs nearly certain to be one person, for the prior share of matches.
DETERMINISTIC_RULES = (
    _rule(_equal("a_number", "first_given")),
    _rule(_equal("birth_date", "given_names", "surnames")),
)


def person_settings() -> SettingsCreator:
    """The model before training: comparisons and prediction blocking rules."""
    return SettingsCreator(
        link_type="link_and_dedupe",
        unique_id_column_name="unique_id",
        comparisons=[
            given_names_comparison(),
            surnames_comparison(),
            birth_date_comparison(),
            a_number_comparison(),
            _exact("sex"),
            _exact("citizenship"),
            _exact("subject_id"),
        ],
        blocking_rules_to_generate_predictions=[block_on_sql(r) for r in PREDICTION_BLOCKING_RULES],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def block_on_sql(sql: str) -> dict[str, str]:
    """A blocking rule written in SQL, as Splink's settings take it."""
    return {"blocking_rule": sql, "sql_dialect": "duckdb"}

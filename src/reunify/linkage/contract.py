"""The table linkage reads: one row per staged record, the columns the model compares.

`contract_frame` reshapes the standard fields an import gives records
(`imports.row_reading`) into these columns, a source at a time, whether the records come
from the database (`staged_frame`) or straight from extract files (`records_frame`, for
benchmarks).
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from reunify.imports.sources import Source
from reunify.standardise.name_words import key_words

SOURCES = tuple(source.value for source in Source)

# Column order of the table; every column may be null except the first three.
CONTRACT_COLUMNS = (
    "unique_id", "source", "record_id", "given_names", "first_given", "first_surname",
    "second_surname", "surnames", "name_key", "birth_date", "birth_year",
    "birth_date_ambiguous", "sex", "citizenship", "a_number", "language", "event_id",
    "family_group", "relationship", "apprehended_on", "reported_parent_given_names",
    "reported_parent_surnames", "reported_parent_relationship", "parent_phone",
    "parent_a_number", "subject_id",
)  # fmt: skip


def _or_none(values: "pd.Series[Any]") -> "pd.Series[Any]":
    """Empty text as null, as linkage reads a missing value. Equal texts become one
    object: a national table holds a million rows of a few countries and sexes, read from
    the database as a million separate strings."""
    codes, distinct = pd.factorize(values)
    # Each distinct text, then the None a null (code -1) takes.
    said = np.empty(len(distinct) + 1, dtype=object)
    said[:-1] = distinct
    said[:-1][said[:-1] == ""] = None
    return pd.Series(said[codes], index=values.index, dtype=object)


def _joined(first: "pd.Series[Any]", second: "pd.Series[Any]") -> "pd.Series[Any]":
    """The two texts joined by a space, either alone when the other is empty."""
    return (first.fillna("") + " " + second.fillna("")).str.strip()


def each_value(values: "pd.Series[Any]", read: Callable[[Any], Any]) -> "pd.Series[Any]":
    """`read` of each value, called once per distinct value: names and dates repeat.
    A null `read` is not given (a NaN that is not the one `unique` kept) reads as None."""
    read_once = {value: read(value) for value in values.unique()}
    return values.map(read_once.get)


def _iso(days: "pd.Series[Any]") -> "pd.Series[Any]":
    return each_value(days, lambda day: day.isoformat() if day else None)


def _first_word(text: str) -> str | None:
    words = key_words(text)
    return words[0] if words else None


def _name_key(text: str) -> str | None:
    return " ".join(sorted(key_words(text))) or None


def _first_language(codes: str | None) -> str | None:
    listed = (codes or "").split()
    return listed[0] if listed else None


def contract_frame(source: str, fields: pd.DataFrame) -> pd.DataFrame:
    """One source's staged records (a column per standard field, as an import gives
    them: `imports.row_reading`) as the rows linkage compares, in the same order."""
    return pd.DataFrame(contract_columns(source, fields), index=fields.index)


def contract_columns(source: str, fields: pd.DataFrame) -> dict[str, Any]:
    """The columns of `contract_frame`, not yet a table: `stacked` makes one table of
    every source's (each table built costs a copy of every value)."""
    given = fields["given_names_key"].fillna("")
    surnames = _joined(fields["first_surname_key"], fields["second_surname_key"])
    born = fields["birth_date"]
    table: dict[str, Any] = {}
    table["unique_id"] = f"{source}:" + fields["record_id"]
    table["source"] = np.full(len(fields), source, dtype=object)
    table["record_id"] = fields["record_id"]
    table["given_names"] = _or_none(given)
    table["first_given"] = each_value(given, _first_word)
    table["first_surname"] = _or_none(fields["first_surname_key"])
    table["second_surname"] = _or_none(fields["second_surname_key"])
    table["surnames"] = _or_none(surnames)
    table["name_key"] = each_value(_joined(given, surnames), _name_key)
    table["birth_date"] = _iso(born)
    table["birth_year"] = each_value(born, lambda day: day.year if day else None)
    table["birth_date_ambiguous"] = fields["birth_date_ambiguous"].eq(True).to_numpy()
    for column in ("sex", "citizenship", "a_number"):
        table[column] = _or_none(fields[column])
    table["language"] = each_value(fields["languages"], _first_language)
    if source == "cbp":
        table["event_id"] = fields["event_id"]
        table["family_group"] = _or_none(fields["family_group"])
        table["relationship"] = _or_none(fields["relationship"])
        table["apprehended_on"] = _iso(fields["apprehended_on"])
    elif source == "ice":
        table["subject_id"] = _or_none(fields["subject_id"])
    else:
        table["reported_parent_relationship"] = _or_none(fields["reported_parent_relationship"])
        table["reported_parent_given_names"] = _or_none(fields["reported_parent_given_names_key"])
        table["reported_parent_surnames"] = _or_none(
            _joined(
                fields["reported_parent_first_surname_key"],
                fields["reported_parent_second_surname_key"],
            )
        )
        table["parent_phone"] = _or_none(fields["parent_phone"])
        table["parent_a_number"] = _or_none(fields["parent_a_number"])
    nothing = np.full(len(fields), None, dtype=object)
    # Copies, not views: a view would keep `fields` (every value read) alive as long as
    # the columns.
    return {
        column: np.array(table[column], copy=True) if column in table else nothing
        for column in CONTRACT_COLUMNS
    }


def stacked(tables: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Sources' tables (or their `contract_columns`) one after the other, numbered from 0.
    (`pd.concat` looks at every value of a column of nulls to choose its type: a second
    and a half a hundred thousand rows, for columns that are object columns anyway. And
    the columns are not copied again into one block: 1.25 s at a million rows.)"""
    if not tables:
        return pd.DataFrame(columns=list(CONTRACT_COLUMNS))
    return pd.DataFrame(
        {
            column: np.concatenate([np.asarray(table[column]) for table in tables])
            for column in CONTRACT_COLUMNS
        },
        copy=False,
    )

"""The table linkage reads (`contract.CONTRACT_COLUMNS`), built from staged records.

Reading and reshaping a national run's million records takes one core some fifteen
seconds; the sources but the largest are reshaped in a forked process beside
(`forked.computed_beside`) while this one reads and reshapes the largest.
"""

from typing import Any

import pandas as pd

from reunify.forked import computed_beside
from reunify.imports.models import RECORD_MODELS
from reunify.linkage.contract import contract_columns, stacked

STAGED_FIELDS = (
    "record_id", "given_names_key", "first_surname_key", "second_surname_key", "birth_date",
    "birth_date_ambiguous", "sex", "citizenship", "a_number", "languages",
)  # fmt: skip
SOURCE_FIELDS: dict[str, tuple[str, ...]] = {
    "cbp": ("event_id", "family_group", "relationship", "apprehended_on"),
    "ice": ("subject_id",),
    "orr": (
        "reported_parent_relationship", "reported_parent_given_names_key",
        "reported_parent_first_surname_key", "reported_parent_second_surname_key",
        "parent_phone", "parent_a_number",
    ),
}  # fmt: skip
READ_CHUNK = 20_000
# Below this many records a forked process costs more than it saves.
RECORDS_WORTH_A_PROCESS = 100_000


def staged_fields(source: str) -> pd.DataFrame:
    """One source's staged records, a column per field, in `record_id` order."""
    model = RECORD_MODELS[source]
    fields = STAGED_FIELDS + SOURCE_FIELDS[source]
    found: list[tuple[Any, ...]] = []
    rows = model._default_manager.order_by("record_id").values_list(*fields)
    found.extend(rows.iterator(chunk_size=READ_CHUNK))
    return pd.DataFrame(found, columns=list(fields))


def staged_frame(*, beside: bool | None = None) -> pd.DataFrame:
    """Every staged record of every source as a row of the linkage table.

    `beside`: reshape the smaller sources in a forked process (by default when there
    are enough records to be worth it). The records are read here, in this connection's
    transaction, either way: the forked process never touches the database."""
    counts = {source: model._default_manager.count() for source, model in RECORD_MODELS.items()}
    if beside is None:
        beside = sum(counts.values()) >= RECORDS_WORTH_A_PROCESS
    largest = max(counts, key=lambda source: counts[source])
    others = {source: staged_fields(source) for source in counts if source != largest}
    with computed_beside(
        lambda: {source: contract_columns(source, fields) for source, fields in others.items()},
        fork=beside,
    ) as others_reshaped:
        reshaped = {largest: contract_columns(largest, staged_fields(largest))}
        reshaped.update(others_reshaped())
    return stacked([reshaped[source] for source in RECORD_MODELS])

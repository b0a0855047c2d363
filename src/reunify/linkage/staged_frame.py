"""The table linkage reads (`contract.CONTRACT_COLUMNS`), built from staged records."""

from typing import Any

import pandas as pd

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


def staged_fields(source: str) -> pd.DataFrame:
    """One source's staged records, a column per field, in `record_id` order."""
    model = RECORD_MODELS[source]
    fields = STAGED_FIELDS + SOURCE_FIELDS[source]
    found: list[tuple[Any, ...]] = []
    rows = model._default_manager.order_by("record_id").values_list(*fields)
    found.extend(rows.iterator(chunk_size=READ_CHUNK))
    return pd.DataFrame(found, columns=list(fields))


def staged_frame() -> pd.DataFrame:
    """Every staged record of every source as a row of the linkage table."""
    parts = [contract_columns(source, staged_fields(source)) for source in RECORD_MODELS]
    return stacked(parts)

"""The table linkage reads (`contract.CONTRACT_COLUMNS`), built from staged records."""

from collections.abc import Iterator
from typing import Any

import pandas as pd

from reunify.imports.models import RECORD_MODELS
from reunify.linkage.contract import CONTRACT_COLUMNS, contract_record

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


def staged_records() -> Iterator[dict[str, Any]]:
    """Every staged record of every source, as contract rows, read in chunks."""
    for source, model in RECORD_MODELS.items():
        fields = STAGED_FIELDS + SOURCE_FIELDS[source]
        rows = model._default_manager.order_by("record_id").values(*fields)
        for values in rows.iterator(chunk_size=READ_CHUNK):
            yield contract_record(source, values)


def staged_frame() -> pd.DataFrame:
    return pd.DataFrame.from_records(staged_records(), columns=list(CONTRACT_COLUMNS))

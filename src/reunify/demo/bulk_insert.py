"""Bulk inserts in batches, for loading a generated world quickly."""

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time
from typing import Any, TypeVar

from django.db import models

BATCH = 2000
Model = TypeVar("Model", bound=models.Model)


def moment(day: date) -> datetime:
    """Generated events carry dates; they are stored at noon UTC of that day."""
    return datetime.combine(day, time(12), tzinfo=UTC)


def insert_in_batches(
    model: type[Model], rows: Iterable[Model], progress: Callable[[int], Any]
) -> int:
    """`bulk_create` `rows` a batch at a time, reporting each batch to `progress`."""
    batch: list[Model] = []
    count = 0
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            model._default_manager.bulk_create(batch)
            count += len(batch)
            progress(len(batch))
            batch = []
    if batch:
        model._default_manager.bulk_create(batch)
        count += len(batch)
        progress(len(batch))
    return count

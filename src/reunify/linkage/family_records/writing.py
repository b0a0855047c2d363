"""Writing the family records of one linkage run: upsert by id, remove what no row says.

Ids come from the extract rows (`record_keys`), so the same records land on the same rows
run after run. Closed separations are written before open ones, so that at no moment do a
parent and child hold two open separations. A row the extracts no longer support is
deleted unless something recorded here points at it; then it stays, and is counted.
"""

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar
from uuid import UUID

from django.db import models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError

BATCH = 2000
Model = TypeVar("Model", bound=models.Model)


def upsert(model: type[Model], rows: Sequence[Model]) -> None:
    """Insert new rows and overwrite existing ones (same id) with what the extracts say.

    `created_at` keeps the first run's time: it says when Reunify first knew the record.
    """
    if not rows:
        return
    fields = [
        field.name
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name != "created_at"
    ]
    for start in range(0, len(rows), BATCH):
        model._default_manager.bulk_create(
            rows[start : start + BATCH],
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=fields,
        )


def remove_stale(
    model: type[models.Model], candidates: models.QuerySet[Any], keep: Iterable[UUID]
) -> int:
    """Delete the candidates not in `keep`, sparing rows others point at.

    Returns how many were spared."""
    stale = sorted(set(candidates.values_list("pk", flat=True)) - set(keep))
    spared = 0
    for start in range(0, len(stale), BATCH):
        chunk = stale[start : start + BATCH]
        try:
            with transaction.atomic():
                model._default_manager.filter(pk__in=chunk).delete()
        except (ProtectedError, RestrictedError):
            for pk in chunk:
                try:
                    with transaction.atomic():
                        model._default_manager.filter(pk=pk).delete()
                except (ProtectedError, RestrictedError):
                    spared += 1
    return spared

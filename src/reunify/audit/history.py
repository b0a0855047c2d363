"""The one seam through which every service records what it changed.

Services call `record_change` inside their own transaction, so a change and its history
entry commit together or not at all. The entry is linked into the hash chain
(`reunify.audit.append`), which locks the chain head until the transaction ends: call it
after the service has taken its own row locks.
"""

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.audit.append import append_entries, append_entry
from reunify.audit.models import HistoryEntry

SYSTEM_ACTOR_LABEL = "system"


def record_change(
    *,
    actor: User | None,
    action: str,
    subject_type: str,
    subject_id: UUID,
    family_unit_id: UUID | None = None,
    person_ids: Iterable[UUID] = (),
    changes: Mapping[str, Any] | None = None,
) -> HistoryEntry:
    """Append one history entry. Must run inside the transaction of the change itself."""
    _require_transaction("record_change")
    return append_entry(
        _entry(
            actor=actor,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            family_unit_id=family_unit_id,
            person_ids=person_ids,
            changes=changes,
        )
    )


def record_changes(*, actor: User | None, changes: Iterable[Mapping[str, Any]]) -> int:
    """Append one entry per item of `changes` (`record_change`'s arguments but the actor),
    linked into the chain in one pass: a bulk write such as the tracing sweep, which
    opens tens of thousands of cases. Must run inside the transaction of the changes;
    returns how many."""
    _require_transaction("record_changes")
    return append_entries(_entry(actor=actor, **change) for change in changes)


def _require_transaction(function: str) -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError(f"{function} must be called inside the change's transaction")


def _entry(
    *,
    actor: User | None,
    action: str,
    subject_type: str,
    subject_id: UUID,
    family_unit_id: UUID | None = None,
    person_ids: Iterable[UUID | str] = (),
    changes: Mapping[str, Any] | None = None,
) -> HistoryEntry:
    return HistoryEntry(
        at=timezone.now(),
        actor=actor,
        actor_label=actor.display_name if actor else SYSTEM_ACTOR_LABEL,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        family_unit_id=family_unit_id,
        person_ids=[str(person_id) for person_id in person_ids],
        changes={key: as_json_value(value) for key, value in (changes or {}).items()},
    )


def as_json_value(value: Any) -> Any:
    """Plain JSON for a field value: dates as ISO text, enums and UUIDs as strings."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [as_json_value(item) for item in value]
    if hasattr(value, "pk"):
        return str(value.pk)
    return value


VIEW_PREFIX = "view."


def record_view(
    *,
    actor: User,
    what: str,
    subject_type: str,
    subject_id: UUID,
    family_unit_id: UUID | None = None,
    person_ids: Iterable[UUID] = (),
) -> HistoryEntry:
    """Append that `actor` looked at a record ("view.family_unit"), in the same hash chain
    as changes, so that who saw a child's record can be proven afterwards."""
    with transaction.atomic():
        return record_change(
            actor=actor,
            action=f"{VIEW_PREFIX}{what}",
            subject_type=subject_type,
            subject_id=subject_id,
            family_unit_id=family_unit_id,
            person_ids=person_ids,
        )


def action_in_words(action: str) -> str:
    """A history entry's action as a page shows it: views in words, changes by code."""
    if action.startswith(VIEW_PREFIX):
        return "looked at the " + action.removeprefix(VIEW_PREFIX).replace("_", " ")
    return action

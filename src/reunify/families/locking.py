"""Row locks that serialise every change a removal-gate answer depends on.

Every service that can change whether a parent may be removed (an election, its
withdrawal or acknowledgment, a separation, a reunion, the removal itself) locks the
parent's person row first. Under PostgreSQL's READ COMMITTED each later statement then
sees whatever the previous holder committed, so the gate never answers on stale data.
SQLite takes one writer at a time (IMMEDIATE transactions), which gives the same order.
"""

from collections.abc import Iterable
from uuid import UUID

from django.db import transaction

from reunify.families.models import Person


def lock_people(person_ids: Iterable[UUID]) -> None:
    """Lock these people's rows, in key order so two transactions cannot deadlock."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_people must be called inside the change's transaction")
    ids = sorted(set(person_ids), key=str)
    list(Person.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))

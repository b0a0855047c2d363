"""Ids and references derived from the extract row a record was read from.

The same row gives the same id on every run, so a refresh updates a row in place and
whatever points at it (a tracing case, a grant, a page someone bookmarked) keeps working.
"""

import base64
import hashlib
import uuid
from datetime import UTC, date, datetime, time

NAMESPACE = uuid.UUID("6f1d4c2e-3b8a-4e57-9c0d-2a7e5b1f8c43")


NAMESPACE_BYTES = NAMESPACE.bytes


def record_uuid(source_record: str) -> uuid.UUID:
    """`uuid.uuid5(NAMESPACE, source_record)`, without turning the namespace into bytes
    on each of a national run's million calls."""
    digest = hashlib.sha1(NAMESPACE_BYTES + source_record.encode(), usedforsecurity=False)
    return uuid.UUID(bytes=digest.digest()[:16], version=5)


def unit_reference(source_record: str) -> str:
    """ "FX-" and nine base-32 characters: never clashes with a unit recorded here ("FU-")."""
    digest = hashlib.sha256(source_record.encode()).digest()
    return "FX-" + base64.b32encode(digest).decode()[:9]


def moment(day: date, *, hour: int = 12) -> datetime:
    """Extracts carry dates: events are stored at a fixed hour UTC of their day, the hour
    ordering events of one day (apprehension, detention, shelter, release, removal)."""
    return datetime.combine(day, time(hour), tzinfo=UTC)


def record_uuid_sql(name: str) -> str:
    """`record_uuid` as a PostgreSQL expression over the SQL text expression `name`
    (`uuid_generate_v5` of the uuid-ossp extension: the same RFC 4122 name-based id)."""
    return f"uuid_generate_v5('{NAMESPACE}'::uuid, {name})"


def moment_sql(day: str, *, hour: str = "12") -> str:
    """`moment` as a PostgreSQL expression over a date and an hour (SQL expressions)."""
    return f"(({day})::timestamp + ({hour}) * interval '1 hour') AT TIME ZONE 'UTC'"

"""Fixtures for the family-record tests: PostgreSQL-only skips and a database that refuses.

`refuse_history` makes the database itself reject one history entry, the way a full disk
or a lost connection would fail a write half-way through a service. It is a trigger in
the test's own transaction, so it disappears when the test ends; no code of ours is faked.
"""

from collections.abc import Callable

import pytest
from django.db import connection

from reunify.audit.models import HistoryEntry

REFUSAL_MESSAGE = "history refused by the test"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture
def refuse_history(db: None) -> Callable[..., None]:
    """`refuse_history("family.member_added", given_names="Ana")`: that insert fails."""

    def install(action: str, *, given_names: str | None = None) -> None:
        table = HistoryEntry._meta.db_table
        if connection.vendor == "postgresql":
            condition = f"NEW.action = {_quoted(action)}"
            if given_names is not None:
                condition += f" AND NEW.changes->>'given_names' = {_quoted(given_names)}"
            statements = [
                f"""CREATE FUNCTION refuse_history_entry() RETURNS trigger
                    LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION '{REFUSAL_MESSAGE}'; END $$""",
                f"""CREATE TRIGGER refuse_history_entry BEFORE INSERT ON {table}
                    FOR EACH ROW WHEN ({condition})
                    EXECUTE FUNCTION refuse_history_entry()""",
            ]
        else:
            condition = f"NEW.action = {_quoted(action)}"
            if given_names is not None:
                condition += (
                    f" AND json_extract(NEW.changes, '$.given_names') = {_quoted(given_names)}"
                )
            statements = [
                f"""CREATE TRIGGER refuse_history_entry BEFORE INSERT ON {table}
                    WHEN {condition}
                    BEGIN SELECT RAISE(ABORT, '{REFUSAL_MESSAGE}'); END"""
            ]
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    return install

"""The database itself refuses to rewrite the audit log: triggers, for migrations to add.

Entries and checkpoints may be inserted, never updated or deleted; the chain head may only
move forward. This stops the application (a bug, an ORM `.update()`, an injected
statement) from rewriting history. It cannot stop a database owner or superuser, who can
disable triggers: that is what the hash chain and the checkpoints held outside the
database are for.

One exception on PostgreSQL: a TRUNCATE that empties entries, head and checkpoints in the
same statement — the whole log, as Django's `flush` does between transactional tests —
passes. Truncating the entries alone does not. A wiped log still fails `reunify audit
verify` against any checkpoint exported before.

On SQLite, Django rebuilds a table to alter it and the rebuild drops its triggers: a
later migration that alters these tables must create the triggers again.
"""

from typing import Any

from django.db import migrations

APPEND_ONLY = ("audit_historyentry", "audit_checkpoint")
HEAD = "audit_chainhead"
REFUSAL = "the audit log is append-only"

POSTGRES_FORWARDS = [
    f"""CREATE FUNCTION audit_whole_log_truncated() RETURNS boolean LANGUAGE sql AS $$
        SELECT count(DISTINCT relation) = 3 FROM pg_locks
        WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted
          AND mode = 'AccessExclusiveLock'
          AND relation IN ('{APPEND_ONLY[0]}'::regclass, '{APPEND_ONLY[1]}'::regclass,
                           '{HEAD}'::regclass)
    $$""",  # noqa: S608 - table names are constants
    f"""CREATE FUNCTION audit_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' AND audit_whole_log_truncated() THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION '{REFUSAL}: % of % refused', TG_OP, TG_TABLE_NAME;
    END $$""",
    *(
        statement
        for table in APPEND_ONLY
        for statement in (
            f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
                FOR EACH ROW EXECUTE FUNCTION audit_refuse_rewrite()""",
            f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
                FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_rewrite()""",
        )
    ),
    f"""CREATE TRIGGER {HEAD}_forward_only BEFORE UPDATE ON {HEAD} FOR EACH ROW
        WHEN (NEW.sequence <= OLD.sequence OR NEW.id <> OLD.id)
        EXECUTE FUNCTION audit_refuse_rewrite()""",
    f"""CREATE TRIGGER {HEAD}_kept BEFORE DELETE ON {HEAD}
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_rewrite()""",
    f"""CREATE TRIGGER {HEAD}_no_truncate BEFORE TRUNCATE ON {HEAD}
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_rewrite()""",
]
POSTGRES_BACKWARDS = [
    *(
        f"DROP TRIGGER {table}_{name} ON {table}"
        for table in APPEND_ONLY
        for name in ("append_only", "no_truncate")
    ),
    *(f"DROP TRIGGER {HEAD}_{name} ON {HEAD}" for name in ("forward_only", "kept", "no_truncate")),
    "DROP FUNCTION audit_refuse_rewrite()",
    "DROP FUNCTION audit_whole_log_truncated()",
]


def _sqlite_refusal(name: str, when: str, table: str, condition: str = "") -> str:
    return (
        f"CREATE TRIGGER {name} BEFORE {when} ON {table} {condition} "
        f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}: {when} of {table} refused'); END"
    )


SQLITE_FORWARDS = [
    *(
        _sqlite_refusal(f"{table}_no_{when.lower()}", when, table)
        for table in APPEND_ONLY
        for when in ("UPDATE", "DELETE")
    ),
    _sqlite_refusal(
        f"{HEAD}_forward_only",
        "UPDATE",
        HEAD,
        "WHEN NEW.sequence <= OLD.sequence OR NEW.id <> OLD.id",
    ),
    _sqlite_refusal(f"{HEAD}_kept", "DELETE", HEAD),
]
SQLITE_BACKWARDS = [
    *(f"DROP TRIGGER {table}_no_{when}" for table in APPEND_ONLY for when in ("update", "delete")),
    f"DROP TRIGGER {HEAD}_forward_only",
    f"DROP TRIGGER {HEAD}_kept",
]


class SqliteOnlySQL(migrations.RunSQL):
    """A migration step that runs only on SQLite (its own spelling of a PostgreSQL guard)."""

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == "sqlite":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == "sqlite":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

from django.db import migrations

from reunify.families.postgres_migrations import PostgresOnlySQL


class Migration(migrations.Migration):
    """The family-records refresh derives ids set-wise in SQL (`record_keys.record_uuid_sql`)
    with uuid-ossp's `uuid_generate_v5`, the same name-based ids Python's `uuid5` gives.
    A trusted extension since PostgreSQL 13: the database's owner may create it."""

    dependencies = [("linkage", "0004_family_link_decisions")]

    operations = [
        PostgresOnlySQL(
            sql=['CREATE EXTENSION IF NOT EXISTS "uuid-ossp"'],
            reverse_sql=migrations.RunSQL.noop,
        )
    ]

from django.db import migrations

from reunify.families.postgres_migrations import PostgresOnlySQL


class Migration(migrations.Migration):
    dependencies = [("families", "0001_initial")]

    operations = [
        PostgresOnlySQL(
            sql=[
                "CREATE EXTENSION IF NOT EXISTS btree_gist",
                # No person is in two custody episodes at once, open or closed.
                """ALTER TABLE families_custodyepisode
                   ADD CONSTRAINT custody_episodes_never_overlap
                   EXCLUDE USING gist (
                       person_id WITH =,
                       tstzrange(started_at, coalesce(ended_at, 'infinity'), '[)') WITH &&
                   )""",
            ],
            reverse_sql=[
                "ALTER TABLE families_custodyepisode DROP CONSTRAINT custody_episodes_never_overlap",
            ],
        ),
        PostgresOnlySQL(
            sql=[
                "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                # Name search looks for word prefixes anywhere in the name (LIKE '% ana%').
                """CREATE INDEX person_name_search_trgm ON families_person
                   USING gin (name_search gin_trgm_ops)""",
            ],
            reverse_sql=["DROP INDEX person_name_search_trgm"],
        ),
    ]

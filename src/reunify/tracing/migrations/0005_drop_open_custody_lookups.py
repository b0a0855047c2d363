"""Drop 0003's two partial indexes on open custody episodes: tracing cases keep their
parent's custody now (0004), so no tracing read looks custody up by kind or country, and
the indexes only slowed every custody write (a linkage run rewrites them all). The
refresh of the kept facts looks custody up by person, through the families app's unique
index on a person's open episode."""

from django.db import migrations

INDEXES = (
    ("tracing_open_custody_by_kind", "(kind, country, person_id)"),
    ("tracing_open_custody_by_person", "(person_id, kind, country)"),
)


class Migration(migrations.Migration):
    dependencies = [
        ("tracing", "0004_case_keeps_facts_for_queue_and_dashboard"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"DROP INDEX {name}",
            reverse_sql=f"CREATE INDEX {name} ON families_custodyepisode {columns} "
            "WHERE ended_at IS NULL",
        )
        for name, columns in INDEXES
    ]

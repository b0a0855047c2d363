"""Indexes no query needs, dropped: every row a national linkage run writes paid for them.

- `person_id` of custody episodes, languages and identifiers: each table has an index
  (or unique constraint) that leads with `person_id` already.
- `Person.name_search`: searched with `contains` through the trigram index of 0002; the
  b-tree and its LIKE twin could serve neither.
- On PostgreSQL, the `varchar_pattern_ops` twins Django adds beside `source_record`
  and `PersonIdentifier.normalized` (for LIKE 'x%'; nothing looks those up by prefix).

The indexes are dropped by name. Django's own `AlterField` to `db_index=False` drops
every index it finds on the column, and would take the partial unique indexes that lead
with `person_id` (one open custody episode, one primary language) with them.
"""

import django.db.models.deletion
from django.db import migrations, models

from reunify.families.postgres_migrations import PostgresOnlySQL

DROPPED_EVERYWHERE = (
    "families_custodyepisode_person_id_3d1c3ea8",
    "families_personidentifier_person_id_a1daa8c0",
    "families_personlanguage_person_id_30a231c3",
    "families_person_name_search_1c239066",
)
RECREATED = (
    ("families_custodyepisode_person_id_3d1c3ea8", "families_custodyepisode", "person_id"),
    ("families_personidentifier_person_id_a1daa8c0", "families_personidentifier", "person_id"),
    ("families_personlanguage_person_id_30a231c3", "families_personlanguage", "person_id"),
    ("families_person_name_search_1c239066", "families_person", "name_search"),
)
LIKE_TWINS = (
    ("families_person_name_search_1c239066_like", "families_person", "name_search"),
    ("families_personidentifier_normalized_97012ebe_like", "families_personidentifier", "normalized"),
    ("families_custodyepisode_source_record_24cc4479_like", "families_custodyepisode", "source_record"),
    ("families_familyunit_source_record_4bb977fa_like", "families_familyunit", "source_record"),
    ("families_membership_source_record_c54f5163_like", "families_membership", "source_record"),
    ("families_reunion_source_record_9ba53606_like", "families_reunion", "source_record"),
    ("families_separation_source_record_5cb3cc87_like", "families_separation", "source_record"),
)  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("families", "0003_records_from_extracts")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="custodyepisode",
                    name="person",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="custody_episodes",
                        to="families.person",
                    ),
                ),
                migrations.AlterField(
                    model_name="person",
                    name="name_search",
                    field=models.CharField(editable=False, max_length=420),
                ),
                migrations.AlterField(
                    model_name="personidentifier",
                    name="person",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="identifiers",
                        to="families.person",
                    ),
                ),
                migrations.AlterField(
                    model_name="personlanguage",
                    name="person",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="languages",
                        to="families.person",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    sql=[f'DROP INDEX IF EXISTS "{name}"' for name in DROPPED_EVERYWHERE],
                    reverse_sql=[
                        f'CREATE INDEX "{name}" ON "{table}" ("{column}")'
                        for name, table, column in RECREATED
                    ],
                ),
            ],
        ),
        PostgresOnlySQL(
            sql=[f'DROP INDEX IF EXISTS "{name}"' for name, _, _ in LIKE_TWINS],
            reverse_sql=[
                f'CREATE INDEX "{name}" ON "{table}" ("{column}" varchar_pattern_ops)'
                for name, table, column in LIKE_TWINS
            ],
        ),
    ]

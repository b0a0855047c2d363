"""The history becomes a hash chain: sequence, previous and own hash, the chain head,
checkpoints, and triggers that refuse to update or delete entries.

Entries already written are chained in the order they were written, (at, id), by the
same pure functions (`reunify.audit.chain`) that every later append and `verify` use.
"""

from typing import Any

from django.db import migrations, models

from reunify.audit.append_only import (
    POSTGRES_BACKWARDS,
    POSTGRES_FORWARDS,
    SQLITE_BACKWARDS,
    SQLITE_FORWARDS,
    SqliteOnlySQL,
)
from reunify.audit.chain import GENESIS_HASH, entry_content, hash_of
from reunify.families.postgres_migrations import PostgresOnlySQL

BATCH = 2000


def chain_existing_entries(apps: Any, schema_editor: Any) -> None:
    HistoryEntry = apps.get_model("audit", "HistoryEntry")
    ChainHead = apps.get_model("audit", "ChainHead")
    sequence, previous, before_previous = 0, GENESIS_HASH, GENESIS_HASH
    batch: list[Any] = []
    for entry in HistoryEntry.objects.order_by("at", "id").iterator(chunk_size=BATCH):
        sequence += 1
        entry.sequence = sequence
        entry.previous_hash = before_previous = previous
        entry.entry_hash = previous = hash_of(
            entry_content(
                sequence=sequence,
                id=entry.id,
                at=entry.at,
                actor_id=entry.actor_id,
                actor_label=entry.actor_label,
                action=entry.action,
                subject_type=entry.subject_type,
                subject_id=entry.subject_id,
                family_unit_id=entry.family_unit_id,
                person_ids=entry.person_ids,
                changes=entry.changes,
                previous_hash=entry.previous_hash,
            )
        )
        batch.append(entry)
        if len(batch) >= BATCH:
            HistoryEntry.objects.bulk_update(batch, ["sequence", "previous_hash", "entry_hash"])
            batch = []
    if batch:
        HistoryEntry.objects.bulk_update(batch, ["sequence", "previous_hash", "entry_hash"])
    ChainHead.objects.create(
        id=1, sequence=sequence, entry_hash=previous, previous_hash=before_previous
    )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChainHead",
            fields=[
                (
                    "id",
                    models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False),
                ),
                ("sequence", models.BigIntegerField()),
                ("entry_hash", models.CharField(max_length=64)),
                ("previous_hash", models.CharField(max_length=64)),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("id", 1)), name="audit_chain_has_one_head"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Checkpoint",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sequence", models.BigIntegerField(db_index=True)),
                ("entry_hash", models.CharField(max_length=64)),
                ("made_at", models.DateTimeField()),
            ],
            options={"ordering": ["sequence", "made_at"]},
        ),
        migrations.AddField(
            model_name="historyentry",
            name="sequence",
            field=models.BigIntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="historyentry",
            name="previous_hash",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historyentry",
            name="entry_hash",
            field=models.CharField(
                default="",
                editable=False,
                help_text="SHA-256 of the canonical content, hex.",
                max_length=64,
            ),
            preserve_default=False,
        ),
        # Reversing drops the columns and the head, which is all this step made.
        migrations.RunPython(chain_existing_entries, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="historyentry",
            name="sequence",
            field=models.BigIntegerField(
                editable=False,
                help_text="Place in the chain: 1, 2, 3 … with no gaps.",
                unique=True,
            ),
        ),
        migrations.AlterModelOptions(
            name="historyentry",
            options={"ordering": ["sequence"], "verbose_name_plural": "history entries"},
        ),
        PostgresOnlySQL(POSTGRES_FORWARDS, POSTGRES_BACKWARDS),
        SqliteOnlySQL(SQLITE_FORWARDS, SQLITE_BACKWARDS),
    ]

"""Events record the id of the transaction that wrote them (commit-safe reading order).

Expand-only and safe on a large, busy table: the column is added without a default (no table
rewrite), then the default is set (applies to new rows only, no rewrite). Both take a brief
ACCESS EXCLUSIVE lock, bounded by lock_timeout so a long reader cannot queue writers behind us.
"""

from django.db import migrations, models

import docket.core.models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL("SET LOCAL lock_timeout = '5s'", migrations.RunSQL.noop),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AddField(
                    model_name="event",
                    name="txid",
                    field=models.BigIntegerField(editable=False, null=True),
                ),
                migrations.RunSQL(
                    "ALTER TABLE core_event ALTER COLUMN txid "
                    "SET DEFAULT (pg_current_xact_id()::text::bigint)",
                    "ALTER TABLE core_event ALTER COLUMN txid DROP DEFAULT",
                ),
            ],
            state_operations=[
                migrations.AddField(
                    model_name="event",
                    name="txid",
                    field=models.BigIntegerField(
                        db_default=docket.core.models.CurrentTransactionId(),
                        editable=False,
                        null=True,
                    ),
                ),
            ],
        ),
    ]

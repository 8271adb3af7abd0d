"""Rows written before 0002 get txid 0: their transactions committed long ago, so they sort
before every later event. In batches, outside one long transaction, so a large log is backfilled
without holding locks on it; safe to re-run after a failure halfway."""

from django.db import migrations

BATCH = 10_000


def backfill(apps, schema_editor):
    connection = schema_editor.connection
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE core_event SET txid = 0 WHERE id IN "
                "(SELECT id FROM core_event WHERE txid IS NULL LIMIT %s)",
                [BATCH],
            )
            if cursor.rowcount < BATCH:
                return


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("core", "0002_event_txid"),
    ]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]

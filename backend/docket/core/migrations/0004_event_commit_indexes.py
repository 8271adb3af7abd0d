"""Indexes for commit-order reads (the change feed per workspace, the relay overall), built
CONCURRENTLY so writes to the log never wait on them."""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("core", "0003_event_txid_backfill"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="event",
            index=models.Index(
                fields=["workspace_id", "txid", "id"], name="event_workspace_commit_idx"
            ),
        ),
        AddIndexConcurrently(
            model_name="event",
            index=models.Index(fields=["txid", "id"], name="event_commit_idx"),
        ),
    ]

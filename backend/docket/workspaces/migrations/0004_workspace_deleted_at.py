"""Workspaces can be soft-deleted (`deleted_at`), then purged in the background.

Expand-only: a nullable column without a default is a catalog change (no table rewrite); the
brief ACCESS EXCLUSIVE lock it takes is bounded by lock_timeout so a long reader cannot queue
writers behind us. Code that does not know the column keeps working.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("workspaces", "0003_personal_access_token"),
    ]

    operations = [
        migrations.RunSQL("SET LOCAL lock_timeout = '5s'", migrations.RunSQL.noop),
        migrations.AddField(
            model_name="workspace",
            name="deleted_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]

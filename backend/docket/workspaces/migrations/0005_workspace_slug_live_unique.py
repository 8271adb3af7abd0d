"""Only live workspaces own their slug, so a deleted workspace's slug is free at once.

The partial unique index is built CONCURRENTLY before the full constraint goes, so at no moment
is a slug unguarded and no write waits on the build. Until a workspace is soft-deleted the two
refuse exactly the same slugs, so code deployed before or after this runs behaves the same.
The slug's LIKE index goes too: nothing searches slugs by prefix. Then the partial index the
purge sweep scans (only soft-deleted rows, so it stays tiny).
"""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.core import validators
from django.db import migrations, models

from docket.workspaces.models import SLUG_PATTERN


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("workspaces", "0004_workspace_deleted_at"),
    ]

    operations = [
        migrations.RunSQL("SET lock_timeout = '5s'", "RESET lock_timeout"),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS workspace_slug_live_unique "
                    "ON workspaces_workspace (slug) WHERE deleted_at IS NULL",
                    "DROP INDEX CONCURRENTLY IF EXISTS workspace_slug_live_unique",
                ),
                migrations.RunSQL(
                    "ALTER TABLE workspaces_workspace "
                    "DROP CONSTRAINT IF EXISTS workspaces_workspace_slug_key",
                    "ALTER TABLE workspaces_workspace "
                    "ADD CONSTRAINT workspaces_workspace_slug_key UNIQUE (slug)",
                ),
                migrations.RunSQL(
                    "DROP INDEX CONCURRENTLY IF EXISTS workspaces_workspace_slug_c37054a2_like",
                    "CREATE INDEX CONCURRENTLY IF NOT EXISTS workspaces_workspace_slug_c37054a2_like "
                    "ON workspaces_workspace (slug varchar_pattern_ops)",
                ),
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="workspace",
                    name="slug",
                    field=models.CharField(
                        max_length=40, validators=[validators.RegexValidator(SLUG_PATTERN)]
                    ),
                ),
                migrations.AddConstraint(
                    model_name="workspace",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(deleted_at__isnull=True),
                        fields=("slug",),
                        name="workspace_slug_live_unique",
                    ),
                ),
            ],
        ),
        AddIndexConcurrently(
            model_name="workspace",
            index=models.Index(
                condition=models.Q(deleted_at__isnull=False),
                fields=["deleted_at"],
                name="workspace_deleted_idx",
            ),
        ),
        migrations.RunSQL("RESET lock_timeout", migrations.RunSQL.noop),
    ]

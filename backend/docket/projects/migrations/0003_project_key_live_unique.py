"""Only live projects own their key, so a deleted project's key is free at once.

The partial unique index is built CONCURRENTLY before the full constraint goes, so at no moment
is a key unguarded and no write waits on the build. Until a project is soft-deleted the two
refuse exactly the same keys, so code deployed before or after this runs behaves the same.
Then the partial index that lists a workspace's deleted projects (every access resolution hides
them) and that the purge sweep scans: only soft-deleted rows are in it, so it stays tiny.
"""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("projects", "0002_project_deleted_at"),
    ]

    operations = [
        migrations.RunSQL("SET lock_timeout = '5s'", "RESET lock_timeout"),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS project_key_live_unique "
                    "ON projects_project (workspace_id, key) WHERE deleted_at IS NULL",
                    "DROP INDEX CONCURRENTLY IF EXISTS project_key_live_unique",
                ),
                migrations.RunSQL(
                    "ALTER TABLE projects_project DROP CONSTRAINT IF EXISTS project_key_unique",
                    "ALTER TABLE projects_project "
                    "ADD CONSTRAINT project_key_unique UNIQUE (workspace_id, key)",
                ),
            ],
            state_operations=[
                migrations.RemoveConstraint(model_name="project", name="project_key_unique"),
                migrations.AddConstraint(
                    model_name="project",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(deleted_at__isnull=True),
                        fields=("workspace", "key"),
                        name="project_key_live_unique",
                    ),
                ),
            ],
        ),
        AddIndexConcurrently(
            model_name="project",
            index=models.Index(
                condition=models.Q(deleted_at__isnull=False),
                fields=["workspace", "deleted_at"],
                name="project_deleted_idx",
            ),
        ),
        migrations.RunSQL("RESET lock_timeout", migrations.RunSQL.noop),
    ]

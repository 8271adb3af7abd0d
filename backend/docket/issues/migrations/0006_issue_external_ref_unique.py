"""external_ref unique per project, added while the issues table keeps taking writes.

A plain AddConstraint builds the unique index under a lock that blocks every write to the
table for the whole build. SaferAddUniqueConstraint instead runs CREATE UNIQUE INDEX
CONCURRENTLY (outside a transaction, hence atomic = False), then ALTER TABLE ... ADD CONSTRAINT
... UNIQUE USING INDEX, which only takes the brief lock that `lock_timeout` (set by
migrate_with_timeouts, see setup_databases) bounds and retries. It is safe to run again after a
failure halfway: an invalid index left by a failed concurrent build is dropped and rebuilt, a
valid one is reused (IF NOT EXISTS), and an existing constraint is skipped
(raise_if_exists=False).
"""

from django.db import migrations, models
from django_pg_migration_tools import operations


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("issues", "0005_issue_external_ref"),
    ]

    operations = [
        operations.SaferAddUniqueConstraint(
            model_name="issue",
            constraint=models.UniqueConstraint(
                fields=("project", "external_ref"), name="issue_external_ref_unique"
            ),
            raise_if_exists=False,
        ),
    ]

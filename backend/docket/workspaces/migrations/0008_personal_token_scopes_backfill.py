"""Each existing token gets the scopes its two-scope value meant (docket.core.scopes.LEGACY_SCOPES
as it stood at this release, written out here so a later catalogue does not change history):
`read` every read scope, `write` everything, webhook management included, so no token already
handed out stops working. In batches, outside one long transaction; safe to re-run."""

from django.db import migrations

BATCH = 5_000

READ = [
    "workspace:read",
    "members:read",
    "projects:read",
    "issues:read",
    "notifications:read",
    "events:read",
]
WRITE = [
    *READ,
    "workspace:admin",
    "members:admin",
    "projects:admin",
    "issues:write",
    "comments:write",
    "notifications:write",
    "webhooks:admin",
]


def backfill(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for legacy, scopes in (("read", READ), ("write", WRITE)):
            while True:
                cursor.execute(
                    "UPDATE workspaces_personalaccesstoken SET scopes = %s WHERE id IN "
                    "(SELECT id FROM workspaces_personalaccesstoken "
                    " WHERE scope = %s AND scopes = '{}' LIMIT %s)",
                    [scopes, legacy, BATCH],
                )
                if cursor.rowcount < BATCH:
                    break


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("workspaces", "0007_personal_token_scopes"),
    ]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]

"""The attempts in flight per endpoint (the concurrency caps count them), built CONCURRENTLY so
deliveries are never blocked behind the build."""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("integrations", "0002_delivery_leases"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="webhookdelivery",
            index=models.Index(
                condition=models.Q(status="sending"),
                fields=["endpoint"],
                name="webhook_delivery_sending_idx",
            ),
        ),
    ]

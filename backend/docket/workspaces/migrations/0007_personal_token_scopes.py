"""Expand: fine-grained scopes beside the two-scope column. The previous release ignores the new
column (its inserts get the empty default, which the new code reads as the row's `scope`); a
constant default adds it without rewriting the table."""

import django.contrib.postgres.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("workspaces", "0006_delivery_leases"),
    ]

    operations = [
        migrations.AddField(
            model_name="personalaccesstoken",
            name="scopes",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=32), db_default=[], default=list, size=None
            ),
        ),
    ]

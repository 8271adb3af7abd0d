"""Expand: a nullable column without a default is a catalog change, no table rewrite. Its
uniqueness per project comes in 0006, built without blocking writes."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("issues", "0004_issue_relation"),
    ]

    operations = [
        migrations.AddField(
            model_name="issue",
            name="external_ref",
            field=models.CharField(blank=True, max_length=100, null=True),
        ),
    ]

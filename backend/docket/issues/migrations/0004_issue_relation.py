"""Release step 2: the relations of 0003 grow a type.

The plain many-to-many's table becomes the explicit through model IssueRelation without being
rewritten or copied: the state learns the model and that `related` goes through it, while the
database only gains a column (a constant default is a catalog change in PostgreSQL 11+, no table
rewrite) and its unique constraint gets a stable name. Code of the previous release keeps
working on the new table: its inserts name no type and get `relates`. Rows written before this
migration were stored both ways by the symmetrical field, which is what IssueRelation expects.
"""

import django.db.models.deletion
from django.db import migrations, models

TABLE = "issues_issue_related"
# The name Django gave the many-to-many's unique (from_issue_id, to_issue_id) in 0003: derived
# from the table and column names only, so it is the same in every database.
AUTO_UNIQUE = "issues_issue_related_from_issue_id_to_issue_id_01d708d7_uniq"
STABLE_UNIQUE = "issue_relation_unique"


class Migration(migrations.Migration):
    dependencies = [
        ("issues", "0003_issue_related"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"ALTER TABLE {TABLE} ADD COLUMN type varchar(20) DEFAULT 'relates' NOT NULL",
                    reverse_sql=f"ALTER TABLE {TABLE} DROP COLUMN type",
                ),
                migrations.RunSQL(
                    f"ALTER TABLE {TABLE} RENAME CONSTRAINT {AUTO_UNIQUE} TO {STABLE_UNIQUE}",
                    reverse_sql=(
                        f"ALTER TABLE {TABLE} RENAME CONSTRAINT {STABLE_UNIQUE} TO {AUTO_UNIQUE}"
                    ),
                ),
            ],
            state_operations=[
                migrations.CreateModel(
                    name="IssueRelation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "type",
                            models.CharField(
                                choices=[
                                    ("blocks", "Blocks"),
                                    ("blocked_by", "Blocked By"),
                                    ("duplicates", "Duplicates"),
                                    ("duplicated_by", "Duplicated By"),
                                    ("relates", "Relates"),
                                ],
                                db_default="relates",
                                max_length=20,
                            ),
                        ),
                        (
                            "from_issue",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="issues.issue",
                            ),
                        ),
                        (
                            "to_issue",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="issues.issue",
                            ),
                        ),
                    ],
                    options={
                        "db_table": TABLE,
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("from_issue", "to_issue"), name=STABLE_UNIQUE
                            )
                        ],
                    },
                ),
                migrations.AlterField(
                    model_name="issue",
                    name="related",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="+",
                        through="issues.IssueRelation",
                        through_fields=("from_issue", "to_issue"),
                        to="issues.issue",
                    ),
                ),
            ],
        ),
    ]

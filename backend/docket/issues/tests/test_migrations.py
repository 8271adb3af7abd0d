"""The issues migrations of the zero-downtime releases, run with data (django-test-migrations):
rows written before each migration are intact and usable after it.

Each test migrates a database rebuilt from scratch to the state before the migration, writes
rows with the models of that state, applies the migration and reads and writes them with the
models of the state after it. The migrator puts the database back at the latest state after.
"""

import pytest
from django.db import IntegrityError, connection, transaction

# Reads of the historical models go through the router, to the replica alias (the same
# database in tests).
pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])

RELATED = ("issues", "0003_issue_related")
RELATION = ("issues", "0004_issue_relation")
EXTERNAL_REF = ("issues", "0005_issue_external_ref")
EXTERNAL_REF_UNIQUE = ("issues", "0006_issue_external_ref_unique")


def _issues(apps, count: int, *, key: str = "ENG") -> list:
    """`count` issues of a new project, with the models of a historical state."""
    workspace = apps.get_model("workspaces", "Workspace").objects.get_or_create(
        slug="acme", defaults={"name": "Acme"}
    )[0]
    project = apps.get_model("projects", "Project").objects.create(
        workspace=workspace, key=key, name=key, last_issue_number=count
    )
    state = apps.get_model("projects", "State").objects.create(
        workspace=workspace,
        project=project,
        name="Todo",
        category="unstarted",
        color="#000000",
        position=0,
    )
    issue_model = apps.get_model("issues", "Issue")
    return [
        issue_model.objects.create(
            workspace=workspace,
            project=project,
            number=number,
            title=f"Issue {number}",
            state=state,
            position=f"a{number}",
        )
        for number in range(1, count + 1)
    ]


def _constraint(name: str) -> tuple[str, bool] | None:
    """(type, is the index valid) of the named constraint on the issues table, or None."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.contype, i.indisvalid FROM pg_constraint c
            JOIN pg_index i ON i.indexrelid = c.conindid
            WHERE c.conname = %s AND c.conrelid = 'issues_issue'::regclass
            """,
            [name],
        )
        row = cursor.fetchone()
    return None if row is None else (row[0], row[1])


def _index_valid(name: str) -> bool | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE c.relname = %s",
            [name],
        )
        row = cursor.fetchone()
    return None if row is None else row[0]


# --- 0004: the plain many-to-many becomes IssueRelation ----------------------------------------


def test_links_of_the_plain_many_to_many_become_relates_relations_both_ways(migrator):
    # Given issues linked by the first release's symmetrical many-to-many.
    old = migrator.apply_initial_migration(RELATED)
    first, second, third = _issues(old.apps, 3)
    # The release's model is symmetrical and writes both rows in one add(); the historical
    # model is not (migrations name the target "issues.issue", not "self", and Django only
    # infers symmetry from "self"), so both rows are written as the release wrote them.
    first.related.add(second)
    second.related.add(first)
    assert first.related.count() == second.related.count() == 1

    # When the relation grows a type.
    new = migrator.apply_tested_migration(RELATION)

    # Then each link is there from both ends, as `relates`, and reads through `related` still.
    relation = new.apps.get_model("issues", "IssueRelation")
    rows = set(relation.objects.values_list("from_issue_id", "to_issue_id", "type"))
    assert rows == {(first.id, second.id, "relates"), (second.id, first.id, "relates")}
    issue = new.apps.get_model("issues", "Issue")
    assert list(issue.objects.get(pk=first.pk).related.values_list("pk", flat=True)) == [second.id]

    # And the table takes typed relations, its unique constraint under its stable name.
    relation.objects.create(from_issue_id=first.id, to_issue_id=third.id, type="blocks")
    relation.objects.create(from_issue_id=third.id, to_issue_id=first.id, type="blocked_by")
    with pytest.raises(IntegrityError, match="issue_relation_unique"), transaction.atomic():
        relation.objects.create(from_issue_id=first.id, to_issue_id=second.id, type="blocks")


def test_the_previous_release_still_writes_relations_after_0004(migrator):
    # The first release's code keeps running while 0004 is applied: its inserts name no type.
    migrator.apply_initial_migration(RELATED)
    new = migrator.apply_tested_migration(RELATION)
    first, second = _issues(new.apps, 2)

    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO issues_issue_related (from_issue_id, to_issue_id) VALUES (%s, %s)",
            [first.id, second.id],
        )

    relation = new.apps.get_model("issues", "IssueRelation")
    assert relation.objects.get(from_issue_id=first.id).type == "relates"


def test_0004_can_be_reversed_without_losing_links(migrator):
    old = migrator.apply_initial_migration(RELATION)
    first, second = _issues(old.apps, 2)
    relation = old.apps.get_model("issues", "IssueRelation")
    relation.objects.create(from_issue_id=first.id, to_issue_id=second.id, type="relates")
    relation.objects.create(from_issue_id=second.id, to_issue_id=first.id, type="relates")

    back = migrator.apply_tested_migration(RELATED)

    issue = back.apps.get_model("issues", "Issue")
    assert list(issue.objects.get(pk=first.pk).related.values_list("pk", flat=True)) == [second.id]


# --- 0005 and 0006: external_ref, then its unique constraint -----------------------------------


def test_issues_written_before_external_ref_keep_working_and_refs_are_unique_after(migrator):
    # Given issues of two projects written before the column existed.
    old = migrator.apply_initial_migration(RELATION)
    eng = _issues(old.apps, 2)
    ops = _issues(old.apps, 1, key="OPS")

    # When the column comes, and references are written before the constraint.
    expanded = migrator.apply_tested_migration(EXTERNAL_REF)
    issue = expanded.apps.get_model("issues", "Issue")
    assert list(issue.objects.values_list("external_ref", flat=True)) == [None, None, None]
    issue.objects.filter(pk=eng[0].pk).update(external_ref="gh-1")
    issue.objects.filter(pk=ops[0].pk).update(external_ref="gh-1")  # another project
    new = migrator.apply_tested_migration(EXTERNAL_REF_UNIQUE)

    # Then the rows are intact, the constraint is a real one on a valid index, and it refuses a
    # second "gh-1" in ENG but not issues without a reference.
    assert _constraint("issue_external_ref_unique") == ("u", True)
    issue = new.apps.get_model("issues", "Issue")
    assert issue.objects.get(pk=eng[0].pk).external_ref == "gh-1"
    assert issue.objects.get(pk=eng[1].pk).title == "Issue 2"
    with pytest.raises(IntegrityError, match="issue_external_ref_unique"), transaction.atomic():
        issue.objects.filter(pk=eng[1].pk).update(external_ref="gh-1")
    issue.objects.filter(pk=eng[1].pk).update(external_ref="gh-2")
    assert issue.objects.filter(external_ref=None).count() == 0
    assert issue.objects.filter(external_ref="gh-1").count() == 2


def test_0006_runs_again_after_a_failure_halfway(migrator):
    # Given 0005, and a first run of 0006 that failed in its index build: two ENG issues had
    # the same reference, so CREATE UNIQUE INDEX CONCURRENTLY left an INVALID index behind.
    old = migrator.apply_initial_migration(EXTERNAL_REF)
    first, second = _issues(old.apps, 2)
    issue = old.apps.get_model("issues", "Issue")
    issue.objects.filter(pk__in=[first.pk, second.pk]).update(external_ref="dup")
    with pytest.raises(IntegrityError), connection.cursor() as cursor:
        cursor.execute(
            "CREATE UNIQUE INDEX CONCURRENTLY issue_external_ref_unique "
            "ON issues_issue (project_id, external_ref)"
        )
    assert _index_valid("issue_external_ref_unique") is False

    # When the duplicate is fixed and the migration runs again.
    issue.objects.filter(pk=second.pk).update(external_ref="other")
    migrator.apply_tested_migration(EXTERNAL_REF_UNIQUE)

    # Then the invalid index was rebuilt and the constraint attached to it.
    assert _constraint("issue_external_ref_unique") == ("u", True)


def test_0006_attaches_an_index_a_previous_run_built(migrator):
    # Given a run that built the index and then failed to attach it (e.g. its lock timed out
    # every retry): the index is valid, the constraint missing.
    migrator.apply_initial_migration(EXTERNAL_REF)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE UNIQUE INDEX CONCURRENTLY issue_external_ref_unique "
            "ON issues_issue (project_id, external_ref)"
        )
    assert _constraint("issue_external_ref_unique") is None

    # When the migration runs again, then it reuses the index for the constraint.
    migrator.apply_tested_migration(EXTERNAL_REF_UNIQUE)
    assert _constraint("issue_external_ref_unique") == ("u", True)

    # And once more with the constraint already there (recorded as not applied, e.g. the
    # process died before Django wrote django_migrations): nothing to do, no error.
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM django_migrations WHERE app = 'issues' AND name = %s",
            [EXTERNAL_REF_UNIQUE[1]],
        )
    migrator.apply_tested_migration(EXTERNAL_REF_UNIQUE)
    assert _constraint("issue_external_ref_unique") == ("u", True)

"""The bulk loader behind `seed_demo --issues N`: rows as issue_create would leave them."""

import pytest
from django.core.management import call_command

from docket.demo import bulk
from docket.issues.models import Issue, IssueAssignee, IssueLabel
from docket.issues.positions import is_valid_key
from docket.issues.services import issue_create
from docket.projects.models import Project
from docket.projects.services import label_create
from docket.testing.world import access_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(world, monkeypatch):
    monkeypatch.setattr(bulk, "BATCH_SIZE", 10)  # several batches from a small load
    label_create(
        access=access_of(world.memberships["owner"]), project=world.eng, name="x", color="#000000"
    )
    people = [world.owner.id, world.member.id, world.admin.id]
    batches: list[int] = []
    added = bulk.load_issues(
        world.eng, target=26, people=people, progress=lambda done, _: batches.append(done)
    )
    return world, added, batches, people


def test_issues_are_numbered_on_from_the_project_and_each_has_two_labels_and_two_people(loaded):
    world, added, batches, people = loaded
    assert added == 25  # the world's ENG-1 counts toward the target
    assert batches == [11, 21, 26]
    numbers = sorted(Issue.objects.filter(project=world.eng).values_list("number", flat=True))
    assert numbers == list(range(1, 27))
    assert Project.objects.get(pk=world.eng.pk).last_issue_number == 26
    loaded_ids = Issue.objects.filter(project=world.eng, number__gt=1).values("id")
    for model, column in ((IssueLabel, "label_id"), (IssueAssignee, "user_id")):
        per_issue: dict = {}
        for issue_id, value in model.objects.filter(issue__in=loaded_ids).values_list(
            "issue_id", column
        ):
            per_issue.setdefault(issue_id, set()).add(value)
        assert len(per_issue) == 25
        assert all(len(values) == 2 for values in per_issue.values())
    assert set(
        IssueAssignee.objects.filter(issue__in=loaded_ids).values_list("user_id", flat=True)
    ) <= set(people)


def test_cards_sort_in_number_order_within_each_column_and_new_issues_go_after_them(loaded):
    world, *_ = loaded
    loaded_issues = Issue.objects.filter(project=world.eng, number__gt=1)
    for state_id in set(loaded_issues.values_list("state_id", flat=True)):
        column = list(loaded_issues.filter(state_id=state_id).order_by("position"))
        assert [issue.number for issue in column] == sorted(issue.number for issue in column)
        assert all(is_valid_key(issue.position) for issue in column)
    state_id = loaded_issues.values_list("state_id", flat=True)[0]
    new = issue_create(
        access=access_of(world.memberships["owner"]),
        project=world.eng,
        title="after the load",
        state_id=state_id,
    )
    assert new.number == 27
    others = Issue.objects.filter(state_id=state_id).exclude(pk=new.pk)
    assert new.position > max(others.values_list("position", flat=True))


def test_loaded_issues_are_listed_and_searchable_like_any_other(loaded, as_user):
    world, *_ = loaded
    client = as_user(world.member)
    page = client.get("/api/v1/workspaces/acme/projects/ENG/issues", {"limit": 100}).json()
    assert len(page["results"]) == 26
    title = Issue.objects.get(project=world.eng, number=17).title
    found = client.get("/api/v1/workspaces/acme/issues", {"q": title.split(" #")[0] + " #17"})
    assert "ENG-17" in [item["key"] for item in found.json()["results"]]


def test_loading_again_to_the_same_target_adds_nothing(loaded):
    world, _, _, people = loaded
    assert bulk.load_issues(world.eng, target=26, people=people) == 0
    assert bulk.load_issues(world.eng, target=30, people=people) == 4
    assert Issue.objects.filter(project=world.eng).count() == 30


def test_the_seed_command_refuses_a_target_out_of_range(db):
    with pytest.raises(Exception, match="--issues takes 1 to"):
        call_command("seed_demo", issues=-5)


def test_bulk_positions_sort_as_their_indexes_and_stay_valid_keys():
    keys = [bulk.bulk_position(i) for i in (0, 1, 61, 62, 3843, 3844, 62**4 - 1)]
    assert keys == sorted(keys)
    assert all(is_valid_key(key) for key in keys)
    with pytest.raises(ValueError, match="too many"):
        bulk.bulk_position(62**4)

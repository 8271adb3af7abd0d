"""Issue numbers under real concurrency: many transactions on many connections at once."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections

from docket.issues.models import Issue
from docket.issues.services import issue_create
from docket.projects.services import project_create
from docket.testing.factories import MembershipFactory
from docket.testing.world import access_of
from docket.workspaces.models import Role


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_fifty_parallel_creates_get_fifty_consecutive_numbers():
    owner = MembershipFactory(role=Role.OWNER)
    project = project_create(access=access_of(owner), key="RACE", name="Race")

    def create(n: int) -> int:
        try:
            issue = issue_create(access=access_of(owner), project=project, title=f"Parallel {n}")
            return issue.number
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=16) as pool:
        numbers = list(pool.map(create, range(50)))

    assert sorted(numbers) == list(range(1, 51))
    stored = list(Issue.objects.filter(project=project).values_list("number", flat=True))
    assert sorted(stored) == list(range(1, 51))
    positions = list(Issue.objects.filter(project=project).values_list("position", flat=True))
    assert len(set(positions)) == 50  # every card has its own place in the column

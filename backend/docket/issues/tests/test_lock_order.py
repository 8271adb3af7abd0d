"""Concurrent writes on one issue take their locks in one order, so none deadlocks."""

import threading

import pytest
from django.db import connections

from docket.issues.services import issue_create, issue_move, issue_update
from docket.projects.models import State
from docket.projects.services import project_create
from docket.testing.factories import MembershipFactory
from docket.testing.world import access_of
from docket.workspaces.models import Role

ROUNDS = 40


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_patching_the_state_while_moving_the_same_issue_never_deadlocks():
    # Given an issue and two columns, and two writers that each switch it between them: one
    # through PATCH's service (issue_update), one through the board's (issue_move).
    owner = MembershipFactory(role=Role.OWNER)
    access = access_of(owner)
    project = project_create(access=access, key="LOCK", name="Locks")
    todo, progress = (State.objects.get(project=project, name=n) for n in ("Todo", "In Progress"))
    issue = issue_create(access=access, project=project, title="Contended", state_id=todo.id)
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def writer(write) -> None:
        try:
            start.wait()
            for n in range(ROUNDS):
                write(progress if n % 2 else todo)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            failures.append(exc)
        finally:
            connections.close_all()

    def patch(state: State) -> None:
        issue.project = project
        issue_update(access=access, issue=issue, state_id=state.id)

    def move(state: State) -> None:
        issue.project = project
        issue_move(access=access, issue=issue, state_id=state.id)

    # When both run at once, many times.
    threads = [threading.Thread(target=writer, args=(w,)) for w in (patch, move)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads), "a writer is still waiting"

    # Then neither failed (a deadlock is an OperationalError in one of them) and the issue is
    # in one of the two columns with one event per effective change.
    assert not failures, failures
    issue.refresh_from_db()
    assert issue.state_id in (todo.id, progress.id)

"""A comment through the API reaches a subscriber's inbox through the relay on a real worker."""

import pytest
from django.test import override_settings

from docket.testing.worker import wait_for


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
@override_settings(RELAY_ON_COMMIT=True)
def test_a_comment_reaches_the_reporters_inbox(world, worker, as_user):
    # Given ENG-1, reported by the owner (so subscribed once the relay has seen its creation)
    inbox = as_user(world.owner)
    url = "/api/v1/workspaces/acme/notifications"

    # When the member comments through the API (the commit asks the worker to relay)
    posted = as_user(world.member).post(
        "/api/v1/workspaces/acme/issues/ENG-1/comments", {"body": "Done on my side."}
    )
    assert posted.status_code == 201

    # Then the owner's inbox shows it, with the world's earlier comment: once each
    def both() -> bool:
        return len(inbox.get(url).json()["results"]) >= 2

    wait_for(both, seconds=60, what="the notifications")
    listed = inbox.get(url).json()["results"]
    assert [(n["reason"], n["issue_key"]) for n in listed] == [("commented", "ENG-1")] * 2
    assert {n["actor"]["email"] for n in listed} == {"member@example.com"}
    assert inbox.get(f"{url}/unread-count").json() == {"unread": 2}

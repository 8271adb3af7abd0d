"""The board in one request: every column with its first cards; each column then pages alone."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from docket.issues.models import Issue
from docket.issues.services import issue_create, issue_move
from docket.projects.models import State
from docket.testing.world import access_of

pytestmark = pytest.mark.django_db

BOARD = "/api/v1/workspaces/acme/projects/ENG/board"
ISSUES = "/api/v1/workspaces/acme/projects/ENG/issues"


def _states(world) -> list[State]:
    return list(State.objects.filter(project=world.eng).order_by("position", "id"))


def _fill(world, per_column: dict[int, int]) -> None:
    owner = access_of(world.memberships["owner"])
    states = _states(world)
    for column, count in per_column.items():
        for n in range(count):
            issue_create(
                access=owner,
                project=world.eng,
                title=f"card {column}.{n}",
                state_id=states[column].id,
                label_ids=[world.eng_label.id],
                assignee_ids=[world.owner.id, world.member.id],
            )


def _board(client, query: str = "") -> dict:
    response = client.get(f"{BOARD}{query}")
    assert response.status_code == 200, response.content
    return response.json()


def _column_in_db(world, state: State) -> list[str]:
    return [
        issue.key
        for issue in Issue.objects.filter(project=world.eng, state=state)
        .select_related("project")
        .order_by("position", "id")
    ]


def test_every_column_comes_in_workflow_order_with_its_first_cards_by_position(world, as_user):
    _fill(world, {0: 5, 2: 2})
    states = _states(world)
    # A card moved to the top of the first column must lead it, whatever its age.
    last = Issue.objects.filter(project=world.eng, state=states[0]).order_by("-position").first()
    first = Issue.objects.filter(project=world.eng, state=states[0]).order_by("position").first()
    assert last is not None
    assert first is not None
    issue_move(
        access=access_of(world.memberships["owner"]),
        issue=last,
        state_id=states[0].id,
        before_id=first.id,
    )

    body = _board(as_user(world.member), "?limit=3")

    assert [column["state"]["id"] for column in body["columns"]] == [str(s.id) for s in states]
    for state, column in zip(states, body["columns"], strict=True):
        expected = _column_in_db(world, state)
        assert [card["key"] for card in column["issues"]] == expected[:3]
        assert (column["next_cursor"] is not None) == (len(expected) > 3)
    assert body["columns"][0]["issues"][0]["key"] == last.key


def test_a_columns_cursor_continues_it_through_the_issue_list_without_gap_or_repeat(world, as_user):
    _fill(world, {1: 7})
    state = _states(world)[1]
    client = as_user(world.member)
    column = _board(client, "?limit=2")["columns"][1]
    seen = [card["key"] for card in column["issues"]]
    cursor = column["next_cursor"]
    while cursor:
        response = client.get(
            ISSUES, {"state": str(state.id), "ordering": "position", "limit": 2, "cursor": cursor}
        )
        assert response.status_code == 200, response.content
        seen += [card["key"] for card in response.json()["results"]]
        cursor = response.json()["next_cursor"]
    assert seen == _column_in_db(world, state)


def test_the_list_filters_apply_to_every_column(world, as_user):
    _fill(world, {0: 2, 1: 2})
    mine = issue_create(
        access=access_of(world.memberships["member"]),
        project=world.eng,
        title="only mine",
        state_id=_states(world)[1].id,
        assignee_ids=[world.admin.id],
    )
    body = _board(as_user(world.member), f"?assignee={world.admin.id}")
    cards = [card["key"] for column in body["columns"] for card in column["issues"]]
    assert cards == [mine.key]


def test_each_column_counts_all_its_cards_not_only_the_loaded_ones(world, as_user):
    _fill(world, {0: 5, 2: 2})
    states = _states(world)

    body = _board(as_user(world.member), "?limit=3")

    assert [column["total"] for column in body["columns"]] == [
        len(_column_in_db(world, state)) for state in states
    ]
    first = body["columns"][0]
    assert (len(first["issues"]), first["total"]) == (3, 5)


def test_a_columns_total_counts_only_what_the_filters_keep(world, as_user):
    _fill(world, {1: 3})
    state = _states(world)[1]
    issue_create(
        access=access_of(world.memberships["member"]),
        project=world.eng,
        title="only mine",
        state_id=state.id,
        # Two assignees and the filter on one: the join must not count the card twice.
        assignee_ids=[world.admin.id, world.owner.id],
        label_ids=[world.eng_label.id],
    )

    body = _board(as_user(world.member), f"?assignee={world.admin.id}")

    assert [column["total"] for column in body["columns"]][1] == 1
    assert sum(column["total"] for column in body["columns"]) == 1


def test_the_board_runs_a_fixed_number_of_queries_whatever_its_size(world, as_user):
    client = as_user(world.member)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            _board(client, "?limit=100")
        return len(captured)

    small = queries()
    _fill(world, {0: 4, 1: 3, 2: 3, 3: 2})
    # user, membership, project, states, the column heads, the column totals, the cards' JSON
    assert (small, queries()) == (7, 7)


@pytest.mark.parametrize("limit", ["0", "101", "x", "1e3"])
def test_a_limit_out_of_range_is_a_400(world, as_user, limit):
    response = as_user(world.member).get(BOARD, {"limit": limit})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "limit"


def test_a_card_on_the_board_is_the_same_json_as_in_the_list(world, as_user):
    _fill(world, {0: 2})
    client = as_user(world.member)
    cards = {card["key"]: card for column in _board(client)["columns"] for card in column["issues"]}
    listed = {item["key"]: item for item in client.get(ISSUES, {"limit": 100}).json()["results"]}
    assert cards
    assert cards == {key: listed[key] for key in cards}


def test_another_workspaces_board_is_not_found(world, as_user):
    response = as_user(world.outsider).get(BOARD)
    assert response.status_code == 404
    response = as_user(world.member).get("/api/v1/workspaces/other/projects/ENG/board")
    assert response.status_code == 404


def test_a_guest_sees_only_the_boards_of_projects_they_were_added_to(world, as_user):
    guest = as_user(world.guest)
    statuses = {
        key: guest.get(f"/api/v1/workspaces/acme/projects/{key}/board").status_code
        for key in ("ENG", "OPS")
    }
    assert statuses == {"ENG": 200, "OPS": 404}

def test_member_lists_project_issues(world, as_user):
    response = as_user(world.member).get("/api/v1/workspaces/acme/projects/ENG/issues")
    assert response.status_code == 200, response.content
    body = response.json()
    assert [item["key"] for item in body["results"]] == ["ENG-1"]
    assert body["results"][0]["labels"][0]["name"] == "bug"

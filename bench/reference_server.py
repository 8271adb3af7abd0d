"""The reference the issue list is measured against: the same JSON from one hand-written query.

A bare ASGI application (no framework, no authentication, no middleware) that answers the four
hot reads with the body Docket's API gives, each built by PostgreSQL in a single statement
(`json_build_object` per issue, `json_agg` for the page). It is what "the raw-SQL limit" means
in bench/README.md: whatever Docket spends beyond it is framework, access checks and Python.
Not part of the product; `make bench` serves it with uvicorn beside the API, same worker count.

    DATABASE_URL=postgres://... uvicorn reference_server:app --workers 2 --port 8003

Routes (no auth): /projects/{key}/issues?limit=&q=, /issues?limit=&q=, /issues/{KEY-N}
"""

from __future__ import annotations

import base64
import json
import os
from urllib.parse import parse_qs

from psycopg_pool import AsyncConnectionPool

_WORKSPACE = os.environ.get("REFERENCE_WORKSPACE", "acme")
_TIME = """to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""
_PRIORITY = (
    "CASE i.priority WHEN 1 THEN 'urgent' WHEN 2 THEN 'high' WHEN 3 THEN 'medium'"
    " WHEN 4 THEN 'low' ELSE 'none' END"
)
_PERSON = "json_build_object('id', {0}.id, 'display_name', {0}.display_name, 'email', {0}.email)"


def _item(extra: str = "") -> str:
    return f"""json_build_object(
        'id', i.id, 'key', p.key || '-' || i.number, 'number', i.number,
        'project', json_build_object('id', p.id, 'key', p.key, 'name', p.name),
        'title', i.title,
        'state', json_build_object('id', s.id, 'name', s.name, 'category', s.category,
                                   'color', s.color),
        'priority', {_PRIORITY}, 'estimate', i.estimate, 'due_date', i.due_date,
        'assignees', coalesce((SELECT json_agg({_PERSON.format("u")}
                                              ORDER BY u.display_name, u.id)
                               FROM issues_issueassignee a JOIN accounts_user u ON u.id = a.user_id
                               WHERE a.issue_id = i.id), '[]'),
        'labels', coalesce((SELECT json_agg(json_build_object('id', l.id, 'name', l.name,
                                                              'color', l.color)
                                            ORDER BY l.name, l.id)
                            FROM issues_issuelabel il JOIN projects_label l ON l.id = il.label_id
                            WHERE il.issue_id = i.id), '[]'),
        'parent', CASE WHEN par.id IS NULL THEN NULL ELSE json_build_object(
            'id', par.id, 'key', pp.key || '-' || par.number, 'title', par.title) END,
        'reporter', CASE WHEN r.id IS NULL THEN NULL ELSE {_PERSON.format("r")} END,
        'position', i.position,
        'created_at', {_TIME.format("i.created_at")},
        'updated_at', {_TIME.format("i.updated_at")},
        'completed_at', {_TIME.format("i.completed_at")},
        'external_ref', i.external_ref{extra})"""


_JOINS = """
    FROM issues_issue i
    JOIN projects_project p ON p.id = i.project_id
    JOIN projects_state s ON s.id = i.state_id
    LEFT JOIN issues_issue par ON par.id = i.parent_id
    LEFT JOIN projects_project pp ON pp.id = par.project_id
    LEFT JOIN accounts_user r ON r.id = i.reporter_id
"""

# One statement per page: the keys of one row more than the page (to know whether another
# follows), then the page's JSON and the last row's key for the cursor, built by PostgreSQL.
_LIST = f"""
WITH page AS (
    SELECT i.id, i.created_at, row_number() OVER (ORDER BY i.created_at DESC, i.id DESC) AS n
    FROM issues_issue i JOIN projects_project p ON p.id = i.project_id
    WHERE i.workspace_id = (SELECT id FROM workspaces_workspace WHERE slug = %(workspace)s)
      AND (%(project)s::text IS NULL OR p.key = %(project)s)
      AND (%(q)s::text IS NULL
           OR i.search_vector @@ websearch_to_tsquery('english', %(q)s))
    ORDER BY i.created_at DESC, i.id DESC
    LIMIT %(limit)s + 1
)
SELECT coalesce(json_agg({_item()} ORDER BY page.n), '[]')::text,
       (SELECT count(*) FROM page) > %(limit)s,
       max(page.created_at::text) FILTER (WHERE page.n = %(limit)s),
       max(page.id::text) FILTER (WHERE page.n = %(limit)s)
FROM page JOIN issues_issue i ON i.id = page.id
    JOIN projects_project p ON p.id = i.project_id
    JOIN projects_state s ON s.id = i.state_id
    LEFT JOIN issues_issue par ON par.id = i.parent_id
    LEFT JOIN projects_project pp ON pp.id = par.project_id
    LEFT JOIN accounts_user r ON r.id = i.reporter_id
WHERE page.n <= %(limit)s
"""

_DETAIL = f"""
SELECT {_item(", 'description', i.description")}::text
{_JOINS}
WHERE i.workspace_id = (SELECT id FROM workspaces_workspace WHERE slug = %(workspace)s)
  AND p.key = %(project)s AND i.number = %(number)s
"""

pool: AsyncConnectionPool | None = None


async def _pool() -> AsyncConnectionPool:
    global pool
    if pool is None:
        url = os.environ["DATABASE_URL"]
        pool = AsyncConnectionPool(url, min_size=2, max_size=8, open=False)
        await pool.open()
    return pool


async def _send(send, status: int, body: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def app(scope, receive, send) -> None:
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    path = scope["path"].strip("/").split("/")
    query = {k: v[0] for k, v in parse_qs(scope["query_string"].decode()).items()}
    limit = min(100, int(query.get("limit", 50)))
    async with (await _pool()).connection() as connection, connection.cursor() as cursor:
        if path[0] == "issues" and len(path) == 2:
            project, number = path[1].rsplit("-", 1)
            params = {"workspace": _WORKSPACE, "project": project, "number": int(number)}
            await cursor.execute(_DETAIL, params)
            row = await cursor.fetchone()
            if row is None:
                await _send(send, 404, b'{"detail":"Not found."}')
                return
            await _send(send, 200, row[0].encode())
            return
        project = path[1] if path[0] == "projects" else None
        params = {"workspace": _WORKSPACE, "project": project, "q": query.get("q"), "limit": limit}
        await cursor.execute(_LIST, params)
        results, has_more, last_created, last_id = await cursor.fetchone()
    cursor_json = "null"
    if has_more:
        payload = json.dumps({"o": "-created", "k": [last_created, last_id]}).encode()
        cursor_json = '"' + base64.urlsafe_b64encode(payload).decode().rstrip("=") + '"'
    body = '{"results":' + results + ',"next_cursor":' + cursor_json + "}"
    await _send(send, 200, body.encode())

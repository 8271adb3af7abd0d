/** The issue writes (the reads are query options in api/queries.ts). */
import { ApiError, api, unwrap, unwrapEmpty } from "../../../shared/api/http";
import { BOARD_PAGE_SIZE, type Issue, type Schemas, type TaggedIssue } from "../../../shared/api/queries";

export type IssueChanges = Schemas["PatchedIssueUpdateInput"];
export type IssueCreate = Schemas["IssueCreateInput"];
export type IssueMove = Schemas["IssueMoveInput"];

export async function createIssue(slug: string, projectKey: string, body: IssueCreate) {
  return unwrap(
    await api.POST("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/issues", {
      params: { path: { workspace_slug: slug, project_key: projectKey } },
      body,
    }),
  );
}

/**
 * A new issue goes to the end of its state's column. In a column longer than a board's first
 * page that is out of view for everyone (the board loads the top of each column), so it is moved
 * to the top of the column. Best effort: the issue exists either way.
 */
export async function placeNewIssueInView(slug: string, projectKey: string, issue: Issue) {
  try {
    const page = unwrap(
      await api.GET("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/issues", {
        params: {
          path: { workspace_slug: slug, project_key: projectKey },
          query: { state: issue.state.id, ordering: "position", limit: BOARD_PAGE_SIZE } as never,
        },
      }),
    );
    const first = page.results[0];
    if (!first || page.results.some((other) => other.id === issue.id)) return;
    await moveIssue(slug, issue.key, { state_id: issue.state.id, before_id: first.id });
  } catch {
    // Left at the column's end: still found by the list, search and "Load more".
  }
}

/** What the user sees when an edit was refused because their copy was stale (412). */
export const STALE_ISSUE_MESSAGE = "Someone else changed this issue; it has been reloaded.";

/** The server refused a write made with If-Match: the issue changed since we read it. */
export function isStaleIssue(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

/** If-Match with the ETag of the copy being edited; without one the write is unconditional. */
function ifMatch(etag: string | null | undefined): { "If-Match"?: string } {
  return etag ? { "If-Match": etag } : {};
}

function tagged<T extends Schemas["IssueOutput"]>(result: {
  data?: T;
  error?: unknown;
  response: Response;
}): TaggedIssue {
  return { ...unwrap(result), etag: result.response.headers.get("ETag") };
}

export async function updateIssue(
  slug: string,
  issueKey: string,
  body: IssueChanges,
  etag?: string | null,
): Promise<TaggedIssue> {
  return tagged(
    await api.PATCH("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}", {
      params: { path: { workspace_slug: slug, issue_key: issueKey }, header: ifMatch(etag) },
      body,
    }),
  );
}

/** One label or assignee put on (`on`) or taken off an issue, the others kept. */
export type LinkToggle = { link: "labels" | "assignees"; id: string; on: boolean };

/** An edit of the side panel: some fields (PATCH), or one label or assignee (PUT / DELETE). */
export type IssueEdit = IssueChanges | LinkToggle;

export function isLinkToggle(edit: IssueEdit): edit is LinkToggle {
  return "link" in edit;
}

/** PUT or DELETE one label or assignee: both answer the issue with its new ETag, and either is
 * a no-op (same ETag) if the issue already was that way. */
export async function setIssueLink(
  slug: string,
  issueKey: string,
  { link, id, on }: LinkToggle,
  etag?: string | null,
): Promise<TaggedIssue> {
  const base = { workspace_slug: slug, issue_key: issueKey };
  const header = ifMatch(etag);
  if (link === "labels") {
    const path = "/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/labels/{label_id}";
    const params = { path: { ...base, label_id: id }, header };
    return tagged(on ? await api.PUT(path, { params }) : await api.DELETE(path, { params }));
  }
  const path = "/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/assignees/{user_id}";
  const params = { path: { ...base, user_id: id }, header };
  return tagged(on ? await api.PUT(path, { params }) : await api.DELETE(path, { params }));
}

export async function moveIssue(
  slug: string,
  issueKey: string,
  body: IssueMove,
  etag?: string | null,
): Promise<TaggedIssue> {
  return tagged(
    await api.POST("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/move", {
      params: { path: { workspace_slug: slug, issue_key: issueKey }, header: ifMatch(etag) },
      body,
    }),
  );
}

export async function addComment(slug: string, issueKey: string, body: string) {
  return unwrap(
    await api.POST("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/comments", {
      params: { path: { workspace_slug: slug, issue_key: issueKey } },
      body: { body },
    }),
  );
}

export async function editComment(slug: string, issueKey: string, id: string, body: string) {
  return unwrap(
    await api.PATCH("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/comments/{comment_id}", {
      params: { path: { workspace_slug: slug, issue_key: issueKey, comment_id: id } },
      body: { body },
    }),
  );
}

export async function deleteComment(slug: string, issueKey: string, id: string) {
  unwrapEmpty(
    await api.DELETE("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/comments/{comment_id}", {
      params: { path: { workspace_slug: slug, issue_key: issueKey, comment_id: id } },
    }),
  );
}

export type RelationCreate = Schemas["IssueRelationCreateInput"];

/** Relate the issue to another (by key); the other gets the inverse kind. */
export async function addRelation(slug: string, issueKey: string, body: RelationCreate) {
  return unwrap(
    await api.POST("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/relations", {
      params: { path: { workspace_slug: slug, issue_key: issueKey } },
      body,
    }),
  );
}

export async function removeRelation(slug: string, issueKey: string, otherKey: string) {
  unwrapEmpty(
    await api.DELETE("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/relations/{other_key}", {
      params: { path: { workspace_slug: slug, issue_key: issueKey, other_key: otherKey } },
    }),
  );
}

export type BulkChanges = Schemas["IssueBulkChangesInput"];
export type BulkResult = Schemas["IssueBulkUpdateResultItem"];

/** The same changes to many issues in one request; one result per key (`ok`, or its error). */
export async function bulkUpdateIssues(slug: string, keys: string[], changes: BulkChanges): Promise<BulkResult[]> {
  return unwrap(
    await api.POST("/api/v1/workspaces/{workspace_slug}/issues/bulk-update", {
      params: { path: { workspace_slug: slug } },
      body: { keys, changes },
    }),
  ).results;
}

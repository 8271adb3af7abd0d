/** The issue writes (the reads are query options in api/queries.ts). */
import { api, unwrap, unwrapEmpty } from "../../api/http";
import type { Schemas } from "../../api/queries";

export type IssueChanges = Schemas["PatchedIssueUpdateInputRequest"];
export type IssueCreate = Schemas["IssueCreateInputRequest"];
export type IssueMove = Schemas["IssueMoveInputRequest"];

export async function createIssue(slug: string, projectKey: string, body: IssueCreate) {
  return unwrap(
    await api.POST("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/issues", {
      params: { path: { workspace_slug: slug, project_key: projectKey } },
      body,
    }),
  );
}

export async function updateIssue(slug: string, issueKey: string, body: IssueChanges) {
  return unwrap(
    await api.PATCH("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}", {
      params: { path: { workspace_slug: slug, issue_key: issueKey } },
      body,
    }),
  );
}

export async function moveIssue(slug: string, issueKey: string, body: IssueMove) {
  return unwrap(
    await api.POST("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/move", {
      params: { path: { workspace_slug: slug, issue_key: issueKey } },
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

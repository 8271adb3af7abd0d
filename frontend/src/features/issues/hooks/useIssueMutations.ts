import {
  MutationObserver,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";

import type { Board } from "../../../shared/api/boardCache";
import { cachedLabel, cachedPerson, putIssueEverywhere, TOP_OF_COLUMN } from "../../../shared/api/issueCache";
import {
  issueQuery,
  keys,
  statesQuery,
  type IssueListItem,
  type TaggedIssue,
} from "../../../shared/api/queries";
import { undoStack } from "../../../shared/lib/undo";
import { errorMessage } from "../../../shared/components/States";
import {
  isLinkToggle,
  isStaleIssue,
  setIssueLink,
  STALE_ISSUE_MESSAGE,
  updateIssue,
  type IssueChanges,
  type IssueEdit,
} from "../api/issueApi";

/** One edit of an issue; `undoing` when it takes back the previous one (no new Undo for it). */
export type IssueEditRequest = { edit: IssueEdit; undoing?: boolean };

type Snapshot = {
  issue: TaggedIssue | undefined;
  lists: [readonly unknown[], InfiniteData<unknown> | undefined][];
  boards: [readonly unknown[], Board | undefined][];
};

/**
 * The issue as it will be once `edit` is saved, from what the cache knows (states, members,
 * labels, the parent just picked); what it cannot know yet stays as it was until the answer.
 */
function withEdit(
  client: QueryClient,
  slug: string,
  projectKey: string,
  issue: TaggedIssue,
  edit: IssueEdit,
): TaggedIssue {
  if (isLinkToggle(edit)) {
    if (edit.link === "assignees") {
      const member = cachedPerson(client, slug, edit.id);
      const others = issue.assignees.filter((person) => person.id !== edit.id);
      return { ...issue, assignees: edit.on && member ? [...others, member] : others };
    }
    const label = cachedLabel(client, slug, projectKey, edit.id);
    const others = issue.labels.filter((other) => other.id !== edit.id);
    return { ...issue, labels: edit.on && label ? [...others, label] : others };
  }
  const next: TaggedIssue = { ...issue };
  const { state_id, parent_id, ...plain } = edit;
  Object.assign(next, plain);
  if (state_id) {
    const state = client
      .getQueryData(statesQuery(slug, projectKey).queryKey)
      ?.find((candidate) => candidate.id === state_id);
    if (state) {
      const { id, name, category, color } = state;
      next.state = { id, name, category, color };
      // The server puts an issue that changes state at the top of its new column.
      if (state.id !== issue.state.id) next.position = TOP_OF_COLUMN;
    }
  }
  if (parent_id === null) next.parent = null;
  else if (parent_id) {
    const searches = client.getQueriesData<IssueListItem[]>({
      queryKey: ["workspace", slug, "project", projectKey, "issue-search"],
    });
    const parent = searches.flatMap(([, found]) => found ?? []).find((other) => other.id === parent_id);
    if (parent) next.parent = { id: parent.id, key: parent.key, title: parent.title };
  }
  return next;
}

/** The edit that puts back what `edit` changed on `before`. */
function inverseOf(before: TaggedIssue, edit: IssueEdit): IssueEdit {
  if (isLinkToggle(edit)) return { ...edit, on: !edit.on };
  const back: IssueChanges = {};
  for (const field of Object.keys(edit) as (keyof IssueChanges)[]) {
    if (field === "state_id") back.state_id = before.state.id;
    else if (field === "parent_id") back.parent_id = before.parent?.id ?? null;
    else (back as Record<string, unknown>)[field] = before[field as keyof TaggedIssue];
  }
  return back;
}

/** What the Undo toast says was changed. */
function describeEdit(after: TaggedIssue, edit: IssueEdit): string {
  if (isLinkToggle(edit)) {
    const what = edit.link === "assignees" ? "assignee" : "label";
    return `${after.key}: ${what} ${edit.on ? "added" : "removed"}`;
  }
  if (edit.state_id) return `${after.key} moved to ${after.state.name}`;
  if (edit.priority) return `${after.key}: priority ${edit.priority}`;
  if ("parent_id" in edit) return `${after.key}: parent ${after.parent?.key ?? "removed"}`;
  if (edit.title) return `${after.key} renamed`;
  return `${after.key} changed`;
}

/**
 * The mutation behind every field of an issue, in the panel, the palette and the shortcuts:
 * the change shows at once (the issue, its lists and boards), the server's answer replaces it,
 * and a refusal puts everything back and says why. A saved change can be undone (toast, Z).
 * If-Match carries the ETag of the copy on screen; a 412 means someone else changed it.
 * Edits of one issue run one after another, so each sends the ETag its predecessor brought back.
 */
export function issueEditOptions(
  client: QueryClient,
  slug: string,
  issueKey: string,
  projectKey: string,
) {
  const issueKeyOfQuery = issueQuery(slug, issueKey).queryKey;
  const listsKey = [...keys.issues(slug, projectKey), "list"];
  const boardsKey = keys.boards(slug, projectKey);
  return {
    scope: { id: `issue-write:${slug}:${issueKey}` },
    mutationFn: ({ edit }: IssueEditRequest) => {
      const etag = client.getQueryData(issueKeyOfQuery)?.etag;
      return isLinkToggle(edit)
        ? setIssueLink(slug, issueKey, edit, etag)
        : updateIssue(slug, issueKey, edit, etag);
    },
    onMutate: async ({ edit }: IssueEditRequest): Promise<Snapshot> => {
      await client.cancelQueries({ queryKey: issueKeyOfQuery, exact: true });
      const snapshot: Snapshot = {
        issue: client.getQueryData(issueKeyOfQuery),
        lists: client.getQueriesData({ queryKey: listsKey }),
        boards: client.getQueriesData<Board>({ queryKey: boardsKey }),
      };
      if (snapshot.issue) {
        const optimistic = withEdit(client, slug, projectKey, snapshot.issue, edit);
        client.setQueryData(issueKeyOfQuery, optimistic);
        putIssueEverywhere(client, slug, projectKey, optimistic);
      }
      return snapshot;
    },
    onSuccess: (issue: TaggedIssue, { edit, undoing }: IssueEditRequest, snapshot: Snapshot) => {
      client.setQueryData(issueKeyOfQuery, issue);
      putIssueEverywhere(client, slug, projectKey, issue);
      const before = snapshot.issue;
      if (undoing || !before) return;
      const inverse = inverseOf(before, edit);
      undoStack.push(describeEdit(issue, edit), () => {
        void new MutationObserver(client, issueEditOptions(client, slug, issueKey, projectKey)).mutate({
          edit: inverse,
          undoing: true,
        });
      });
    },
    onError: (error: Error, _request: IssueEditRequest, snapshot: Snapshot | undefined) => {
      if (snapshot?.issue) client.setQueryData(issueKeyOfQuery, snapshot.issue);
      for (const [key, data] of snapshot?.lists ?? []) client.setQueryData(key, data);
      for (const [key, board] of snapshot?.boards ?? []) client.setQueryData(key, board);
      undoStack.fail(
        isStaleIssue(error) ? STALE_ISSUE_MESSAGE : `Could not save ${issueKey}: ${errorMessage(error)}`,
      );
      // A refusal may mean our copy is stale (412): read it again.
      void client.invalidateQueries({ queryKey: issueKeyOfQuery, exact: true });
    },
    onSettled: () => client.invalidateQueries({ queryKey: keys.activity(slug, issueKey) }),
  };
}

export function useUpdateIssue(slug: string, issueKey: string, projectKey: string) {
  const client = useQueryClient();
  return useMutation(issueEditOptions(client, slug, issueKey, projectKey));
}

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";

import type { Board } from "../../../shared/api/boardCache";
import {
  boardHolds,
  listsKey,
  pagesHold,
  putIssueEverywhere,
  removeIssueEverywhere,
  type IssuePages,
} from "../../../shared/api/issueCache";
import { keys, type Issue, type IssueListItem } from "../../../shared/api/queries";
import { errorMessage } from "../../../shared/components/States";
import { selection } from "../../../shared/lib/keyboard";
import { bulkUpdateIssues } from "../api/issueApi";
import { changesOf, failuresOf, settle, withAction, type BulkAction } from "../lib/bulk";

export type BulkFailure = { key: string; reason: string };
type Request = { issueKeys: string[]; action: BulkAction };

/** The copy of an issue the project's lists or boards show now, if any does. */
function shownItem(client: QueryClient, slug: string, projectKey: string, key: string): IssueListItem | undefined {
  for (const [, data] of client.getQueriesData<IssuePages>({ queryKey: listsKey(slug, projectKey) })) {
    if (data && pagesHold(data, key)) {
      for (const page of data.pages) {
        const found = page.results.find((item) => item.key === key);
        if (found) return found;
      }
    }
  }
  for (const [, board] of client.getQueriesData<Board>({ queryKey: keys.boards(slug, projectKey) })) {
    if (board && boardHolds(board, key)) {
      for (const column of board.columns) {
        const found = column.issues.find((item) => item.key === key);
        if (found) return found;
      }
    }
  }
  return undefined;
}

// A list item carries every field the caches' writers read (they drop `description`).
const asIssue = (item: IssueListItem) => item as Issue;

/**
 * One bulk change of the selected issues (the bar, list and board): shown at once on every
 * cached list and board of the project, sent as one bulk update, then settled item by item: the
 * saved ones take the server's copy and leave the selection, each refused one goes back (or
 * away, if deleted meanwhile) and stays selected, its reason listed in `failures`.
 */
export function useBulkUpdate(slug: string, projectKey: string) {
  const client = useQueryClient();
  const [failures, setFailures] = useState<BulkFailure[]>([]);
  const mutation = useMutation({
    mutationFn: ({ issueKeys, action }: Request) => bulkUpdateIssues(slug, issueKeys, changesOf(action)),
    onMutate: async ({ issueKeys, action }: Request) => {
      setFailures([]);
      await client.cancelQueries({ queryKey: keys.issues(slug, projectKey) });
      const before = new Map<string, IssueListItem>();
      for (const key of issueKeys) {
        const item = shownItem(client, slug, projectKey, key);
        if (!item) continue;
        before.set(key, item);
        putIssueEverywhere(client, slug, projectKey, asIssue(withAction(item, action)));
      }
      return { before };
    },
    onSuccess: (results, { issueKeys }, context) => {
      const settled = settle(issueKeys, results, context.before);
      for (const each of settled) {
        if (each.outcome === "gone") removeIssueEverywhere(client, slug, projectKey, each.key);
        else if (each.item) putIssueEverywhere(client, slug, projectKey, asIssue(each.item));
        // An open panel shows the issue's detail: read it again.
        void client.invalidateQueries({ queryKey: keys.issue(slug, each.key) });
      }
      selection.remove(settled.filter((each) => each.outcome !== "restored").map((each) => each.key));
      setFailures(failuresOf(settled));
    },
    onError: (error, { issueKeys }, context) => {
      for (const item of context?.before.values() ?? []) putIssueEverywhere(client, slug, projectKey, asIssue(item));
      setFailures(issueKeys.map((key) => ({ key, reason: errorMessage(error) })));
    },
  });
  return { apply: mutation.mutate, pending: mutation.isPending, failures, dismiss: () => setFailures([]) };
}

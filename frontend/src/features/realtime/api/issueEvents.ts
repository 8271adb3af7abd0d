/**
 * A live change to one issue, applied to the lists and boards on screen: the issue is read once
 * (only when something cached shows it, or for a new one) and patched into each of them, so an
 * idle page pays one small request per change instead of reloading every list and board.
 */
import type { QueryClient } from "@tanstack/react-query";

import type { Board } from "../../../shared/api/boardCache";
import { ApiError } from "../../../shared/api/http";
import {
  boardHolds,
  listsKey,
  pagesHold,
  putIssueEverywhere,
  removeIssueEverywhere,
  type IssuePages,
} from "../../../shared/api/issueCache";
import { issueQuery, keys } from "../../../shared/api/queries";
import type { RealtimeEvent } from "./connection";

export async function applyIssueEvent(
  client: QueryClient,
  slug: string,
  projectKey: string,
  event: RealtimeEvent,
): Promise<void> {
  const key = event.subject.label;
  if (event.name === "issue.deleted") {
    removeIssueEverywhere(client, slug, projectKey, key);
    client.removeQueries({ queryKey: keys.issue(slug, key), exact: true });
    return;
  }
  // The issue's own panel, if open, reads it again (one request, shared with the one below).
  void client.invalidateQueries({ queryKey: keys.issue(slug, key), exact: true });
  const created = event.name === "issue.created";
  if (created) {
    // Where a new issue falls in a sorted, filtered list is the server's to say.
    void client.invalidateQueries({ queryKey: listsKey(slug, projectKey) });
  }
  const lists = client.getQueriesData<IssuePages>({ queryKey: listsKey(slug, projectKey) });
  const boards = client.getQueriesData<Board>({ queryKey: keys.boards(slug, projectKey) });
  const shown =
    lists.some(([, data]) => pagesHold(data, key)) || boards.some(([, board]) => boardHolds(board, key));
  if (!shown && !(created && boards.length)) return;
  try {
    const fresh = await client.fetchQuery({ ...issueQuery(slug, key), staleTime: 0 });
    putIssueEverywhere(client, slug, projectKey, fresh);
  } catch (error) {
    // Gone, or no longer visible to this user: as if deleted.
    if (error instanceof ApiError && error.status === 404) {
      removeIssueEverywhere(client, slug, projectKey, key);
    }
  }
}

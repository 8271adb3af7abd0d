import { useMutation, useQueryClient } from "@tanstack/react-query";

import { withCardMoved, type Board, type StateRef } from "../../../shared/api/boardCache";
import { putIssueEverywhere } from "../../../shared/api/issueCache";
import { issueQuery, keys, type IssueListItem } from "../../../shared/api/queries";
import { isStaleIssue, moveIssue } from "../../issues";

export type MoveRequest = {
  issue: IssueListItem;
  state: StateRef;
  after: IssueListItem | null;
  before: IssueListItem | null;
};

/** A sort key between two neighbours, good enough for the local copy until the server answers. */
function localPosition(after: IssueListItem | null, before: IssueListItem | null): string {
  if (after) return `${after.position}V`;
  if (before) return `\u0000${before.position}`;
  return "V";
}

/**
 * Move a card on the board: optimistic, rolled back (and reported) if the server refuses.
 * The local move applies to every cached board of the project (each set of filters), taking the
 * card out of its column and putting it into the target one between its neighbours.
 * If-Match carries the ETag of the issue as last read (its detail), when that read shows the
 * same card the board shows (same `updated_at`); a card never opened moves unconditionally,
 * as the board's list carries no ETags.
 */
export function useMoveIssue(slug: string, projectKey: string, onError: (message: string) => void) {
  const queryClient = useQueryClient();
  const boardsKey = keys.boards(slug, projectKey);
  const etagOf = (card: IssueListItem): string | null => {
    const read = queryClient.getQueryData(issueQuery(slug, card.key).queryKey);
    return read && read.updated_at === card.updated_at ? read.etag : null;
  };
  return useMutation({
    mutationFn: ({ issue, state, after, before }: MoveRequest) =>
      moveIssue(
        slug,
        issue.key,
        { state_id: state.id, after_id: after?.id ?? null, before_id: before?.id ?? null },
        etagOf(issue),
      ),
    onSuccess: (moved) => {
      queryClient.setQueryData(issueQuery(slug, moved.key).queryKey, moved);
      // The saved card (with the server's position) replaces the local one: no board reload.
      putIssueEverywhere(queryClient, slug, projectKey, moved);
    },
    onMutate: async ({ issue, state, after, before }) => {
      await queryClient.cancelQueries({ queryKey: boardsKey });
      const previous = queryClient.getQueriesData<Board>({ queryKey: boardsKey });
      const position = localPosition(after, before);
      queryClient.setQueriesData<Board>(
        { queryKey: boardsKey },
        (board) => board && withCardMoved(board, { issue, state, after, before, position }),
      );
      return { previous };
    },
    onError: (error, { issue }, context) => {
      for (const [key, board] of context?.previous ?? []) queryClient.setQueryData(key, board);
      onError(
        isStaleIssue(error)
          ? `Someone else changed ${issue.key}; it has been reloaded.`
          : `Could not move ${issue.key}: ${error.message}`,
      );
    },
    onSettled: (_data, error, { issue }) =>
      Promise.all([
        // After a refusal the boards are read again: the server's order is the truth.
        error ? queryClient.invalidateQueries({ queryKey: keys.issues(slug, projectKey) }) : null,
        error ? queryClient.invalidateQueries({ queryKey: keys.issue(slug, issue.key) }) : null,
        queryClient.invalidateQueries({ queryKey: keys.activity(slug, issue.key) }),
      ]),
  });
}

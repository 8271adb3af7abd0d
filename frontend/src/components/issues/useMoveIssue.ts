import { useMutation, useQueryClient } from "@tanstack/react-query";

import { boardQuery, keys, type IssueListItem, type State } from "../../api/queries";
import { moveIssue } from "./issueApi";

export type MoveRequest = {
  issue: IssueListItem;
  state: State;
  after: IssueListItem | null;
  before: IssueListItem | null;
};

/** A sort key between two neighbours, good enough for the local copy until the server answers. */
function localPosition(after: IssueListItem | null, before: IssueListItem | null): string {
  if (after) return `${after.position}V`;
  if (before) return `\u0000${before.position}`;
  return "V";
}

/** Move a card on the board: optimistic, rolled back (and reported) if the server refuses. */
export function useMoveIssue(slug: string, projectKey: string, onError: (message: string) => void) {
  const queryClient = useQueryClient();
  const boardKey = boardQuery(slug, projectKey).queryKey;
  return useMutation({
    mutationFn: ({ issue, state, after, before }: MoveRequest) =>
      moveIssue(slug, issue.key, {
        state_id: state.id,
        after_id: after?.id ?? null,
        before_id: before?.id ?? null,
      }),
    onMutate: async ({ issue, state, after, before }) => {
      await queryClient.cancelQueries({ queryKey: boardKey });
      const previous = queryClient.getQueryData(boardKey);
      const { id, name, category, color } = state;
      queryClient.setQueryData(boardKey, (issues) =>
        issues?.map((other) =>
          other.id === issue.id
            ? { ...other, state: { id, name, category, color }, position: localPosition(after, before) }
            : other,
        ),
      );
      return { previous };
    },
    onError: (error, { issue }, context) => {
      if (context?.previous) queryClient.setQueryData(boardKey, context.previous);
      onError(`Could not move ${issue.key}: ${error.message}`);
    },
    onSettled: (_data, _error, { issue }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.issues(slug, projectKey) }),
        queryClient.invalidateQueries({ queryKey: keys.issue(slug, issue.key) }),
        queryClient.invalidateQueries({ queryKey: keys.activity(slug, issue.key) }),
      ]),
  });
}

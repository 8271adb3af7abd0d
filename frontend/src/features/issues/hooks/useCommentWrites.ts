import { useMutation, useQueryClient } from "@tanstack/react-query";

import { keys } from "../../../shared/api/queries";
import { addComment, deleteComment, editComment } from "../api/issueApi";

/** The issue a comment write goes to. */
export type IssueScope = { slug: string; issueKey: string };

/** A comment shows in the thread and in the issue's history: both are read again. */
function useRefreshComments({ slug, issueKey }: IssueScope) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.comments(slug, issueKey) }),
      queryClient.invalidateQueries({ queryKey: keys.activity(slug, issueKey) }),
    ]);
}

export function useAddComment(scope: IssueScope) {
  const refresh = useRefreshComments(scope);
  return useMutation({
    mutationFn: (body: string) => addComment(scope.slug, scope.issueKey, body),
    onSettled: refresh,
  });
}

export function useEditComment(scope: IssueScope, commentId: string) {
  const refresh = useRefreshComments(scope);
  return useMutation({
    mutationFn: (body: string) => editComment(scope.slug, scope.issueKey, commentId, body),
    onSettled: refresh,
  });
}

export function useDeleteComment(scope: IssueScope, commentId: string) {
  const refresh = useRefreshComments(scope);
  return useMutation({
    mutationFn: () => deleteComment(scope.slug, scope.issueKey, commentId),
    onSettled: refresh,
  });
}

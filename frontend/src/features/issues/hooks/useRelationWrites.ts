import { useMutation, useQueryClient } from "@tanstack/react-query";

import { keys, type RelationKind } from "../../../shared/api/queries";
import { addRelation, removeRelation } from "../api/issueApi";
import type { IssueScope } from "./useCommentWrites";

/** Both ends list the relation, and both histories record it. */
function useRefreshRelations({ slug, issueKey }: IssueScope) {
  const queryClient = useQueryClient();
  return (otherKey: string) =>
    Promise.all(
      [issueKey, otherKey].flatMap((key) => [
        queryClient.invalidateQueries({ queryKey: keys.relations(slug, key) }),
        queryClient.invalidateQueries({ queryKey: keys.activity(slug, key) }),
      ]),
    );
}

export function useAddRelation(scope: IssueScope) {
  const refresh = useRefreshRelations(scope);
  return useMutation({
    mutationFn: ({ otherKey, kind }: { otherKey: string; kind: RelationKind }) =>
      addRelation(scope.slug, scope.issueKey, { issue_key: otherKey, type: kind }),
    onSettled: (_data, _error, { otherKey }) => refresh(otherKey),
  });
}

export function useRemoveRelation(scope: IssueScope, otherKey: string) {
  const refresh = useRefreshRelations(scope);
  return useMutation({
    mutationFn: () => removeRelation(scope.slug, scope.issueKey, otherKey),
    onSettled: () => refresh(otherKey),
  });
}

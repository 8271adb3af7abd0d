import { useMutation, useQueryClient } from "@tanstack/react-query";

import { keys } from "../../api/queries";
import { updateIssue, type IssueChanges } from "./issueApi";

/** PATCH an issue, then refresh everything that shows it. */
export function useUpdateIssue(slug: string, issueKey: string, projectKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: IssueChanges) => updateIssue(slug, issueKey, changes),
    onSuccess: (issue) => {
      queryClient.setQueryData(keys.issue(slug, issueKey), issue);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.issue(slug, issueKey) }),
        queryClient.invalidateQueries({ queryKey: keys.issues(slug, projectKey) }),
        queryClient.invalidateQueries({ queryKey: keys.activity(slug, issueKey) }),
      ]),
  });
}

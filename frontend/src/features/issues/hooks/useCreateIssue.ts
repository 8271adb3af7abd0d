import { useMutation, useQueryClient } from "@tanstack/react-query";

import { keys } from "../../../shared/api/queries";
import { createIssue, placeNewIssueInView, type IssueCreate } from "../api/issueApi";

/** POST an issue, put it into the views that show it, and read the project's issues again. */
export function useCreateIssue(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ projectKey, body }: { projectKey: string; body: IssueCreate }) =>
      createIssue(slug, projectKey, body),
    onSuccess: async (issue, { projectKey }) => {
      await placeNewIssueInView(slug, projectKey, issue);
      await queryClient.invalidateQueries({ queryKey: keys.issues(slug, projectKey) });
    },
  });
}

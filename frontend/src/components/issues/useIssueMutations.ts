import { useMutation, useQueryClient } from "@tanstack/react-query";

import { putIssueEverywhere } from "../../api/issueCache";
import { issueQuery, keys } from "../../api/queries";
import { isLinkToggle, setIssueLink, updateIssue, type IssueEdit } from "./issueApi";

/**
 * PATCH an issue with If-Match (the ETag of the copy on screen), then put the saved copy
 * wherever the issue is shown. Ticking or unticking one label or assignee PUTs or DELETEs just that one, so two
 * people editing other labels of the same issue do not overwrite each other. A 412 means someone else changed it: the refresh brings their copy on screen, and
 * the error says so (see isStaleIssue). Edits of one issue run one after another, so each
 * sends the ETag its predecessor brought back.
 */
export function useUpdateIssue(slug: string, issueKey: string, projectKey: string) {
  const queryClient = useQueryClient();
  const issueKeyOfQuery = issueQuery(slug, issueKey).queryKey;
  return useMutation({
    scope: { id: `issue-write:${slug}:${issueKey}` },
    mutationFn: (edit: IssueEdit) => {
      const etag = queryClient.getQueryData(issueKeyOfQuery)?.etag;
      return isLinkToggle(edit)
        ? setIssueLink(slug, issueKey, edit, etag)
        : updateIssue(slug, issueKey, edit, etag);
    },
    onSuccess: (issue) => {
      // The answer is the issue as saved: it replaces the one item in every list and board,
      // instead of reloading them all.
      queryClient.setQueryData(issueKeyOfQuery, issue);
      putIssueEverywhere(queryClient, slug, projectKey, issue);
    },
    // A refusal may mean our copy is stale (412): read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: issueKeyOfQuery, exact: true }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.activity(slug, issueKey) }),
  });
}

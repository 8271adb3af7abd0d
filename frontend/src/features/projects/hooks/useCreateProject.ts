import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../shared/api/http";
import { keys, type Schemas } from "../../../shared/api/queries";

/** POST a project into the workspace; its project list is read again. */
export function useCreateProject(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas["ProjectCreateInput"]) =>
      unwrap(
        await api.POST("/api/v1/workspaces/{workspace_slug}/projects", {
          params: { path: { workspace_slug: slug } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.projects(slug) }),
  });
}
